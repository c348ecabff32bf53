// The ONE write of a transition, for one agreement or many: a single SQL statement that
// locks the rows (by id and version, or chosen by the table's from-states and guards), writes
// the build's columns with the table's next state and a new version, records one audit
// event per row whose `changes` are the diff of what the build set against the row as it
// was, and fans out the notifications (lib/notifications/set-based.ts: one recipient rule,
// one wording). runTransition (one agreement) and runTransitionMany (a set) both end here.
import type { Tx } from "@/lib/db/client";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { currentPublicOrigin } from "@/lib/http/public-url";
import { contentHashSql, isSigningAct } from "@/lib/agreement/content-hash";
import { fanOutCtes } from "@/lib/notifications/set-based";
import { actorAuditColumns, type WorkflowActor } from "./actor";
import type { AgreementPatch, Write } from "./builds";
import { AGREEMENT_COLUMN_KINDS, isAgreementColumn } from "./columns";
import { GUARD_SQL } from "./guards";
import { STAYS, transitionOf, type WorkflowAction } from "./transitions";

export type Ref = { agreementId: string; version: number };

/** Collects the statement's parameters; each value is referenced as `$n::cast`. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

export type WriteTarget =
  /** a new agreement (the first save): the columns that say whose it is */
  | { kind: "create"; identity: AgreementPatch }
  /** these agreements, each only while still at the version its caller checked */
  | { kind: "refs"; refs: readonly Ref[] }
  /**
   * every agreement in the table's from-states that passes the transition's guards (in
   * their SQL form) and `where` (predicates on the row `a`); at most `limit`, rows another
   * statement holds are skipped when `skipLocked`
   */
  | { kind: "select"; where?: (p: SqlParams) => string[]; orderBy?: string; limit?: number; skipLocked: boolean };

export type WritePlan = {
  action: WorkflowAction;
  actor: WorkflowActor;
  now: Date;
  reason: string | null;
  write: Write;
  target: WriteTarget;
};

const ident = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return `"${name}"`;
};

// enum values from the transition table, never user input; checked all the same. A literal
// (not a parameter) lets the planner use partial indexes such as "Agreement_due_auto_confirm".
const statusLiteral = (status: AgreementStatus) => {
  if (!/^[A-Z_]+$/.test(status)) throw new Error(`unexpected status ${status}`);
  return `'${status}'`;
};

/** A column's value as JSON, the way JSON.stringify writes it (timestamps as toISOString()). */
function jsonOf(column: keyof typeof AGREEMENT_COLUMN_KINDS, sql: string): string {
  return AGREEMENT_COLUMN_KINDS[column] === "timestamp" ? `to_jsonb(to_char(${sql}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))` : `to_jsonb(${sql})`;
}

/** Drops undefined values: a build's `undefined` means "leave the column alone". */
function definedColumns(set: AgreementPatch): string[] {
  const columns = Object.keys(set).filter((k) => (set as Record<string, unknown>)[k] !== undefined);
  for (const c of columns) if (!isAgreementColumn(c) || c === "status" || c === "version" || c === "updatedAt" || c === "id") throw new Error(`a build may not set ${c}`);
  return columns;
}

/** The SQL of one transition's write and its parameters. The statement returns one row: n, moved ("id:version,…"). */
export function writeSql(plan: WritePlan, origin?: string | null): { sql: string; params: unknown[] } {
  const t = transitionOf(plan.action);
  const p = new SqlParams();
  const now = `(${p.add(plan.now.toISOString(), "timestamptz")} AT TIME ZONE 'UTC')`;
  const set = plan.write.set;
  const columns = definedColumns(set);
  const audited = (plan.write.audit ?? columns).filter((c) => columns.includes(c as string)) as (keyof typeof AGREEMENT_COLUMN_KINDS)[];
  const patchJson = p.add(JSON.stringify(set), "jsonb");
  const patch = `patch AS MATERIALIZED (SELECT * FROM jsonb_populate_record(NULL::"Agreement", ${patchJson}))`;
  const from = t.from.filter((s): s is AgreementStatus => s !== null).map(statusLiteral);
  const guardSql = (t.guards.map((g) => GUARD_SQL[g]).filter(Boolean) as ((now: string) => string)[]).map((g) => g(now));
  const inFrom = from.length ? `a.status IN (${from.join(", ")})` : "false";
  const before = (c: string) => `before${c[0].toUpperCase()}${c.slice(1)}`;

  let target = "";
  let moved: string;
  let done: string;
  if (plan.target.kind === "create") {
    if (!t.from.includes(null)) throw new Error(`${plan.action} does not create an agreement`);
    if (t.to === STAYS) throw new Error(`${plan.action} must name the state a new agreement starts in`);
    const identityJson = p.add(JSON.stringify(plan.target.identity), "jsonb");
    const identity = definedColumns(plan.target.identity);
    const all = [...new Set([...identity, ...columns])];
    moved = `moved AS (
    INSERT INTO "Agreement" AS a (${[...all, "status", "version", "createdAt", "updatedAt"].map(ident).join(", ")})
    SELECT ${all.map((c) => (identity.includes(c) ? `ip.${ident(c)}` : `pt.${ident(c)}`)).join(", ")}, ${statusLiteral(t.to)}, 1, ${now}, ${now}
    FROM patch pt CROSS JOIN jsonb_populate_record(NULL::"Agreement", ${identityJson}) ip
    RETURNING a.id, a.version, a."studentId", a."employerId", a."collegeId", a."studentEmail", a.status AS to_status,
      ${isSigningAct(plan.action) ? contentHashSql("a") : "NULL::text"} AS content_hash
  )`;
    done = `done AS MATERIALIZED (SELECT m.*, NULL::"AgreementStatus" AS from_status FROM moved m)`;
  } else {
    const keep = audited.map((c) => `a.${ident(c)} AS ${ident(before(c))}`);
    const head = `SELECT a.ctid AS row_ctid, a.id, a.status AS from_status${keep.length ? ", " + keep.join(", ") : ""} FROM "Agreement" a`;
    if (plan.target.kind === "refs") {
      const ids = p.add(plan.target.refs.map((r) => r.agreementId), "uuid[]");
      const versions = p.add(plan.target.refs.map((r) => r.version), "int[]");
      target = `target AS MATERIALIZED (
    ${head} JOIN unnest(${ids}, ${versions}) AS r(id, version) ON a.id = r.id AND a.version = r.version
    WHERE ${[inFrom, ...guardSql].join(" AND ")}
    ORDER BY a.id
    FOR UPDATE OF a
  ), `;
    } else {
      const where = [inFrom, ...guardSql, ...(plan.target.where?.(p) ?? [])];
      const limit = plan.target.limit !== undefined ? `LIMIT ${p.add(plan.target.limit, "int")}` : "";
      target = `target AS MATERIALIZED (
    ${head}
    WHERE ${where.join(" AND ")}
    ${plan.target.orderBy ? `ORDER BY ${plan.target.orderBy}` : ""} ${limit}
    FOR UPDATE${plan.target.skipLocked ? " SKIP LOCKED" : ""}
  ), `;
    }
    const assignments = [
      ...columns.map((c) => `${ident(c)} = pt.${ident(c)}`),
      ...(t.to === STAYS ? [] : [`status = ${statusLiteral(t.to)}`]),
      `version = a.version + 1`,
      `"updatedAt" = ${now}`,
    ];
    // The locked rows are updated by their ctid (a TID scan), not joined back by id; the
    // state and the guards are checked again all the same.
    moved = `moved AS (
    UPDATE "Agreement" a SET ${assignments.join(", ")}
    FROM patch pt
    WHERE a.ctid = ANY (ARRAY(SELECT row_ctid FROM target)) AND ${[inFrom, ...guardSql].join(" AND ")}
    RETURNING a.id, a.version, a."studentId", a."employerId", a."collegeId", a."studentEmail", a.status AS to_status,
      ${isSigningAct(plan.action) ? contentHashSql("a") : "NULL::text"} AS content_hash
  )`;
    done = `done AS MATERIALIZED (
    SELECT m.*, t.from_status${audited.length ? ", " + audited.map((c) => `t.${ident(before(c))}`).join(", ") : ""} FROM moved m JOIN target t ON t.id = m.id
  )`;
  }

  // What changed, per row: the audited columns whose new value differs from the row as it was.
  const was = (c: (typeof audited)[number]) => (plan.target.kind === "create" ? null : `d.${ident(before(c))}`);
  const changes = audited.length
    ? audited
        .map((c) => {
          const old = was(c);
          const differs = old === null ? `pt.${ident(c)} IS NOT NULL` : `${old} IS DISTINCT FROM pt.${ident(c)}`;
          const fromJson = old === null ? `'null'::jsonb` : jsonOf(c, old);
          return `CASE WHEN ${differs} THEN jsonb_build_object('${c}', jsonb_build_object('from', ${fromJson}, 'to', ${patchJson} -> '${c}')) ELSE '{}'::jsonb END`;
        })
        .join("\n      || ")
    : `'{}'::jsonb`;
  const actorColumns = { ...actorAuditColumns(plan.actor), actorName: plan.actor.name };
  const actorNames = Object.keys(actorColumns).map(ident);
  const reason = p.add(plan.reason, "text");
  const events = `events AS (
    INSERT INTO "AgreementEvent" ("agreementId", version, action, ${actorNames.join(", ")}, "fromStatus", "toStatus", changes, reason, "contentHash", "createdAt")
    SELECT d.id, d.version, ${p.add(plan.action, "text")}, ${actorNames.map((n) => `ev.${n}`).join(", ")}, d.from_status, d.to_status,
      ${changes},
      ${reason}, d.content_hash, ${now}
    FROM done d CROSS JOIN patch pt CROSS JOIN actor ev
  )`;
  const notifications = fanOutCtes(plan.action, "done", now, { reason, origin });
  const actor = `actor AS MATERIALIZED (SELECT * FROM jsonb_populate_record(NULL::"AgreementEvent", ${p.add(JSON.stringify(actorColumns), "jsonb")}))`;
  const sql = `WITH ${patch}, ${actor}, ${target}${moved}, ${done}, ${events}, ${notifications.join(",\n  ")}
  -- one row, not one per agreement: 25,000 rows through the driver cost more than the string
  SELECT count(*)::int AS n, coalesce(string_agg(id::text || ':' || version::text, ','), '') AS moved FROM done`;
  return { sql, params: p.values };
}

/** Runs the write of `plan` inside the caller's transaction; returns the agreements it moved, at their new versions. */
export async function writeTransition(tx: Tx, plan: WritePlan): Promise<Ref[]> {
  // e-mails link to the page where each person acts: the public URL, else this request's origin
  const { sql, params } = writeSql(plan, await currentPublicOrigin());
  const [row] = await tx.$queryRawUnsafe<{ n: number; moved: string }[]>(sql, ...params);
  if (!row || row.n === 0) return [];
  return row.moved.split(",").map((s) => {
    const [agreementId, version] = s.split(":");
    return { agreementId, version: Number(version) };
  });
}
