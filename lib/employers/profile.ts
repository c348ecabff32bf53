// 单位信息: the unit's own profile (the defaults that prefill 用人单位情况 when signing) and
// its staff. A unit rejected by the office may correct its profile; that puts it back to
// 待审核 so the office looks again.
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import { changesOf, recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import type { unitProfileSchema } from "./schemas";

function employerIdOf(actor: Pick<Actor, "role" | "employerId">): string {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN");
  return actor.employerId;
}

export async function getOwnEmployer(actor: Pick<Actor, "role" | "employerId">) {
  const employer = await prisma.employer.findUnique({
    where: { id: employerIdOf(actor) },
    include: { staff: { select: { id: true, username: true, name: true, phone: true, email: true, active: true, lastLoginAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!employer) throw new AppError("NOT_FOUND", "未找到本单位信息");
  return employer;
}

/** The unit's registration as its landing page tells it (status, when, the office's reason). */
export async function getOwnRegistration(actor: Pick<Actor, "role" | "employerId">) {
  const employer = await prisma.employer.findUnique({
    where: { id: employerIdOf(actor) },
    select: { status: true, rejectReason: true, createdAt: true, updatedAt: true, reviewedAt: true },
  });
  if (!employer) throw new AppError("NOT_FOUND", "未找到本单位信息");
  return employer;
}

export async function updateEmployerProfile(actor: Actor, input: z.output<typeof unitProfileSchema>) {
  const employerId = employerIdOf(actor);
  return prisma.$transaction(async (tx) => {
    const before = await tx.employer.findUnique({ where: { id: employerId } });
    if (!before) throw new AppError("NOT_FOUND", "未找到本单位信息");
    const resubmit = before.status === "REJECTED";
    await tx.employer.update({
      where: { id: employerId },
      data: { ...input, ...(resubmit ? { status: "PENDING", rejectReason: null } : {}) },
    });
    await recordAudit(tx, {
      actor,
      entity: "Employer",
      entityId: employerId,
      action: resubmit ? "resubmit" : "updateProfile",
      changes: changesOf(before, input) as Prisma.InputJsonValue,
    });
    return { resubmitted: resubmit };
  });
}
