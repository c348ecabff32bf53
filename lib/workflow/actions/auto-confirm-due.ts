// 系统自动确认: the 7-day rule's enforcement (the rule itself: ../seven-day-rule.ts). Two
// ways in, one transition (TRANSITIONS.autoConfirm), one build, one write:
// - autoConfirmDue: the sweep (every minute: jobs/list.ts). Confirms EVERY overdue agreement
//   set-based, each statement locking the due rows (SKIP LOCKED) → advancing status and
//   version → one audit event each → notifications, so it is safe to run twice, concurrently,
//   after downtime, or racing a student's 复核确认: a row is either locked by someone else
//   (skipped), or already moved on (re-checked under the lock), or confirmed here exactly
//   once. The unique (agreementId, version) of AgreementEvent would refuse a second one anyway.
// - autoConfirmOne: the scheduled job of one signing (Inngest), through runTransition.
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SYSTEM_ACTOR } from "../actor";
import { runTransition, runTransitionMany } from "../engine";

/** Rows per statement: bounds how long one transaction holds its row locks (~1-2 s) at 100k overdue. */
export const SWEEP_BATCH = Number(process.env.WQ_SWEEP_BATCH ?? 25_000);
/** Statements in flight at once: one per core of a small server; one on the one-connection embedded database. */
export const SWEEP_WORKERS = Number(process.env.WQ_SWEEP_WORKERS ?? (process.env.DATABASE_POOL_MAX === "1" ? 1 : 2));

export type SweepResult = { confirmed: number; ids: string[] };

/**
 * Confirms every agreement whose autoConfirmAt has passed by `now`. Returns how many and
 * which; an agreement confirmed by a concurrent sweep is not counted twice. `workers`
 * statements run side by side (SKIP LOCKED hands each a disjoint set of rows); on the
 * embedded one-connection database they simply queue.
 */
export async function autoConfirmDue(
  now: Date = new Date(),
  db: Db = prisma,
  options: { batch?: number; workers?: number } = {},
): Promise<SweepResult> {
  const batch = options.batch ?? SWEEP_BATCH;
  const workers = Math.max(1, options.workers ?? SWEEP_WORKERS);
  const ids: string[] = [];
  const worker = async () => {
    for (;;) {
      // which rows: the table's from-state and the autoConfirmDue guard, both in SQL
      const moved = await runTransitionMany(
        { action: "autoConfirm", actor: SYSTEM_ACTOR, now, params: {}, targets: { kind: "select", orderBy: `a."autoConfirmAt"`, limit: batch, skipLocked: true } },
        db,
      );
      ids.push(...moved.map((m) => m.agreementId));
      // fewer than a full batch: nothing due is left except rows another statement holds
      if (moved.length < batch) return;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { confirmed: ids.length, ids };
}

export type AutoConfirmOneResult =
  | { outcome: "confirmed"; version: number }
  | { outcome: "skipped"; reason: "moved-on" | "not-due" | "not-found" };

/**
 * Confirms one agreement for the signing that produced `expectedVersion` — and only that
 * one: if it was taken back, confirmed, re-signed or already auto-confirmed since, this is
 * a no-op, not an error. The table's guard (autoConfirmDue) refuses to confirm early.
 */
export async function autoConfirmOne(
  agreementId: string,
  expectedVersion: number,
  now: Date = new Date(),
  db: Db = prisma,
): Promise<AutoConfirmOneResult> {
  try {
    const record = await runTransition({ action: "autoConfirm", actor: SYSTEM_ACTOR, agreementId, expectedVersion, now, params: {} }, db);
    return { outcome: "confirmed", version: record.version };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "CONFLICT" || error.code === "INVALID_STATE") return { outcome: "skipped", reason: "moved-on" };
      if (error.code === "GUARD_FAILED") return { outcome: "skipped", reason: "not-due" };
      if (error.code === "NOT_FOUND") return { outcome: "skipped", reason: "not-found" };
    }
    throw error;
  }
}

