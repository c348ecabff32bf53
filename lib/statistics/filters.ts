// The dashboard's filters (毕业年份, 学院, 专业, 学历) and who may see what: the office sees
// every 学院; a counselor's filter is always pinned to their own 学院, whatever the URL says.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { pageParams, param, routeParams, type ParsedParams, type RawParams } from "@/lib/http/params";

export type StatsFilter = {
  graduationYear?: number;
  collegeId?: string;
  majorId?: string;
  educationCode?: string;
};

/** The dashboard's URL parameters (?year=&collegeId=&majorId=&edu=). */
export const STATS_PARAMS = {
  year: param.year,
  collegeId: param.optionalId,
  majorId: param.optionalId,
  edu: z.string().regex(/^\d{2}$/, "学历代码不正确").optional(),
};

function toFilter(p: ParsedParams<typeof STATS_PARAMS>): StatsFilter {
  return { graduationYear: p.year, collegeId: p.collegeId, majorId: p.majorId, educationCode: p.edu };
}

/** For pages: a malformed filter is the zh-CN 404 page. */
export function pageStatsFilter(params: RawParams): StatsFilter {
  return toFilter(pageParams(params, STATS_PARAMS));
}

/** For route handlers and actions: a malformed filter is AppError INVALID_INPUT (400). */
export function parseStatsFilter(params: RawParams): StatsFilter {
  return toFilter(routeParams(params, STATS_PARAMS));
}

export function filterToParams(f: StatsFilter): Record<string, string> {
  const p: Record<string, string> = {};
  if (f.graduationYear) p.year = String(f.graduationYear);
  if (f.collegeId) p.collegeId = f.collegeId;
  if (f.majorId) p.majorId = f.majorId;
  if (f.educationCode) p.edu = f.educationCode;
  return p;
}

/** The filter the actor is allowed: counselors only ever see their own 学院. */
export function scopedFilter(actor: Pick<Actor, "role" | "collegeId">, f: StatsFilter): StatsFilter {
  if (actor.role === "OFFICE") return f;
  if (actor.role === "COUNSELOR" && actor.collegeId) return { ...f, collegeId: actor.collegeId };
  throw new AppError("FORBIDDEN", "无权查看统计数据");
}

/**
 * SQL conditions on the cohort columns (graduationYear, collegeId, majorId, educationCode)
 * of `alias` — a summary table or the Student row itself.
 */
export function cohortConditions(alias: string, f: StatsFilter): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.graduationYear) parts.push(Prisma.sql`${col("graduationYear")} = ${f.graduationYear}`);
  if (f.collegeId) parts.push(Prisma.sql`${col("collegeId")} = ${f.collegeId}::uuid`);
  if (f.majorId) parts.push(Prisma.sql`${col("majorId")} = ${f.majorId}::uuid`);
  if (f.educationCode) parts.push(Prisma.sql`${col("educationCode")} = ${f.educationCode}`);
  return Prisma.join(parts, " AND ");
}
