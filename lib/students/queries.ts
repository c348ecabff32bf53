// 生源信息 lists for the office (all) and counselors (own 学院 only, enforced here).
import { searchTerm } from "@/lib/validation/common";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SourceStatus } from "@/lib/generated/prisma/enums";
import { pageByIds, pageOf, pageWindow, type Page } from "@/lib/paging";
import { param, type ParsedParams } from "@/lib/http/params";


/** The 生源信息 list's URL parameters, shared by the pages and the export. */
export const STUDENT_LIST_PARAMS = {
  status: param.oneOf(["PENDING_COLLEGE", "PENDING_OFFICE", "APPROVED", "RETURNED", "all"]),
  collegeId: param.optionalId,
  majorId: param.optionalId,
  year: param.year,
  q: param.text(),
  page: param.page,
};
export type StudentListParams = ParsedParams<typeof STUDENT_LIST_PARAMS>;

export type StudentFilter = {
  status?: SourceStatus;
  collegeId?: string;
  majorId?: string;
  graduationYear?: number;
  q?: string;
  page?: number;
};

export function studentScope(actor: Pick<Actor, "role" | "collegeId">): Prisma.StudentWhereInput {
  if (actor.role === "OFFICE") return {};
  if (actor.role === "COUNSELOR" && actor.collegeId) return { collegeId: actor.collegeId };
  throw new AppError("FORBIDDEN");
}

export function studentWhere(actor: Pick<Actor, "role" | "collegeId">, f: StudentFilter): Prisma.StudentWhereInput {
  const q = searchTerm(f.q);
  return {
    AND: [
      studentScope(actor),
      f.status ? { sourceStatus: f.status } : {},
      f.collegeId ? { collegeId: f.collegeId } : {},
      f.majorId ? { majorId: f.majorId } : {},
      f.graduationYear ? { graduationYear: f.graduationYear } : {},
      q ? { OR: [{ studentNo: { startsWith: q } }, { name: { contains: q } }] } : {},
    ],
  };
}

export const studentListSelect = {
  id: true,
  studentNo: true,
  name: true,
  gender: true,
  ethnicityCode: true,
  politicalCode: true,
  educationCode: true,
  graduationMonth: true,
  graduationYear: true,
  idNumber: true,
  originProvince: true,
  originCity: true,
  sourceStatus: true,
  sourceNote: true,
  updatedAt: true,
  college: { select: { name: true } },
  major: { select: { name: true } },
} satisfies Prisma.StudentSelect;

export type StudentListRow = Prisma.StudentGetPayload<{ select: typeof studentListSelect }>;

export async function listStudents(actor: Actor, f: StudentFilter): Promise<Page<StudentListRow> & { byStatus: Partial<Record<SourceStatus, number>> }> {
  const w = pageWindow(f.page);
  const where = studentWhere(actor, f);
  const [total, rows, counts] = await Promise.all([
    prisma.student.count({ where }),
    pageByIds(
      prisma.student.findMany({ where, select: { id: true }, orderBy: [{ studentNo: "asc" }], skip: w.skip, take: w.take }),
      (ids) => prisma.student.findMany({ where: { AND: [where, { id: { in: ids } }] }, select: studentListSelect }),
    ),
    prisma.student.groupBy({ by: ["sourceStatus"], where: studentWhere(actor, { ...f, status: undefined }), _count: { _all: true } }),
  ]);
  return {
    ...pageOf(rows, total, w),
    byStatus: Object.fromEntries(counts.map((c) => [c.sourceStatus, c._count._all])),
  };
}

/** 学院 and 专业 the actor may filter by. */
export async function collegeOptions(actor: Pick<Actor, "role" | "collegeId">) {
  const scope = actor.role === "COUNSELOR" ? { id: actor.collegeId ?? "00000000-0000-0000-0000-000000000000" } : {};
  return prisma.college.findMany({ where: scope, orderBy: { code: "asc" }, include: { majors: { orderBy: { code: "asc" }, select: { id: true, name: true, code: true } } } });
}
