// The 7-day rule (manual 3(3)): if the student does not 复核确认, the system confirms the
// agreement autoConfirmDays (settings, 7 by default) after the unit signed — never earlier,
// exactly once, also after downtime. Until then the student may confirm and the unit may
// take it back (拿回重签); from then on only the system acts. The rule lives here, once:
// - the deadline, stored as autoConfirmAt when the unit signs (builds.ts: sign);
// - whether it has passed, in TypeScript for the guards (guards.ts: beforeAutoConfirm,
//   autoConfirmDue) and as the same predicate in SQL for the set-based sweep;
// - the sweep that applies it every minute is actions/auto-confirm-due.ts (jobs/list.ts
//   schedules it); until it has run, pages show the agreement as 已到期，系统确认中.
import { addDays } from "date-fns";
import type { Tx } from "@/lib/db/client";

export const DEFAULT_AUTO_CONFIRM_DAYS = 7;

/** autoConfirmAt = employerSignedAt + settings.autoConfirmDays. */
export async function autoConfirmAtFor(tx: Tx, signedAt: Date): Promise<Date> {
  const settings = await tx.setting.findUnique({ where: { id: 1 }, select: { autoConfirmDays: true } });
  return addDays(signedAt, settings?.autoConfirmDays ?? DEFAULT_AUTO_CONFIRM_DAYS);
}

/** The deadline has passed: the system confirms now; the student and the unit no longer can. */
export function isAutoConfirmDue(autoConfirmAt: Date | null, now: Date): boolean {
  return autoConfirmAt !== null && autoConfirmAt <= now;
}

/** isAutoConfirmDue as a SQL predicate on the agreement row `a`; `now` is a SQL timestamp expression. */
export function autoConfirmDueSql(now: string): string {
  return `a."autoConfirmAt" <= ${now}`;
}

/** Words of an agreement whose deadline has passed before the sweep confirmed it (derived, never stored). */
export const AWAITING_AUTO_CONFIRM_LABEL = "已到期，系统确认中";

/**
 * Still waiting for the student although the deadline has passed: the sweep (every minute)
 * has not confirmed it yet. Pages show it as 已到期，系统确认中; the guards refuse a late
 * 复核确认 or 拿回重签 meanwhile.
 */
export function isAwaitingAutoConfirm(a: { status: string; autoConfirmAt: Date | null }, now: Date): boolean {
  return a.status === "PENDING_STUDENT_CONFIRM" && isAutoConfirmDue(a.autoConfirmAt, now);
}
