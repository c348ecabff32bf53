// The notifications of a transition, for one agreement or many, as data-modifying CTEs that
// the engine's write statement (lib/workflow/engine-write.ts) and the due-soon reminder append to
// their WITH list. The wording is messages.ts's, rendered by PostgreSQL's format(); who
// receives a message is decided here, once (RECIPIENTS), for every way in.
import { digestKey, sqlDigestFor, sqlMessagesFor, type Audience, type NotifyEvent, type SqlMessage } from "./messages";

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
  student: `CROSS JOIN LATERAL (SELECT c.student_user AS r_user, c."studentEmail" AS r_email) r`,
  college: `JOIN "User" r0 ON r0."collegeId" = c."collegeId" AND r0.role = 'COUNSELOR' AND r0.active CROSS JOIN LATERAL (SELECT r0.id AS r_user, r0.email AS r_email) r`,
  employer: `JOIN "User" r0 ON r0."employerId" = c."employerId" AND r0.active CROSS JOIN LATERAL (SELECT r0.id AS r_user, r0.email AS r_email) r`,
  // the student's account e-mail: an invitation has no 联系方式 of the student yet
  studentAccount: `JOIN "User" r0 ON r0.id = c.student_user CROSS JOIN LATERAL (SELECT r0.id AS r_user, r0.email AS r_email) r`,
  office: `JOIN "User" r0 ON r0.role = 'OFFICE' AND r0.active CROSS JOIN LATERAL (SELECT r0.id AS r_user, r0.email AS r_email) r`,
  // 解约: the party that asked, or the other one (the row's terminationBy, as before the write)
  terminationStarter: partyRecipients("c.termination_by"),
  terminationOther: partyRecipients("CASE c.termination_by WHEN 'STUDENT' THEN 'EMPLOYER' WHEN 'EMPLOYER' THEN 'STUDENT' END"),
};

function partyRecipients(role: string): string {
  return `CROSS JOIN LATERAL (
      SELECT c.student_user AS r_user, c."studentEmail" AS r_email WHERE ${role} = 'STUDENT'
      UNION ALL
      SELECT u.id, u.email FROM "User" u WHERE ${role} = 'EMPLOYER' AND u."employerId" = c."employerId" AND u.active
    ) r`;
}

const PARTY_AUDIENCES: readonly Audience[] = ["terminationStarter", "terminationOther"];

export type FanOutOptions = {
  /** names the CTEs, so a statement may hold several families */
  prefix?: string;
  /**
   * Skip rows whose dedupe key exists already (a reminder that runs again). A transition
   * writes keys of the version it just produced, which cannot exist yet: it leaves this
   * off, and a duplicate would be an error, not something to hide.
   */
  skipDuplicates?: boolean;
  /** SQL expression of the transition's reason (a return's), for messages that quote it */
  reason?: string;
  /** the public address e-mails link to (lib/http/public-url.ts); default: the configured one */
  origin?: string | null;
};

/** How many students a digest names before "等". */
export const DIGEST_NAMES = 3;

/**
 * CTEs inserting the in-app notifications and outbox e-mails of `event` for every row of
 * the CTE named `source` (columns: id, version, "studentId", "employerId", "collegeId",
 * "studentEmail"). `at` is a SQL expression for the creation time. An audience the event
 * has a digest for (messages.ts) gets one message per statement and 学院, whether the
 * statement moved one agreement or thousands.
 */
export function fanOutCtes(event: NotifyEvent, source: string, at: string, options: FanOutOptions = {}): string[] {
  const prefix = options.prefix ?? "fan";
  const key = notificationKeySql(event);
  // the student and the unit's name once per agreement, shared by every message
  // who asked for the 解约 (only the events whose messages depend on it read the row again;
  // in this statement's snapshot the row is as before the write, when the asker is the same)
  const byParty = sqlMessagesFor(event, options.origin).some((m) => PARTY_AUDIENCES.includes(m.audience));
  const ctx = `${prefix}_ctx AS MATERIALIZED (
    SELECT c.id, c.version, c."collegeId", c."employerId", c."studentEmail", s."userId" AS student_user,
      s.name AS student_name, s."studentNo" AS student_no, e.name AS employer_name, coalesce(${options.reason ?? "NULL::text"}, '') AS reason,
      ${byParty ? `ag."terminationBy"::text` : "NULL::text"} AS termination_by
    FROM ${source} c
    JOIN "Student" s ON s.id = c."studentId"
    JOIN "Employer" e ON e.id = c."employerId"
    ${byParty ? `LEFT JOIN "Agreement" ag ON ag.id = c.id` : ""}
  )`;
  const digest = sqlDigestFor(event, options.origin);
  const conflict = (target: string) => (options.skipDuplicates ? `ON CONFLICT (${target}) DO NOTHING` : "");
  // the inserts of one rendered message family `${prefix}_${name}`: in-app, then e-mail
  const inserts = (name: string, m: SqlMessage, agreementId: string) => {
    const notifications = `${prefix}_n${name} AS (
    INSERT INTO "Notification" ("userId", "agreementId", kind, title, body, link, "dedupeKey", "createdAt")
    SELECT r_user, ${agreementId}, ${sqlLiteral(m.kind)}, title, body, link, key, ${at} FROM ${prefix}_m${name}
    ${conflict(`"userId", "dedupeKey"`)}
    RETURNING 1
  )`;
    const emails = `${prefix}_e${name} AS (
    INSERT INTO "OutboxEmail" ("to", subject, text, "dedupeKey", "createdAt")
    SELECT r_email, subject, text, key || ':' || r_user::text, ${at} FROM ${prefix}_m${name}
    WHERE coalesce(r_email, '') <> ''
    ${conflict(`"dedupeKey"`)}
    RETURNING 1
  )`;
    return [notifications, emails];
  };
  const perAgreement = sqlMessagesFor(event, options.origin).flatMap((m, i) => {
    if (digest && m.audience === digest.audience) return [];
    // format()'s arguments in SQL_CONTEXT_ORDER: agreementId, studentName, studentNo, employerName, reason
    const fmt = (template: string) => `format(${sqlLiteral(template)}, c.id::text, c.student_name, c.student_no, c.employer_name, c.reason)`;
    const rendered = `${prefix}_m${i} AS MATERIALIZED (
    SELECT c.id, r.r_user, r.r_email, ${key} AS key, ${fmt(m.title)} AS title, ${fmt(m.body)} AS body, ${fmt(m.link)} AS link,
      ${fmt(m.subject)} AS subject, ${fmt(m.text)} AS text
    FROM ${prefix}_ctx c ${RECIPIENTS[m.audience]}
  )`;
    return [rendered, ...inserts(String(i), m, "id")];
  });
  if (!digest) return [ctx, ...perAgreement];
  if (digest.audience !== "college") throw new Error(`a digest goes to a 学院's counselors, not to ${digest.audience}`);
  // one row per 学院 of this pass: how many, the first few students by 学号, and the key of
  // its first transition
  const groups = `${prefix}_dg AS MATERIALIZED (
    SELECT c."collegeId", count(*)::text AS n, min(${notificationKeySql(event)}) AS first_key,
      array_to_string((array_agg(c.student_name || '（' || c.student_no || '）' ORDER BY c.student_no))[1:${DIGEST_NAMES}], '、')
        || CASE WHEN count(*) > ${DIGEST_NAMES} THEN '等' ELSE '' END AS students
    FROM ${prefix}_ctx c GROUP BY c."collegeId"
  )`;
  // format()'s arguments in SQL_DIGEST_ORDER: count, students
  const fmt = (template: string) => `format(${sqlLiteral(template)}, c.n, c.students)`;
  const keyPrefix = digestKey(event, "");
  const rendered = `${prefix}_mdigest AS MATERIALIZED (
    SELECT r.r_user, r.r_email, ${sqlLiteral(keyPrefix)} || c.first_key AS key, ${fmt(digest.title)} AS title, ${fmt(digest.body)} AS body,
      ${fmt(digest.link)} AS link, ${fmt(digest.subject)} AS subject, ${fmt(digest.text)} AS text
    FROM ${prefix}_dg c ${RECIPIENTS.college}
  )`;
  return [ctx, ...perAgreement, groups, rendered, ...inserts("digest", digest, "NULL::uuid")];
}

/** The names of the notification CTEs fanOutCtes made, to count what was inserted. */
export function notificationCteNames(event: NotifyEvent, prefix = "fan"): string[] {
  return sqlMessagesFor(event).map((_, i) => `${prefix}_n${i}`);
}
