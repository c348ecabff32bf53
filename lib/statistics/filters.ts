// The dashboard's filters (毕业年份, 学院, 专业, 学历) and who may see what: the office sees
// every 学院; a counselor's filter is always pinned to their own 学院, whatever the URL says.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";

export type StatsFilter = {
  graduationYear?: number;
  collegeId?: string;
  majorId?: string;
  educationCode?: string;
};

const uuidOrEmpty = z.union([z.uuid(), z.literal("")]).optional().transform((v) => v || undefined);

export const statsFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  collegeId: uuidOrEmpty.catch(undefined),
  majorId: uuidOrEmpty.catch(undefined),
  edu: z.string().regex(/^\d{2}$/).optional().catch(undefined),
});

/** From URL search params: anything malformed is simply ignored (a filter, not a form). */
export function parseStatsFilter(params: Record<string, string | string[] | undefined>): StatsFilter {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const parsed = statsFilterSchema.parse({ year: one("year"), collegeId: one("collegeId"), majorId: one("majorId"), edu: one("edu") });
  return { graduationYear: parsed.year, collegeId: parsed.collegeId, majorId: parsed.majorId, educationCode: parsed.edu };
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
