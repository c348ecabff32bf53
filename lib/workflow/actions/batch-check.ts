// The first half of every batch of one transition (批量签约, 批量鉴证): each item passes the
// same checks as a single act (checkTransition), with its outcome told to the person; the
// items that pass go on to one set-based write (runTransitionMany) by the caller.
import type { Db } from "@/lib/db/client";
import { ERROR_CODES, AppError, isAppError } from "@/lib/errors";
import type { WorkflowActor } from "../actor";
import { checkTransition } from "../capabilities";
import { agreementWithParties, type LoadedAgreement, type Ref } from "../engine";
import type { WorkflowAction } from "../transitions";

export type BatchOutcome = {
  agreementId: string;
  studentName: string | null;
  studentNo: string | null;
  ok: boolean;
  message: string;
};

export type CheckedBatch = { unique: Ref[]; candidates: Ref[]; outcomes: Map<string, BatchOutcome> };

/** Checks each item; `visible` says whose names the answer may show (never another unit's). */
export async function checkBatch(
  db: Db,
  action: WorkflowAction,
  actor: WorkflowActor,
  items: Ref[],
  now: Date,
  visible: (a: LoadedAgreement) => boolean,
  okMessage: string,
): Promise<CheckedBatch> {
  const unique = [...new Map(items.map((i) => [i.agreementId, i])).values()];
  const loaded = await db.agreement.findMany({ where: { id: { in: unique.map((i) => i.agreementId) } }, include: agreementWithParties });
  const byId = new Map(loaded.map((a) => [a.id, a]));
  const outcomes = new Map<string, BatchOutcome>();
  const candidates: Ref[] = [];
  for (const item of unique) {
    const agreement = byId.get(item.agreementId) ?? null;
    const shown = agreement && visible(agreement);
    const base = { agreementId: item.agreementId, studentName: shown ? agreement.student.name : null, studentNo: shown ? agreement.student.studentNo : null };
    try {
      if (!agreement) throw new AppError("NOT_FOUND", "未找到该协议");
      checkTransition({ action, actor, agreement, expectedVersion: item.version, student: agreement.student, employer: agreement.employer, now });
      candidates.push(item);
      outcomes.set(item.agreementId, { ...base, ok: true, message: okMessage });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcomes.set(item.agreementId, { ...base, ok: false, message: error.message });
    }
  }
  return { unique, candidates, outcomes };
}

/** The outcomes in the order asked, an item that moved on between check and write marked as a conflict. */
export function batchOutcomes(batch: CheckedBatch, written: Ref[]): BatchOutcome[] {
  const done = new Set(written.map((s) => s.agreementId));
  for (const c of batch.candidates) {
    if (!done.has(c.agreementId)) batch.outcomes.set(c.agreementId, { ...batch.outcomes.get(c.agreementId)!, ok: false, message: ERROR_CODES.CONFLICT });
  }
  return batch.unique.map((i) => batch.outcomes.get(i.agreementId)!);
}
