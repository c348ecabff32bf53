// The first half of every batch of one transition (批量签约, 批量鉴证): each item passes the
// same checks as a single act (checkTransition), with its outcome told to the person; the
// items that pass go on to one set-based write (runTransitionMany) by the caller.
// A refusal says what really happened: an item someone acted on meanwhile (a colleague's
// 确定签约 in another tab) names who did what and when, from the agreement's last event, then
// the capability function's own reason for now — never a bare "已被他人更新".
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { WorkflowActor } from "../actor";
import { checkTransition, verdictOf } from "../capabilities";
import { agreementWithParties, type LoadedAgreement, type Ref } from "../engine";
import { TRANSITIONS, type WorkflowAction } from "../transitions";

export type BatchOutcome = {
  agreementId: string;
  studentName: string | null;
  studentNo: string | null;
  ok: boolean;
  message: string;
};

export type CheckedBatch = {
  unique: Ref[];
  candidates: Ref[];
  outcomes: Map<string, BatchOutcome>;
  /** what the check was about, to explain an item that moved on before the write */
  context: { db: Db; action: WorkflowAction; actor: WorkflowActor; now: Date; visible: (a: LoadedAgreement) => boolean };
};

type LastEvent = { agreementId: string; action: string; actorId: string | null; actorRole: keyof typeof ROLE_LABELS; actorName: string; createdAt: Date };

async function lastEventsOf(db: Db, ids: string[]): Promise<Map<string, LastEvent>> {
  if (ids.length === 0) return new Map();
  const events = await db.agreementEvent.findMany({
    where: { agreementId: { in: ids } },
    orderBy: [{ agreementId: "asc" }, { version: "desc" }],
    distinct: ["agreementId"],
    select: { agreementId: true, action: true, actorId: true, actorRole: true, actorName: true, createdAt: true },
  });
  return new Map(events.map((e) => [e.agreementId, e]));
}

/**
 * Why `action` on this agreement was refused. A stale form or a state the act no longer fits
 * is explained by the last act (who, when, what) and the capability function's verdict now.
 */
function refusalMessage(action: WorkflowAction, actor: WorkflowActor, agreement: LoadedAgreement, error: AppError, last: LastEvent | undefined, now: Date): string {
  if ((error.code !== "CONFLICT" && error.code !== "INVALID_STATE") || !last) return error.message;
  const who = last.actorId && last.actorId === actor.userId ? "您" : `${last.actorName}（${ROLE_LABELS[last.actorRole]}）`;
  const what = TRANSITIONS[last.action as WorkflowAction]?.label ?? last.action;
  const done = `已由${who}于 ${formatDateTime(last.createdAt)}“${what}”`;
  if (last.action === action) return `${done}，无需重复办理`;
  const verdict = verdictOf(action, actor, agreement, { now, student: agreement.student, employer: agreement.employer });
  return verdict.allowed ? `${done}，内容已有变化，请刷新后核对再办理` : `${done}：${verdict.reason}`;
}

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
  const refused: { item: Ref; agreement: LoadedAgreement; error: AppError }[] = [];
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
      if (agreement && shown) refused.push({ item, agreement, error });
    }
  }
  const last = await lastEventsOf(db, refused.map((r) => r.item.agreementId));
  for (const { item, agreement, error } of refused) {
    outcomes.set(item.agreementId, { ...outcomes.get(item.agreementId)!, message: refusalMessage(action, actor, agreement, error, last.get(item.agreementId), now) });
  }
  return { unique, candidates, outcomes, context: { db, action, actor, now, visible } };
}

/**
 * The outcomes in the order asked. An item that moved on between the check and the write
 * (the write's version check refused it) is checked again as it is now, and told why.
 */
export async function batchOutcomes(batch: CheckedBatch, written: Ref[]): Promise<BatchOutcome[]> {
  const done = new Set(written.map((s) => s.agreementId));
  const missed = batch.candidates.filter((c) => !done.has(c.agreementId));
  if (missed.length > 0) {
    const { db, action, actor, now, visible } = batch.context;
    const again = await checkBatch(db, action, actor, missed, now, visible, "");
    for (const c of missed) {
      const outcome = again.outcomes.get(c.agreementId)!;
      // still allowed as it is now: the write met a change the check did not see yet
      const message = outcome.ok ? "该协议刚刚被他人办理，请刷新后核对再办理" : outcome.message;
      batch.outcomes.set(c.agreementId, { ...batch.outcomes.get(c.agreementId)!, ok: false, message });
    }
  }
  return batch.unique.map((i) => batch.outcomes.get(i.agreementId)!);
}
