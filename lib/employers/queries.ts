// Reads of units: the student's 选择签约单位 search (approved units only) and the office's
// 用人单位审核 list and detail.
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmployerStatus } from "@/lib/generated/prisma/enums";
import { searchTerm } from "@/lib/validation/common";
import { normalizeUnitCode } from "@/lib/validation/credit-code";
import { pageOf, pageWindow, type Page } from "@/lib/paging";

export const EMPLOYER_STATUS_LABELS: Record<EmployerStatus, string> = {
  PENDING: "待审核",
  APPROVED: "已通过",
  REJECTED: "未通过",
};

/** 变更待审核: an approved unit whose change of 单位名称 / 统一社会信用代码 / 单位性质 waits for the office. */
export const CHANGE_PENDING_LABEL = "变更待审核";

export const SEARCH_PAGE_SIZE = 10;

const searchSelect = {
  id: true,
  name: true,
  orgCode: true,
  natureCode: true,
  provinceCode: true,
  contactName: true,
  contactPhone: true,
  address: true,
} satisfies Prisma.EmployerSelect;

export type EmployerSearchRow = Prisma.EmployerGetPayload<{ select: typeof searchSelect }>;

function textFilter(q: string | undefined): Prisma.EmployerWhereInput {
  const text = searchTerm(q);
  if (!text) return {};
  const code = normalizeUnitCode(text);
  return {
    OR: [
      { name: { contains: text, mode: "insensitive" } },
      { orgCode: { startsWith: code } },
    ],
  };
}

/**
 * 选择签约单位: approved units whose name contains `q` (fuzzy) or whose 统一社会信用代码
 * starts with it; 10 per page, by name. Only APPROVED units are ever returned.
 */
export async function searchApprovedEmployers(q: string | undefined, page = 1): Promise<Page<EmployerSearchRow>> {
  const w = pageWindow(page, SEARCH_PAGE_SIZE);
  const where: Prisma.EmployerWhereInput = { AND: [{ status: "APPROVED" }, textFilter(q)] };
  const [total, rows] = await Promise.all([
    prisma.employer.count({ where }),
    prisma.employer.findMany({
      where,
      select: searchSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: w.skip,
      take: w.take,
    }),
  ]);
  return pageOf(rows, total, w);
}

function requireOffice(actor: Pick<Actor, "role">) {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN");
}

const CHANGE_PENDING: Prisma.EmployerWhereInput = { status: "APPROVED", changeRequestedAt: { not: null } };
const reviewSelect = { ...searchSelect, email: true, status: true, createdAt: true, reviewedAt: true, rejectReason: true, proposedName: true, changeRequestedAt: true } satisfies Prisma.EmployerSelect;
export type EmployerReviewRow = Prisma.EmployerGetPayload<{ select: typeof reviewSelect }>;
// Pending first, oldest registration first: the office works the queue in order.
const REVIEW_ORDER: Prisma.EmployerOrderByWithRelationInput[] = [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }];
type ReviewFilter = { status?: EmployerStatus | "CHANGE"; q?: string };
const reviewWhere = (o: ReviewFilter): Prisma.EmployerWhereInput => ({
  AND: [o.status === "CHANGE" ? CHANGE_PENDING : o.status ? { status: o.status } : {}, textFilter(o.q)],
});

/** Every unit of the review list's filter, in its order: its export. */
export async function allEmployersForReview(actor: Pick<Actor, "role">, options: ReviewFilter): Promise<EmployerReviewRow[]> {
  requireOffice(actor);
  return prisma.employer.findMany({ where: reviewWhere(options), select: reviewSelect, orderBy: REVIEW_ORDER });
}

export async function listEmployersForReview(
  actor: Pick<Actor, "role">,
  options: { status?: EmployerStatus | "CHANGE"; q?: string; page?: number },
) {
  requireOffice(actor);
  const w = pageWindow(options.page);
  const where = reviewWhere(options);
  const [total, rows, counts, changes] = await Promise.all([
    prisma.employer.count({ where }),
    prisma.employer.findMany({ where, select: reviewSelect, orderBy: REVIEW_ORDER, skip: w.skip, take: w.take }),
    prisma.employer.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.employer.count({ where: CHANGE_PENDING }),
  ]);
  const byStatus = { ...Object.fromEntries(counts.map((c) => [c.status, c._count._all])), CHANGE: changes } as Partial<Record<EmployerStatus | "CHANGE", number>>;
  return { ...pageOf(rows, total, w), byStatus };
}

export async function getEmployerForOffice(actor: Pick<Actor, "role">, employerId: string) {
  requireOffice(actor);
  const employer = /^[0-9a-f-]{36}$/i.test(employerId)
    ? await prisma.employer.findUnique({
        where: { id: employerId },
        include: { staff: { select: { id: true, username: true, name: true, phone: true, email: true, active: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
      })
    : null;
  if (!employer) throw new AppError("NOT_FOUND", "未找到该用人单位");
  const [history, agreementCount] = await Promise.all([
    prisma.auditLog.findMany({ where: { entity: "Employer", entityId: employerId }, orderBy: { createdAt: "desc" }, take: 50 }),
    prisma.agreement.count({ where: { employerId } }),
  ]);
  return { employer, history, agreementCount };
}
