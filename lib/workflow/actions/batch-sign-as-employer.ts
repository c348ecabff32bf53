// 批量签约: the unit signs many agreements at once with its profile's defaults, and is
// told each one's outcome. Every item passes the same checks as a single 确定签约
// (checkTransition); then the same build and the same write as a single signature, once
// for the whole set (runTransitionMany), so 500 take one request.
import { signatureFromProfile, unitSignatureSchema } from "@/lib/agreement/unit-section";
import { prisma, type Db } from "@/lib/db/client";
import { AppError, ERROR_CODES, isAppError } from "@/lib/errors";
import type { WorkflowActor } from "../actor";
import { checkTransition } from "../capabilities";
import { agreementWithParties, runTransitionMany, type Ref } from "../engine";
import { autoConfirmAtFor } from "../seven-day-rule";

export type BatchOutcome = {
  agreementId: string;
  studentName: string | null;
  studentNo: string | null;
  ok: boolean;
  message: string;
};

export async function batchSignAsEmployer(actor: WorkflowActor, items: Ref[], db: Db = prisma, now = new Date()): Promise<BatchOutcome[]> {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN", "您的身份不能进行“批量签约”操作");
  const unique = [...new Map(items.map((i) => [i.agreementId, i])).values()];
  const loaded = await db.agreement.findMany({
    where: { id: { in: unique.map((i) => i.agreementId) } },
    include: agreementWithParties,
  });
  const byId = new Map(loaded.map((a) => [a.id, a]));

  const outcomes = new Map<string, BatchOutcome>();
  const candidates: Ref[] = [];
  for (const item of unique) {
    const agreement = byId.get(item.agreementId) ?? null;
    const visible = agreement && agreement.employerId === actor.employerId;
    const base = {
      agreementId: item.agreementId,
      studentName: visible ? agreement.student.name : null,
      studentNo: visible ? agreement.student.studentNo : null,
    };
    try {
      if (!agreement) throw new AppError("NOT_FOUND", "未找到该协议");
      checkTransition({ action: "sign", actor, agreement, expectedVersion: item.version, student: agreement.student, employer: agreement.employer, now });
      candidates.push(item);
      outcomes.set(item.agreementId, { ...base, ok: true, message: "签约成功" });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.set(item.agreementId, { ...base, ok: false, message: error.message });
    }
  }

  if (candidates.length > 0) {
    const signed = await runTransitionMany(
      {
        action: "sign",
        actor,
        now,
        targets: { kind: "refs", refs: candidates },
        params: async ({ tx }) => {
          const employer = await tx.employer.findUniqueOrThrow({ where: { id: actor.employerId! } });
          const signature = unitSignatureSchema.safeParse(signatureFromProfile(employer));
          if (!signature.success) throw new AppError("INVALID_INPUT", "本单位的单位信息不完整或有误，请先在“单位信息”中修改后再批量签约");
          return { signature: signature.data, autoConfirmAt: await autoConfirmAtFor(tx, now) };
        },
      },
      db,
    );
    // an item that moved on between the check and the write (another tab, another staff member)
    const done = new Set(signed.map((s) => s.agreementId));
    for (const c of candidates) {
      if (!done.has(c.agreementId)) outcomes.set(c.agreementId, { ...outcomes.get(c.agreementId)!, ok: false, message: ERROR_CODES.CONFLICT });
    }
  }
  return unique.map((i) => outcomes.get(i.agreementId)!);
}
