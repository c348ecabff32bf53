// What the filter bar of 查询统计 offers: the years present, the 学院 the actor may see and
// the 专业 of the chosen 学院.
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { EDUCATION_LEVELS } from "@/lib/reference/education";
import type { StatsFilter } from "./filters";

export async function statsFilterOptions(actor: Pick<Actor, "role" | "collegeId">, f: StatsFilter) {
  const collegeWhere = actor.role === "COUNSELOR" ? { id: actor.collegeId ?? "00000000-0000-0000-0000-000000000000" } : {};
  const [years, colleges, majors] = await Promise.all([
    prisma.$queryRaw<{ y: number }[]>`SELECT DISTINCT "graduationYear" AS y FROM "StatCohort" ORDER BY 1 DESC`,
    prisma.college.findMany({ where: collegeWhere, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    f.collegeId ? prisma.major.findMany({ where: { collegeId: f.collegeId }, orderBy: { code: "asc" }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  return {
    years: years.map((r) => r.y),
    colleges,
    majors,
    educations: EDUCATION_LEVELS.map((e) => ({ code: e.code, label: e.label })),
  };
}
