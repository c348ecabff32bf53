// 解约 in the statistics (#14): approved 解约 (CANCELLED agreements) by 学院 and by unit,
// within what the person may see (a counselor: their 学院), optionally for one 届.
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TerminationFigures = {
  total: number;
  /** requests in progress (待对方答复 / 待学院审核 / 待就业处审核) */
  inProgress: number;
  byCollege: { id: string; name: string; count: number }[];
  byUnit: { id: string; name: string; count: number }[];
};

export async function terminationFigures(actor: Pick<Actor, "role" | "collegeId">, graduationYear?: number): Promise<TerminationFigures> {
  const scope: Prisma.AgreementWhereInput = {
    ...(actor.role === "COUNSELOR" ? { collegeId: actor.collegeId ?? "00000000-0000-0000-0000-000000000000" } : {}),
    ...(graduationYear ? { graduationYear } : {}),
  };
  const where: Prisma.AgreementWhereInput = { ...scope, status: "CANCELLED" };
  const [byCollege, byUnit, inProgress] = await Promise.all([
    prisma.agreement.groupBy({ by: ["collegeId"], where, _count: { _all: true } }),
    prisma.agreement.groupBy({ by: ["employerId"], where, _count: { _all: true } }),
    prisma.agreement.count({ where: { ...scope, terminationStatus: { not: null } } }),
  ]);
  const [colleges, units] = await Promise.all([
    prisma.college.findMany({ where: { id: { in: byCollege.map((r) => r.collegeId) } }, select: { id: true, name: true } }),
    prisma.employer.findMany({ where: { id: { in: byUnit.map((r) => r.employerId) } }, select: { id: true, name: true } }),
  ]);
  const name = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? "—";
  const sorted = <T extends { count: number; name: string }>(rows: T[]) => rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh-CN"));
  return {
    total: byCollege.reduce((n, r) => n + r._count._all, 0),
    inProgress,
    byCollege: sorted(byCollege.map((r) => ({ id: r.collegeId, name: name(colleges, r.collegeId), count: r._count._all }))),
    byUnit: sorted(byUnit.map((r) => ({ id: r.employerId, name: name(units, r.employerId), count: r._count._all }))),
  };
}
