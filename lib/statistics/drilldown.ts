// 下钻: the list behind every figure of the dashboard, with the same filter and the same
// definition as the figure (so a list's total equals the figure it was opened from).
import { prisma, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { educationLabel } from "@/lib/reference/education";
import { provinceName } from "@/lib/reference/regions";
import { unitNatureLabel } from "@/lib/reference/unit-nature";
import { pageOf, pageWindow } from "@/lib/paging";
import { STATUS_LABELS } from "@/lib/workflow/states";
import { backlogConditions, FUNNEL, type Dimension } from "./dashboard";
import { cohortConditions, scopedFilter, type StatsFilter } from "./filters";
import { BACKLOG_DAYS, chinaDay, LIVE_A, TREND_ACTIONS, type TrendAction } from "./sql";

export type Figure =
  | { kind: "graduates" }
  | { kind: "notStarted" }
  | { kind: "status"; status: AgreementStatus }
  | { kind: "signed" }
  | { kind: "dimension"; dimension: Dimension; value: string }
  | { kind: "trend"; action: TrendAction; day: string }
  | { kind: "backlogEmployer"; employerId: string }
  | { kind: "backlogCollege"; collegeId: string };

const STATUSES = FUNNEL.map((s) => s.status).filter((s): s is NonNullable<typeof s> => s !== null) as AgreementStatus[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `figure` URL parameter, e.g. "status:APPROVED", "nature:39", "sign:2026-11-20". */
export function parseFigure(raw: string | undefined): Figure | null {
  if (!raw) return null;
  const [kind, value = ""] = raw.split(":", 2) as [string, string?];
  if (kind === "graduates" || kind === "notStarted" || kind === "signed") return { kind };
  if (kind === "status" && STATUSES.includes(value as AgreementStatus)) return { kind, status: value as AgreementStatus };
  if ((kind === "nature" || kind === "unitProvince" || kind === "originProvince") && /^\d{1,6}$/.test(value)) return { kind: "dimension", dimension: kind, value };
  if ((kind === "submit" || kind === "sign" || kind === "file") && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: "trend", action: kind, day: value };
  if (kind === "backlogEmployer" && UUID.test(value)) return { kind, employerId: value };
  if (kind === "backlogCollege" && UUID.test(value)) return { kind, collegeId: value };
  return null;
}

export function figureParam(f: Figure): string {
  switch (f.kind) {
    case "graduates":
    case "notStarted":
    case "signed":
      return f.kind;
    case "status":
      return `status:${f.status}`;
    case "dimension":
      return `${f.dimension}:${f.value}`;
    case "trend":
      return `${f.action}:${f.day}`;
    case "backlogEmployer":
      return `backlogEmployer:${f.employerId}`;
    case "backlogCollege":
      return `backlogCollege:${f.collegeId}`;
  }
}

const DIMENSION_LABEL: Record<Dimension, (v: string) => string> = {
  nature: (v) => `单位性质：${unitNatureLabel(v) ?? v}`,
  unitProvince: (v) => `单位所在省：${provinceName(v) ?? v}`,
  originProvince: (v) => `生源地：${provinceName(v) ?? v}`,
};

export function figureLabel(f: Figure): string {
  switch (f.kind) {
    case "graduates":
      return "毕业生";
    case "notStarted":
      return "未开始网签的毕业生";
    case "signed":
      return "已签约（可打印 + 已备案）";
    case "status":
      return FUNNEL.find((s) => s.status === f.status)?.label ?? STATUS_LABELS[f.status];
    case "dimension":
      return `已签约 · ${DIMENSION_LABEL[f.dimension](f.value)}`;
    case "trend":
      return `${f.day} ${TREND_ACTIONS[f.action].label}`;
    case "backlogEmployer":
      return `超过${BACKLOG_DAYS}天未签约的协议`;
    case "backlogCollege":
      return "待学院审核的协议";
  }
}

/** Students or agreements: which kind of list a figure opens. */
export function figureSubject(f: Figure): "student" | "agreement" {
  return f.kind === "graduates" || f.kind === "notStarted" ? "student" : "agreement";
}

const DIMENSION_SQL: Record<Dimension, string> = {
  nature: `COALESCE(a."unitNatureCode", e."natureCode")`,
  unitProvince: `e."provinceCode"`,
  originProvince: `s."originProvince"`,
};

function conditions(f: Figure, filter: StatsFilter, now: Date): Prisma.Sql {
  // a voided (违约) agreement is in no figure
  return figureSubject(f) === "agreement" ? Prisma.sql`${LIVE_A} AND ${figureConditions(f, filter, now)}` : figureConditions(f, filter, now);
}

function figureConditions(f: Figure, filter: StatsFilter, now: Date): Prisma.Sql {
  switch (f.kind) {
    case "graduates":
      return cohortConditions("s", filter);
    case "notStarted":
      return Prisma.sql`${cohortConditions("s", filter)} AND a."id" IS NULL`;
    case "status":
      return Prisma.sql`${cohortConditions("s", filter)} AND a."status" = ${f.status}::"AgreementStatus"`;
    case "signed":
      return Prisma.sql`${cohortConditions("s", filter)} AND a."status" IN ('APPROVED', 'FILED')`;
    case "dimension":
      return Prisma.sql`${cohortConditions("s", filter)} AND a."status" IN ('APPROVED', 'FILED') AND ${Prisma.raw(DIMENSION_SQL[f.dimension])} = ${f.value}`;
    case "trend":
      return Prisma.sql`${cohortConditions("s", filter)} AND ${chinaDay(TREND_ACTIONS[f.action].column)} = ${f.day}::date`;
    case "backlogEmployer": {
      const before = new Date(now.getTime() - BACKLOG_DAYS * 86_400_000);
      // exactly as the backlog table counts (the agreement's own year and 学院)
      return Prisma.sql`a."status" = 'PENDING_EMPLOYER' AND a."updatedAt" < ${before} AND a."employerId" = ${f.employerId}::uuid ${backlogConditions(filter)}`;
    }
    case "backlogCollege":
      return Prisma.sql`a."status" = 'PENDING_COLLEGE_REVIEW' AND a."collegeId" = ${f.collegeId}::uuid ${backlogConditions(filter)}`;
  }
}

export type DrilldownRow = {
  id: string;
  studentNo: string;
  name: string;
  college: string;
  major: string;
  education: string;
  graduationMonth: string;
  agreementId: string | null;
  agreementNo: string | null;
  status: string;
  employer: string | null;
  nature: string | null;
  unitProvince: string | null;
  originProvince: string;
  submittedAt: Date | null;
  employerSignedAt: Date | null;
  filedAt: Date | null;
  updatedAt: Date | null;
};

type RawRow = Omit<DrilldownRow, "education" | "status" | "nature" | "unitProvince" | "originProvince"> & {
  educationCode: string;
  status: AgreementStatus | null;
  natureCode: string | null;
  unitProvinceCode: string | null;
  originProvinceCode: string;
  sortKey: string;
};

function fromClause(subject: "student" | "agreement"): Prisma.Sql {
  return subject === "student"
    ? Prisma.sql`FROM "Student" s LEFT JOIN "Agreement" a ON a."studentId" = s."id" AND ${LIVE_A}
        LEFT JOIN "Employer" e ON e."id" = a."employerId"`
    : Prisma.sql`FROM "Agreement" a JOIN "Student" s ON s."id" = a."studentId" JOIN "Employer" e ON e."id" = a."employerId"`;
}

const SELECT = Prisma.sql`
  SELECT s."id", s."studentNo", s."name", c."name" AS college, m."name" AS major, s."educationCode", s."graduationMonth",
    a."id" AS "agreementId", a."agreementNo", a."status", COALESCE(a."unitName", e."name") AS employer,
    COALESCE(a."unitNatureCode", e."natureCode") AS "natureCode", e."provinceCode" AS "unitProvinceCode",
    s."originProvince" AS "originProvinceCode", a."submittedAt", a."employerSignedAt", a."filedAt", a."updatedAt"`;

function shape(r: RawRow): DrilldownRow {
  return {
    id: r.id,
    studentNo: r.studentNo,
    name: r.name,
    college: r.college,
    major: r.major,
    education: educationLabel(r.educationCode) ?? r.educationCode,
    graduationMonth: r.graduationMonth,
    agreementId: r.agreementId,
    agreementNo: r.agreementNo,
    status: r.status ? (FUNNEL.find((s) => s.status === r.status)?.label ?? STATUS_LABELS[r.status]) : "未开始",
    employer: r.employer,
    nature: r.natureCode ? (unitNatureLabel(r.natureCode) ?? r.natureCode) : null,
    unitProvince: r.unitProvinceCode ? (provinceName(r.unitProvinceCode) ?? r.unitProvinceCode) : null,
    originProvince: provinceName(r.originProvinceCode) ?? r.originProvinceCode,
    submittedAt: r.submittedAt,
    employerSignedAt: r.employerSignedAt,
    filedAt: r.filedAt,
    updatedAt: r.updatedAt,
  };
}

export async function countDrilldown(actor: Pick<Actor, "role" | "collegeId">, filter: StatsFilter, figure: Figure, now = new Date(), db: Db = prisma) {
  const f = scopedFilter(actor, filter);
  const subject = figureSubject(figure);
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${fromClause(subject)} WHERE ${conditions(figure, f, now)}`;
  return Number(rows[0].n);
}

export async function listDrilldown(actor: Pick<Actor, "role" | "collegeId">, filter: StatsFilter, figure: Figure, page = 1, now = new Date(), db: Db = prisma) {
  const f = scopedFilter(actor, filter);
  const subject = figureSubject(figure);
  const w = pageWindow(page);
  const order = subject === "student" ? Prisma.sql`s."studentNo", s."id"` : Prisma.sql`a."updatedAt" DESC, a."id"`;
  const [total, rows] = await Promise.all([
    countDrilldown(actor, f, figure, now, db),
    db.$queryRaw<RawRow[]>`
      ${SELECT}
      ${fromClause(subject)} JOIN "College" c ON c."id" = s."collegeId" JOIN "Major" m ON m."id" = s."majorId"
      WHERE ${conditions(figure, f, now)}
      ORDER BY ${order} LIMIT ${w.take} OFFSET ${w.skip}`,
  ]);
  return { ...pageOf(rows.map(shape), total, w), subject, filter: f };
}

/** Every row of a figure in batches (keyset on the row id), for the streamed XLSX export. */
export async function* iterateDrilldown(actor: Pick<Actor, "role" | "collegeId">, filter: StatsFilter, figure: Figure, batch = 2000, now = new Date(), db: Db = prisma) {
  const f = scopedFilter(actor, filter);
  const subject = figureSubject(figure);
  const keyCol = Prisma.raw(subject === "student" ? `s."id"` : `a."id"`);
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<RawRow[]>`
      ${SELECT}, ${keyCol}::text AS "sortKey"
      ${fromClause(subject)} JOIN "College" c ON c."id" = s."collegeId" JOIN "Major" m ON m."id" = s."majorId"
      WHERE ${conditions(figure, f, now)} AND ${keyCol} > ${after}::uuid
      ORDER BY ${keyCol} LIMIT ${batch}`;
    if (rows.length === 0) return;
    yield rows.map(shape);
    after = rows[rows.length - 1].sortKey;
    if (rows.length < batch) return;
  }
}
