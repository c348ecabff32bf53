// Reads of 解约 and 签约邀请 (#14), scoped to what the person may see.
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkflowActor } from "@/lib/workflow/actor";
import { listAgreements, scopeOf } from "@/lib/workflow/queries";
import { INVITATION_STATUSES, TERMINATION_ACTIONS } from "@/lib/workflow/states";

export const TERMINATION_LISTS = {
  review: "待审核",
  open: "办理中",
  cancelled: "已解约",
} as const;
export type TerminationList = keyof typeof TERMINATION_LISTS;

function listWhere(actor: WorkflowActor, list: TerminationList): Prisma.AgreementWhereInput {
  switch (list) {
    case "review":
      return { terminationStatus: actor.role === "OFFICE" ? { in: ["AWAITING_COLLEGE", "AWAITING_OFFICE"] } : actor.role === "COUNSELOR" ? "AWAITING_COLLEGE" : "AWAITING_PARTY" };
    case "open":
      return { terminationStatus: { not: null } };
    case "cancelled":
      return { status: "CANCELLED" };
  }
}

/** The 解约 lists of a role (待审核 / 办理中 / 已解约), newest first. */
export function listTerminations(actor: WorkflowActor, list: TerminationList, options: { q?: string; page?: number }) {
  return listAgreements({ AND: [scopeOf(actor), listWhere(actor, list)] }, { ...options, orderBy: [{ updatedAt: "desc" }, { id: "asc" }] });
}

/** The 解约 steps of an agreement's audit trail. */
export function terminationEvents<E extends { action: string }>(events: E[]): E[] {
  return events.filter((e) => (TERMINATION_ACTIONS as readonly string[]).includes(e.action));
}

/** old → new: the agreement that replaced a cancelled one (same student, its 协议书号 recorded). */
export async function successorOf(agreement: { studentId: string; agreementNo: string | null }) {
  if (!agreement.agreementNo) return null;
  return prisma.agreement.findFirst({
    where: { studentId: agreement.studentId, previousAgreementNo: agreement.agreementNo },
    select: { id: true, agreementNo: true, status: true, employer: { select: { name: true } } },
  });
}

const invitationSelect = {
  id: true,
  version: true,
  status: true,
  agreementNo: true,
  invitedAt: true,
  invitationAnswerBy: true,
  invitationDeclineReason: true,
  supplementaryTerms: true,
  unitName: true,
  unitOrgCode: true,
  unitDepartment: true,
  unitContactName: true,
  unitContactPhone: true,
  unitEmail: true,
  unitAddress: true,
  unitPostalCode: true,
  unitNatureCode: true,
  unitReportTitle: true,
  unitPartyOrgReceiver: true,
  unitArchiveAddress: true,
  unitSettleCity: true,
  employerOpinion: true,
  authorityOpinion: true,
  updatedAt: true,
  employerId: true,
  // what capabilitiesOf needs to say what this person may do with it
  collegeId: true,
  autoConfirmAt: true,
  returnedByRole: true,
  submittedAt: true,
  signingMode: true,
  attestedAt: true,
  employer: { select: { id: true, name: true, status: true, sealId: true } },
  student: { select: { name: true, studentNo: true, userId: true, sourceStatus: true, college: { select: { name: true } } } },
} satisfies Prisma.AgreementSelect;

export type InvitationRow = Prisma.AgreementGetPayload<{ select: typeof invitationSelect }>;

/** The invitations a student received, or a unit sent (pending first, then the latest). */
export async function listInvitations(actor: WorkflowActor, take = 100): Promise<InvitationRow[]> {
  const rows = await prisma.agreement.findMany({
    where: { AND: [scopeOf(actor), { invitedAt: { not: null } }] },
    select: invitationSelect,
    orderBy: [{ invitedAt: "desc" }, { id: "asc" }],
    take,
  });
  return rows.sort((a, b) => Number(b.status === "INVITED") - Number(a.status === "INVITED"));
}

export const isInvitationStatus = (s: string) => (INVITATION_STATUSES as readonly string[]).includes(s);
