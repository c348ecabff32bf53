// 系统自动确认: the 7-day rule's enforcement. Two ways in, one rule (TRANSITIONS.autoConfirm):
// - autoConfirmDue: the sweep. Confirms EVERY overdue agreement in set-based statements,
//   each one an atomic CTE (lock the due rows, SKIP LOCKED → advance status and version →
//   one audit event each → notifications), so it is safe to run twice, concurrently, after
//   downtime, or racing a student's 复核确认: a row is either locked by someone else (skipped),
//   or already moved on (re-checked under the lock), or confirmed here exactly once. The
//   unique (agreementId, version) of AgreementEvent would refuse a second confirmation anyway.
// - autoConfirmOne: the scheduled job of one signing (Inngest), through runTransition.
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { fanOutCtes } from "@/lib/notifications/set-based";
import { SYSTEM_ACTOR } from "../actor";
import { runTransition } from "../engine";
import { TRANSITIONS } from "../transitions";

const RULE = TRANSITIONS.autoConfirm;
export const AUTO_CONFIRM_ACTION = "autoConfirm" as const;

/** Rows per statement: bounds how long one transaction holds its row locks (~1-2 s) at 100k overdue. */
export const SWEEP_BATCH = Number(process.env.WQ_SWEEP_BATCH ?? 25_000);
/** Statements in flight at once: one per core of a small server; one on the one-connection embedded database. */
export const SWEEP_WORKERS = Number(process.env.WQ_SWEEP_WORKERS ?? (process.env.DATABASE_POOL_MAX === "1" ? 1 : 2));

function statusLiteral(status: AgreementStatus | null): string {
  // enum values from the transition table, never user input; checked all the same
  if (!status || !/^[A-Z_]+$/.test(status)) throw new Error(`unexpected status ${String(status)}`);
  return `'${status}'`;
}

// A literal (not a parameter) status lets the planner use the partial index
// "Agreement_due_auto_confirm" (autoConfirmAt WHERE status = 'PENDING_STUDENT_CONFIRM').
export function sweepSql(): string {
  const from = RULE.from.map(statusLiteral);
  const to = statusLiteral(RULE.to);
  const now = `($1::timestamptz AT TIME ZONE 'UTC')`;
  // The locked rows are updated by their ctid (a TID scan in heap order), not joined back by
  // id (a hash join over the whole table); the update re-checks status and deadline all the same.
  return `WITH due AS MATERIALIZED (
    SELECT ctid AS row_ctid, id, "studentConfirmedAt", "autoConfirmed" FROM "Agreement"
    WHERE status IN (${from.join(", ")}) AND "autoConfirmAt" <= ${now}
    ORDER BY "autoConfirmAt"
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), moved AS (
    UPDATE "Agreement" a
    SET status = ${to}, version = a.version + 1, "studentConfirmedAt" = ${now}, "autoConfirmed" = true, "updatedAt" = ${now}
    WHERE a.ctid = ANY (ARRAY(SELECT row_ctid FROM due)) AND a.status IN (${from.join(", ")}) AND a."autoConfirmAt" <= ${now}
    RETURNING a.id, a.version, a."studentId", a."employerId", a."collegeId", a."studentEmail", a.status AS to_status
  ), confirmed AS MATERIALIZED (
    SELECT m.*, due."studentConfirmedAt" AS was_confirmed_at, due."autoConfirmed" AS was_auto FROM moved m JOIN due ON due.id = m.id
  ), events AS (
    INSERT INTO "AgreementEvent" ("agreementId", version, action, "actorId", "actorRole", "actorName", "fromStatus", "toStatus", changes, reason, "createdAt")
    SELECT c.id, c.version, '${AUTO_CONFIRM_ACTION}', NULL, 'SYSTEM', $3, ${from[0]}, c.to_status,
      -- what runTransition's diff records for the same build: only the fields that changed
      jsonb_build_object('studentConfirmedAt', jsonb_build_object('from', c.was_confirmed_at, 'to', $4::text))
        || CASE WHEN c.was_auto THEN '{}'::jsonb ELSE jsonb_build_object('autoConfirmed', jsonb_build_object('from', false, 'to', true)) END,
      NULL, ${now}
    FROM confirmed c
  ), ${fanOutCtes(AUTO_CONFIRM_ACTION, "confirmed", now, { digest: true }).join(",\n  ")}
  -- one row, not one per agreement: 25,000 rows through the driver cost more than the string
  SELECT count(*)::int AS n, coalesce(string_agg(id::text, ','), '') AS ids FROM confirmed`;
}

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
  if (RULE.from.length !== 1 || !RULE.roles.includes("SYSTEM")) throw new Error("TRANSITIONS.autoConfirm is not a single-source SYSTEM rule");
  const batch = options.batch ?? SWEEP_BATCH;
  const workers = Math.max(1, options.workers ?? SWEEP_WORKERS);
  const sql = sweepSql();
  const ids: string[] = [];
  const worker = async () => {
    for (;;) {
      const [row] = await db.$queryRawUnsafe<{ n: number; ids: string }[]>(sql, now.toISOString(), batch, SYSTEM_ACTOR.name, now.toISOString());
      if (row.n > 0) ids.push(...row.ids.split(","));
      // fewer than a full batch: nothing due is left except rows another statement holds
      if (row.n < batch) return;
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
    const record = await runTransition(
      {
        action: AUTO_CONFIRM_ACTION,
        actor: SYSTEM_ACTOR,
        agreementId,
        expectedVersion,
        now,
        build: () => ({ data: { studentConfirmedAt: now, autoConfirmed: true } }),
      },
      db,
    );
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

/**
 * For pages that read one agreement: an overdue one is confirmed before it is shown, so it
 * is never displayed as still waiting for the student between two sweeps.
 */
export async function confirmIfOverdue(
  agreement: { id: string; version: number; status: AgreementStatus; autoConfirmAt: Date | null },
  now: Date = new Date(),
  db: Db = prisma,
): Promise<boolean> {
  if (!RULE.from.includes(agreement.status) || !agreement.autoConfirmAt || agreement.autoConfirmAt > now) return false;
  return (await autoConfirmOne(agreement.id, agreement.version, now, db)).outcome === "confirmed";
}
