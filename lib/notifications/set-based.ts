// The notifications of many agreements at once, as data-modifying CTEs that a set-based
// statement (the auto-confirm sweep, the due-soon reminder) appends to its own WITH list.
// Same wording (messages.ts, rendered by PostgreSQL's format()), same recipients and the
// same dedupe keys as fan-out.ts writes for one transition.
import { sqlMessagesFor, type Audience, type NotifyEvent } from "./messages";

/** A SQL string literal (standard_conforming_strings is on in every supported PostgreSQL). */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Mirrors notificationKey() of messages.ts, for a row `c` with columns id and version. */
export function notificationKeySql(event: NotifyEvent): string {
  const base = `c.id::text || ':' || c.version::text`;
  return event === "dueSoon" ? `${base} || ':due-soon'` : base;
}

// Who receives a message, as rows (r_user, r_email) next to the agreement row `c`.
const RECIPIENTS: Record<Audience, string> = {
  student: `CROSS JOIN LATERAL (SELECT s."userId" AS r_user, c."studentEmail" AS r_email) r`,
  college: `JOIN LATERAL (SELECT u.id AS r_user, u.email AS r_email FROM "User" u WHERE u."collegeId" = c."collegeId" AND u.role = 'COUNSELOR' AND u.active) r ON true`,
  employer: `JOIN LATERAL (SELECT u.id AS r_user, u.email AS r_email FROM "User" u WHERE u."employerId" = c."employerId" AND u.active) r ON true`,
};

/**
 * CTEs inserting the in-app notifications and outbox e-mails of `event` for every row of
 * the CTE named `source` (columns: id, version, "studentId", "employerId", "collegeId",
 * "studentEmail"). `at` is a SQL expression for the creation time. The CTE names start
 * with `prefix` so a statement may hold several families.
 */
export function fanOutCtes(event: NotifyEvent, source: string, at: string, prefix = "fan"): string[] {
  const key = notificationKeySql(event);
  return sqlMessagesFor(event).flatMap((m, i) => {
    // format()'s arguments in SQL_CONTEXT_ORDER: agreementId, studentName, studentNo, employerName, reason
    const fmt = (template: string) => `format(${sqlLiteral(template)}, c.id::text, s.name, s."studentNo", e.name, '')`;
    const from = `FROM ${source} c
      JOIN "Student" s ON s.id = c."studentId"
      JOIN "Employer" e ON e.id = c."employerId"
      ${RECIPIENTS[m.audience]}`;
    return [
      `${prefix}_n${i} AS (
    INSERT INTO "Notification" ("userId", "agreementId", kind, title, body, link, "dedupeKey", "createdAt")
    SELECT r.r_user, c.id, ${sqlLiteral(m.kind)}, ${fmt(m.title)}, ${fmt(m.body)}, ${fmt(m.link)}, ${key}, ${at}
    ${from}
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING
    RETURNING 1
  )`,
      `${prefix}_e${i} AS (
    INSERT INTO "OutboxEmail" ("to", subject, text, "dedupeKey", "createdAt")
    SELECT r.r_email, ${fmt(m.subject)}, ${fmt(m.text)}, ${key} || ':' || r.r_user::text, ${at}
    ${from}
    WHERE coalesce(r.r_email, '') <> ''
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING 1
  )`,
    ];
  });
}

/** The names of the notification CTEs fanOutCtes made, to count what was inserted. */
export function notificationCteNames(event: NotifyEvent, prefix = "fan"): string[] {
  return sqlMessagesFor(event).map((_, i) => `${prefix}_n${i}`);
}
