// Rebuilds the dashboard's summary tables (StatCohort, StatDimension, StatDaily) from the
// base tables in ONE transaction: readers see either the old or the new summaries, never
// half of each. The dashboard shows when they were built; a rebuild is started in the
// background when they are older than STATS_MAX_AGE_MS, and the 刷新数据 button runs one now.
import { prisma, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIVE_A, chinaDay, TREND_ACTIONS } from "./sql";

export const STATS_MAX_AGE_MS = 5 * 60_000;
// Any constant shared by all refreshers: only one rebuild runs at a time.
const REFRESH_LOCK_KEY = 61_060_601;

function dailyInsert(action: keyof typeof TREND_ACTIONS): Prisma.Sql {
  const column = TREND_ACTIONS[action].column;
  const day = chinaDay(column);
  return Prisma.sql`
    INSERT INTO "StatDaily" ("day", "action", "graduationYear", "collegeId", "educationCode", "count")
    SELECT ${day}, ${action}, s."graduationYear", s."collegeId", s."educationCode", count(*)::int
    FROM "Agreement" a JOIN "Student" s ON s."id" = a."studentId"
    WHERE ${LIVE_A} AND ${Prisma.raw(column)} IS NOT NULL
    GROUP BY 1, 3, 4, 5`;
}

/** Rebuilds now (waits for a rebuild already running). Returns how long it took. */
export async function refreshStatistics(db: Db = prisma): Promise<{ durationMs: number; refreshedAt: Date }> {
  const started = Date.now();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`;
      await tx.$executeRaw`DELETE FROM "StatCohort"`;
      await tx.$executeRaw`
        INSERT INTO "StatCohort" ("graduationYear", "collegeId", "majorId", "educationCode", "graduates", "notStarted", "draft",
          "pendingEmployer", "returned", "pendingStudentConfirm", "pendingCollegeReview", "approved", "filed")
        SELECT s."graduationYear", s."collegeId", s."majorId", s."educationCode",
          count(*)::int,
          count(*) FILTER (WHERE a."status" IS NULL)::int,
          count(*) FILTER (WHERE a."status" = 'DRAFT')::int,
          count(*) FILTER (WHERE a."status" = 'PENDING_EMPLOYER')::int,
          count(*) FILTER (WHERE a."status" = 'RETURNED')::int,
          count(*) FILTER (WHERE a."status" = 'PENDING_STUDENT_CONFIRM')::int,
          count(*) FILTER (WHERE a."status" = 'PENDING_COLLEGE_REVIEW')::int,
          count(*) FILTER (WHERE a."status" = 'APPROVED')::int,
          count(*) FILTER (WHERE a."status" = 'FILED')::int
        FROM "Student" s
        LEFT JOIN "Agreement" a ON a."studentId" = s."id" AND ${LIVE_A}
        GROUP BY 1, 2, 3, 4`;
      await tx.$executeRaw`DELETE FROM "StatDimension"`;
      await tx.$executeRaw`
        INSERT INTO "StatDimension" ("dimension", "value", "graduationYear", "collegeId", "majorId", "educationCode", "count")
        SELECT d.dimension, d.value, s."graduationYear", s."collegeId", s."majorId", s."educationCode", count(*)::int
        FROM "Agreement" a
        JOIN "Student" s ON s."id" = a."studentId"
        JOIN "Employer" e ON e."id" = a."employerId"
        CROSS JOIN LATERAL (VALUES
          ('nature', COALESCE(a."unitNatureCode", e."natureCode")),
          ('unitProvince', e."provinceCode"),
          ('originProvince', s."originProvince")) AS d(dimension, value)
        WHERE a."status" IN ('APPROVED', 'FILED')
        GROUP BY 1, 2, 3, 4, 5, 6`;
      await tx.$executeRaw`DELETE FROM "StatDaily"`;
      for (const action of Object.keys(TREND_ACTIONS) as (keyof typeof TREND_ACTIONS)[]) {
        await tx.$executeRaw(dailyInsert(action));
      }
      const refreshedAt = new Date();
      const durationMs = Date.now() - started;
      await tx.$executeRaw`
        INSERT INTO "StatRefresh" ("id", "refreshedAt", "durationMs") VALUES (1, ${refreshedAt}, ${durationMs})
        ON CONFLICT ("id") DO UPDATE SET "refreshedAt" = EXCLUDED."refreshedAt", "durationMs" = EXCLUDED."durationMs"`;
      return { durationMs, refreshedAt };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

let background: Promise<unknown> | null = null;

/**
 * The summaries' age. Never built → build now (the first visit waits once); older than
 * STATS_MAX_AGE_MS → rebuild in the background, this visit shows the previous figures.
 */
export async function ensureFreshStatistics(db: Db = prisma): Promise<{ refreshedAt: Date; refreshing: boolean }> {
  const row = await db.statRefresh.findUnique({ where: { id: 1 } });
  if (!row) return { ...(await refreshStatistics(db)), refreshing: false };
  const stale = Date.now() - row.refreshedAt.getTime() > STATS_MAX_AGE_MS;
  if (stale && !background) {
    background = refreshStatistics(db)
      .catch((error) => console.error("统计数据刷新失败", error))
      .finally(() => {
        background = null;
      });
  }
  return { refreshedAt: row.refreshedAt, refreshing: stale };
}
