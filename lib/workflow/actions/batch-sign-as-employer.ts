// 批量签约: the unit signs many agreements at once with its profile's defaults, and is
// told each one's outcome. Every item passes the same checks as a single 确定签约
// (checkTransition); then the same build and the same write as a single signature, once
// for the whole set (runTransitionMany), so 500 take one request.
import { signatureFromProfile, unitSignatureSchema } from "@/lib/agreement/unit-section";
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { WorkflowActor } from "../actor";
import { runTransitionMany, type Ref } from "../engine";
import { batchOutcomes, checkBatch, type BatchOutcome } from "./batch-check";
import { autoConfirmAtFor } from "../seven-day-rule";

export type { BatchOutcome } from "./batch-check";

export async function batchSignAsEmployer(actor: WorkflowActor, items: Ref[], db: Db = prisma, now = new Date()): Promise<BatchOutcome[]> {
  if (actor.role !== "EMPLOYER" || !actor.employerId) throw new AppError("FORBIDDEN", "您的身份不能进行“批量签约”操作");
  const batch = await checkBatch(db, "sign", actor, items, now, (a) => a.employerId === actor.employerId, "签约成功");
  const signed = batch.candidates.length
    ? await runTransitionMany(
        {
          action: "sign",
          actor,
          now,
          targets: { kind: "refs", refs: batch.candidates },
          params: async ({ tx }) => {
            const employer = await tx.employer.findUniqueOrThrow({ where: { id: actor.employerId! } });
            const signature = unitSignatureSchema.safeParse(signatureFromProfile(employer));
            if (!signature.success) throw new AppError("INVALID_INPUT", "本单位的单位信息不完整或有误，请先在“单位信息”中修改后再批量签约");
            return { signature: signature.data, autoConfirmAt: await autoConfirmAtFor(tx, now) };
          },
        },
        db,
      )
    : [];
  // an item that moved on between the check and the write (another tab, another staff member) is a conflict
  return batchOutcomes(batch, signed);
}
