// The office's settings of 解约 and 签约邀请 (#14) and the exceptions to the per-year limit.
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { changesOf, recordAudit } from "@/lib/audit";
import { requireOffice } from "@/lib/settings/service";
import { policySettings } from "@/lib/workflow/policy";
import type { TerminationSettings } from "./schemas";

export async function terminationSettings(): Promise<TerminationSettings> {
  return policySettings(prisma);
}

export async function updateTerminationSettings(actor: Actor, input: TerminationSettings) {
  requireOffice(actor);
  return prisma.$transaction(async (tx) => {
    const before = await policySettings(tx);
    await tx.setting.upsert({ where: { id: 1 }, create: { id: 1, schoolName: "", signingNotice: "", breachNotice: "", ...input }, update: input });
    await recordAudit(tx, { actor, entity: "Setting", entityId: "1", action: "updateTerminationSettings", changes: changesOf(before, input) as Prisma.InputJsonValue });
  });
}

/** 解约次数例外: the graduate may have one more 解约 this graduation year. */
export async function grantTerminationException(actor: Actor, input: { studentNo: string; reason: string }) {
  requireOffice(actor);
  const student = await prisma.student.findUnique({ where: { studentNo: input.studentNo }, select: { id: true, graduationYear: true, name: true } });
  if (!student) throw new AppError("NOT_FOUND", "未找到该学号的毕业生", { studentNo: "未找到该学号的毕业生" });
  return prisma.$transaction(async (tx) => {
    const e = await tx.terminationException.create({
      data: { studentId: student.id, graduationYear: student.graduationYear, reason: input.reason, grantedById: actor.userId },
    });
    await recordAudit(tx, { actor, entity: "TerminationException", entityId: e.id, action: "grantTerminationException", changes: { studentNo: input.studentNo, reason: input.reason } });
    return { id: e.id, studentName: student.name };
  });
}

export async function listTerminationExceptions() {
  return prisma.terminationException.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    include: { student: { select: { studentNo: true, name: true, college: { select: { name: true } } } } },
  });
}
