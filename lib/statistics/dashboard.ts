// 查询统计: every view of the dashboard, each in two implementations with the same result —
// `summary` reads the summary tables (what pages use), `base` computes from Student /
// Agreement / Employer directly (the oracle of the tests and the baseline of the bench).
import { prisma, type Db } from "@/lib/db/client";
import { beijingToday } from "@/lib/format";
import type { Actor } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { cohortConditions, scopedFilter, type StatsFilter } from "./filters";
import { ensureFreshStatistics } from "./refresh";
import { BACKLOG_DAYS, chinaDay, TREND_ACTIONS, type TrendAction } from "./sql";

export type Source = "summary" | "base";

/** The funnel of the dashboard, in the manual's order of the steps. */
export const FUNNEL = [
  { key: "notStarted", status: null, label: "未开始" },
  { key: "draft", status: "DRAFT", label: "草稿" },
  { key: "pendingEmployer", status: "PENDING_EMPLOYER", label: "待单位签约" },
  { key: "pendingStudentConfirm", status: "PENDING_STUDENT_CONFIRM", label: "待学生确认" },
  { key: "pendingCollegeReview", status: "PENDING_COLLEGE_REVIEW", label: "待学院审核" },
  { key: "approved", status: "APPROVED", label: "可打印" },
  { key: "filed", status: "FILED", label: "已备案" },
  { key: "returned", status: "RETURNED", label: "已退回" },
] as const;
export type FunnelKey = (typeof FUNNEL)[number]["key"];
export type Funnel = { graduates: number } & Record<FunnelKey, number>;

const n = (v: unknown) => Number(v ?? 0);

// ---------- overview + funnel ----------

export async function funnelView(f: StatsFilter, source: Source, db: Db = prisma): Promise<Funnel> {
  const rows =
    source === "summary"
      ? await db.$queryRaw<Record<string, bigint>[]>`
          SELECT sum("graduates") AS "graduates", sum("notStarted") AS "notStarted", sum("draft") AS "draft",
            sum("pendingEmployer") AS "pendingEmployer", sum("returned") AS "returned",
            sum("pendingStudentConfirm") AS "pendingStudentConfirm", sum("pendingCollegeReview") AS "pendingCollegeReview",
            sum("approved") AS "approved", sum("filed") AS "filed"
          FROM "StatCohort" c WHERE ${cohortConditions("c", f)}`
      : await db.$queryRaw<Record<string, bigint>[]>`
          SELECT count(*) AS "graduates",
            count(*) FILTER (WHERE a."status" IS NULL) AS "notStarted",
            count(*) FILTER (WHERE a."status" = 'DRAFT') AS "draft",
            count(*) FILTER (WHERE a."status" = 'PENDING_EMPLOYER') AS "pendingEmployer",
            count(*) FILTER (WHERE a."status" = 'RETURNED') AS "returned",
            count(*) FILTER (WHERE a."status" = 'PENDING_STUDENT_CONFIRM') AS "pendingStudentConfirm",
            count(*) FILTER (WHERE a."status" = 'PENDING_COLLEGE_REVIEW') AS "pendingCollegeReview",
            count(*) FILTER (WHERE a."status" = 'APPROVED') AS "approved",
            count(*) FILTER (WHERE a."status" = 'FILED') AS "filed"
          FROM "Student" s LEFT JOIN "Agreement" a ON a."studentId" = s."id" AND a."status" <> 'CANCELLED'
          WHERE ${cohortConditions("s", f)}`;
  const r = rows[0] ?? {};
  return {
    graduates: n(r.graduates),
    notStarted: n(r.notStarted),
    draft: n(r.draft),
    pendingEmployer: n(r.pendingEmployer),
    returned: n(r.returned),
    pendingStudentConfirm: n(r.pendingStudentConfirm),
    pendingCollegeReview: n(r.pendingCollegeReview),
    approved: n(r.approved),
    filed: n(r.filed),
  };
}

// ---------- 签约率 per 学院 / 专业 ----------

export type RateRow = { id: string; name: string; graduates: number; signed: number; rate: number };
export const MAJOR_ROWS_LIMIT = 100;

export async function rateView(f: StatsFilter, by: "college" | "major", source: Source, db: Db = prisma): Promise<RateRow[]> {
  const key = by === "college" ? "collegeId" : "majorId";
  const names = by === "college" ? Prisma.raw(`"College"`) : Prisma.raw(`"Major"`);
  const keyCol = Prisma.raw(`"${key}"`);
  // Without a 学院 filter a university has hundreds of 专业: show the largest ones.
  const limit = by === "major" && !f.collegeId ? Prisma.sql`LIMIT ${MAJOR_ROWS_LIMIT}` : Prisma.empty;
  const inner =
    source === "summary"
      ? Prisma.sql`SELECT c.${keyCol} AS id, sum(c."graduates") AS graduates, sum(c."approved" + c."filed") AS signed
                   FROM "StatCohort" c WHERE ${cohortConditions("c", f)} GROUP BY 1`
      : Prisma.sql`SELECT s.${keyCol} AS id, count(*) AS graduates, count(a."id") AS signed
                   FROM "Student" s LEFT JOIN "Agreement" a ON a."studentId" = s."id" AND a."status" IN ('APPROVED', 'FILED')
                   WHERE ${cohortConditions("s", f)} GROUP BY 1`;
  const rows = await db.$queryRaw<{ id: string; name: string; code: string; graduates: bigint; signed: bigint }[]>`
    SELECT t.id, x."name", x."code", t.graduates, t.signed
    FROM (${inner}) t JOIN ${names} x ON x."id" = t.id
    ORDER BY ${by === "major" && !f.collegeId ? Prisma.sql`t.graduates DESC,` : Prisma.empty} x."code"
    ${limit}`;
  return rows.map((r) => {
    const graduates = n(r.graduates);
    const signed = n(r.signed);
    return { id: r.id, name: r.name, graduates, signed, rate: graduates ? signed / graduates : 0 };
  });
}

// ---------- distributions of signed agreements ----------

export type Dimension = "nature" | "unitProvince" | "originProvince";
export type DistributionRow = { value: string; count: number };

const DIMENSION_SQL: Record<Dimension, string> = {
  nature: `COALESCE(a."unitNatureCode", e."natureCode")`,
  unitProvince: `e."provinceCode"`,
  originProvince: `s."originProvince"`,
};

export async function distributionView(f: StatsFilter, dimension: Dimension, source: Source, db: Db = prisma): Promise<DistributionRow[]> {
  const rows =
    source === "summary"
      ? await db.$queryRaw<{ value: string; count: bigint }[]>`
          SELECT d."value" AS value, sum(d."count") AS count FROM "StatDimension" d
          WHERE d."dimension" = ${dimension} AND ${cohortConditions("d", f)}
          GROUP BY 1 ORDER BY 2 DESC, 1`
      : await db.$queryRaw<{ value: string; count: bigint }[]>`
          SELECT ${Prisma.raw(DIMENSION_SQL[dimension])} AS value, count(*) AS count
          FROM "Agreement" a JOIN "Student" s ON s."id" = a."studentId" JOIN "Employer" e ON e."id" = a."employerId"
          WHERE a."status" IN ('APPROVED', 'FILED') AND ${cohortConditions("s", f)}
          GROUP BY 1 ORDER BY 2 DESC, 1`;
  return rows.map((r) => ({ value: r.value, count: n(r.count) }));
}

// ---------- daily trend ----------

export type TrendPoint = { day: string } & Record<TrendAction, number>;

/** The `days` calendar days (Asia/Shanghai) ending at `until` (default today), every day present. */
export async function trendView(f: StatsFilter, source: Source, days = 30, until?: string, db: Db = prisma): Promise<TrendPoint[]> {
  const end = until ?? beijingToday();
  const startDate = new Date(`${end}T00:00:00Z`);
  startDate.setUTCDate(startDate.getUTCDate() - (days - 1));
  const start = startDate.toISOString().slice(0, 10);
  let rows: { day: Date; action: string; count: bigint }[];
  // StatDaily has no 专业 column; a 专业 is a few hundred graduates, cheap from the base tables.
  if (source === "summary" && !f.majorId) {
    rows = await db.$queryRaw`
      SELECT d."day" AS day, d."action" AS action, sum(d."count") AS count FROM "StatDaily" d
      WHERE d."day" BETWEEN ${start}::date AND ${end}::date AND ${cohortConditions("d", f)}
      GROUP BY 1, 2`;
  } else {
    const parts = (Object.keys(TREND_ACTIONS) as TrendAction[]).map((action) => {
      const day = chinaDay(TREND_ACTIONS[action].column);
      return Prisma.sql`
        SELECT ${day} AS day, ${action} AS action, count(*) AS count
        FROM "Agreement" a JOIN "Student" s ON s."id" = a."studentId"
        WHERE a."status" <> 'CANCELLED' AND ${day} BETWEEN ${start}::date AND ${end}::date AND ${cohortConditions("s", f)}
        GROUP BY 1`;
    });
    rows = await db.$queryRaw(Prisma.join(parts, " UNION ALL "));
  }
  const byDay = new Map<string, TrendPoint>();
  for (let i = 0; i < days; i++) {
    const d = new Date(startDate);
    d.setUTCDate(d.getUTCDate() + i);
    const key = d.toISOString().slice(0, 10);
    byDay.set(key, { day: key, submit: 0, sign: 0, file: 0 });
  }
  for (const r of rows) {
    const point = byDay.get(r.day.toISOString().slice(0, 10));
    if (point) point[r.action as TrendAction] += n(r.count);
  }
  return [...byDay.values()];
}

// ---------- backlogs (always live: they are work lists) ----------

export type EmployerBacklog = { employerId: string; name: string; count: number; oldest: Date };
export type CollegeBacklog = { collegeId: string; name: string; counselors: string; count: number; oldest: Date };
export const BACKLOG_ROWS = 20;

/**
 * Backlogs filter on the agreement's own 毕业年份 and 学院 (the partial indexes carry them);
 * only 专业 / 学历 need the graduate's row.
 */
export function backlogConditions(f: StatsFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.graduationYear) parts.push(Prisma.sql`AND a."graduationYear" = ${f.graduationYear}`);
  if (f.collegeId) parts.push(Prisma.sql`AND a."collegeId" = ${f.collegeId}::uuid`);
  if (f.majorId || f.educationCode) {
    parts.push(Prisma.sql`AND EXISTS (SELECT 1 FROM "Student" s WHERE s."id" = a."studentId" AND ${cohortConditions("s", { majorId: f.majorId, educationCode: f.educationCode })})`);
  }
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

export async function employerBacklogView(f: StatsFilter, now = new Date(), db: Db = prisma): Promise<EmployerBacklog[]> {
  const before = new Date(now.getTime() - BACKLOG_DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ employerId: string; name: string; count: bigint; oldest: Date }[]>`
    SELECT b."employerId", e."name", b.count, b.oldest FROM (
      SELECT a."employerId", count(*) AS count, min(a."updatedAt") AS oldest FROM "Agreement" a
      WHERE a."status" = 'PENDING_EMPLOYER' AND a."updatedAt" < ${before} ${backlogConditions(f)}
      GROUP BY 1 ORDER BY 3, 1 LIMIT ${BACKLOG_ROWS}) b
    JOIN "Employer" e ON e."id" = b."employerId" ORDER BY b.oldest, b."employerId"`;
  return rows.map((r) => ({ ...r, count: n(r.count) }));
}

export async function collegeBacklogView(f: StatsFilter, db: Db = prisma): Promise<CollegeBacklog[]> {
  const rows = await db.$queryRaw<{ collegeId: string; name: string; counselors: string | null; count: bigint; oldest: Date }[]>`
    SELECT b."collegeId", c."name",
      (SELECT string_agg(u."name", '、' ORDER BY u."username") FROM "User" u WHERE u."collegeId" = b."collegeId" AND u."role" = 'COUNSELOR' AND u."active") AS counselors,
      b.count, b.oldest FROM (
      SELECT a."collegeId", count(*) AS count, min(a."updatedAt") AS oldest FROM "Agreement" a
      WHERE a."status" = 'PENDING_COLLEGE_REVIEW' ${backlogConditions(f)}
      GROUP BY 1 ORDER BY 3, 1 LIMIT ${BACKLOG_ROWS}) b
    JOIN "College" c ON c."id" = b."collegeId" ORDER BY b.oldest, b."collegeId"`;
  return rows.map((r) => ({ ...r, counselors: r.counselors ?? "", count: n(r.count) }));
}

// ---------- the whole dashboard ----------

export type Dashboard = {
  filter: StatsFilter;
  refreshedAt: Date;
  refreshing: boolean;
  funnel: Funnel;
  byCollege: RateRow[];
  byMajor: RateRow[];
  byNature: DistributionRow[];
  byOriginProvince: DistributionRow[];
  byUnitProvince: DistributionRow[];
  trend: TrendPoint[];
  employerBacklog: EmployerBacklog[];
  collegeBacklog: CollegeBacklog[];
};

/** The dashboard for the office (any filter) or a counselor (own 学院 only). */
export async function getDashboard(actor: Pick<Actor, "role" | "collegeId">, filter: StatsFilter, options: { trendDays?: number } = {}): Promise<Dashboard> {
  const f = scopedFilter(actor, filter);
  const fresh = await ensureFreshStatistics();
  const [funnel, byCollege, byMajor, byNature, byOriginProvince, byUnitProvince, trend, employerBacklog, collegeBacklog] = await Promise.all([
    funnelView(f, "summary"),
    rateView(f, "college", "summary"),
    rateView(f, "major", "summary"),
    distributionView(f, "nature", "summary"),
    distributionView(f, "originProvince", "summary"),
    distributionView(f, "unitProvince", "summary"),
    trendView(f, "summary", options.trendDays ?? 30),
    employerBacklogView(f),
    collegeBacklogView(f),
  ]);
  return { filter: f, ...fresh, funnel, byCollege, byMajor, byNature, byOriginProvince, byUnitProvince, trend, employerBacklog, collegeBacklog };
}
