// Reads of agreements, always scoped to what the actor may see (./access.ts). Reads never
// write: an agreement whose 7 days have passed is shown as 已到期，系统确认中 (derived, see
// ./seven-day-rule.ts) until the sweep, which runs every minute, confirms it.
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import { pageByIds, pageOf, pageWindow, type Page } from "@/lib/paging";
import { searchTerm } from "@/lib/validation/common";
import { canAccessAgreement, HIDDEN_FROM_UNIT } from "./access";
import type { WorkflowActor } from "./actor";
import { normalizeAgreementNumber } from "./agreement-number";
import { asSeenByUnit } from "./unit-view";
import { LIVE_STATUSES } from "./states";

export const agreementDetail = {
  student: { include: { major: true, college: true } },
  employer: true,
  college: true,
  terms: true,
  events: { orderBy: { version: "asc" } },
  printRecords: { orderBy: { createdAt: "desc" }, include: { printedBy: { select: { name: true } } } },
} satisfies Prisma.AgreementInclude;

export type AgreementDetail = Prisma.AgreementGetPayload<{ include: typeof agreementDetail }>;

/** One agreement with everything a page or the print template shows; NOT_FOUND unless visible. */
export async function getAgreementForActor(actor: WorkflowActor, agreementId: string): Promise<AgreementDetail> {
  const agreement = /^[0-9a-f-]{36}$/i.test(agreementId) ? await prisma.agreement.findUnique({ where: { id: agreementId }, include: agreementDetail }) : null;
  if (
    !agreement ||
    !canAccessAgreement(actor, {
      studentUserId: agreement.student.userId,
      employerId: agreement.employerId,
      collegeId: agreement.collegeId,
      status: agreement.status,
    })
  ) {
    throw new AppError("NOT_FOUND", "未找到该协议");
  }
  // a unit sees only its own dealings, not those of a unit the agreement was addressed to before
  return actor.role === "EMPLOYER" ? asSeenByUnit(agreement) : agreement;
}

/** The student's live agreement (at most one, by the database constraint). */
export async function getStudentAgreement(userId: string): Promise<AgreementDetail | null> {
  return prisma.agreement.findFirst({ where: { student: { userId }, status: { in: [...LIVE_STATUSES] } }, include: agreementDetail });
}

const listSelect = {
  id: true,
  agreementNo: true,
  status: true,
  version: true,
  submittedAt: true,
  employerSignedAt: true,
  autoConfirmAt: true,
  studentConfirmedAt: true,
  autoConfirmed: true,
  approvedAt: true,
  filedAt: true,
  updatedAt: true,
  returnReason: true,
  // 解约 (#14): a request in progress, and the cancelled agreement this one replaces
  terminationStatus: true,
  previousAgreementNo: true,
  student: { select: { name: true, studentNo: true, major: { select: { name: true } }, college: { select: { name: true } } } },
  employer: { select: { name: true } },
} satisfies Prisma.AgreementSelect;

export type AgreementListRow = Prisma.AgreementGetPayload<{ select: typeof listSelect }>;

function searchFilter(q: string | undefined): Prisma.AgreementWhereInput {
  const text = searchTerm(q);
  if (!text) return {};
  const number = normalizeAgreementNumber(text);
  return {
    OR: [
      { student: { name: { contains: text } } },
      { student: { studentNo: { startsWith: text } } },
      ...(number ? [{ agreementNo: number }] : []),
      { employer: { name: { contains: text } } },
    ],
  };
}

export async function listAgreements(
  scope: Prisma.AgreementWhereInput,
  options: { q?: string; status?: AgreementStatus | AgreementStatus[]; page?: number; orderBy?: Prisma.AgreementOrderByWithRelationInput[] },
): Promise<Page<AgreementListRow>> {
  const w = pageWindow(options.page);
  const where: Prisma.AgreementWhereInput = {
    AND: [
      scope,
      searchFilter(options.q),
      options.status ? { status: Array.isArray(options.status) ? { in: options.status } : options.status } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    prisma.agreement.count({ where }),
    pageByIds(
      prisma.agreement.findMany({ where, select: { id: true }, orderBy: options.orderBy ?? [{ updatedAt: "desc" }, { id: "asc" }], skip: w.skip, take: w.take }),
      (ids) => prisma.agreement.findMany({ where: { AND: [where, { id: { in: ids } }] }, select: listSelect }),
    ),
  ]);
  return pageOf(rows, total, w);
}

/** The scope of agreements a person works on, by role. */
export function scopeOf(actor: WorkflowActor): Prisma.AgreementWhereInput {
  switch (actor.role) {
    case "STUDENT":
      return { student: { userId: actor.userId ?? "" } };
    case "EMPLOYER":
      return { employerId: actor.employerId ?? "00000000-0000-0000-0000-000000000000", status: { notIn: [...HIDDEN_FROM_UNIT] } };
    case "COUNSELOR":
      return { collegeId: actor.collegeId ?? "00000000-0000-0000-0000-000000000000" };
    case "OFFICE":
    case "SYSTEM":
      return {};
  }
}

export async function countByStatus(actor: WorkflowActor, status: AgreementStatus): Promise<number> {
  return prisma.agreement.count({ where: { AND: [scopeOf(actor), { status }] } });
}

/** 网上签约备案: find by 学号 or 协议书号 within the actor's scope. */
export async function findForFiling(actor: WorkflowActor, query: string): Promise<AgreementDetail | null> {
  const number = normalizeAgreementNumber(query);
  return prisma.agreement.findFirst({
    where: {
      AND: [
        scopeOf(actor),
        { status: { in: [...LIVE_STATUSES] } },
        number ? { OR: [{ agreementNo: number }, { student: { studentNo: query } }] } : { student: { studentNo: query } },
      ],
    },
    include: agreementDetail,
  });
}

/** All agreements waiting for the unit's signature, as {agreementId, version} (批量签约 of everything). */
export async function pendingRefs(actor: WorkflowActor) {
  const rows = await prisma.agreement.findMany({
    where: { AND: [scopeOf(actor), { status: "PENDING_EMPLOYER" }] },
    select: { id: true, version: true },
    orderBy: { submittedAt: "asc" },
    take: 5000,
  });
  return rows.map((r) => ({ agreementId: r.id, version: r.version }));
}
