// The reminder before the 7-day rule bites: a student whose agreement will be confirmed by
// the system within 24 hours gets one notification (and e-mail) per signing — the dedupe
// key names the signing's version, so running the reminder every few minutes is harmless.
import { prisma, type Db } from "@/lib/db/client";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { fanOutCtes, notificationCteNames } from "./set-based";

export const DUE_SOON_HOURS = 24;

function remindSql(): string {
  const from = TRANSITIONS.autoConfirm.from.map((s) => {
    if (!s || !/^[A-Z_]+$/.test(s)) throw new Error(`unexpected status ${String(s)}`);
    return `'${s}'`;
  });
  const now = `($1::timestamptz AT TIME ZONE 'UTC')`;
  return `WITH due AS (
    SELECT id, version, "studentId", "employerId", "collegeId", "studentEmail" FROM "Agreement"
    WHERE status IN (${from.join(", ")}) AND "autoConfirmAt" > ${now} AND "autoConfirmAt" <= ${now} + make_interval(hours => $2)
  ), ${fanOutCtes("dueSoon", "due", now, { prefix: "soon", skipDuplicates: true }).join(",\n  ")}
  SELECT (SELECT count(*) FROM (${notificationCteNames("dueSoon", "soon").map((n) => `SELECT 1 FROM ${n}`).join(" UNION ALL ")}) x)::int AS n`;
}

/** Reminds every student whose agreement is due for auto-confirmation within 24 h; returns how many were newly notified. */
export async function remindDueSoon(now: Date = new Date(), db: Db = prisma): Promise<{ reminded: number }> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(remindSql(), now.toISOString(), DUE_SOON_HOURS);
  return { reminded: rows[0]?.n ?? 0 };
}
