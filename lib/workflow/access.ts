// Who may see an agreement at all: the student it belongs to, the unit it is addressed
// to — once the student has submitted it there (正式提交; the student's unsubmitted draft,
// the first one or one re-addressed after a return, is theirs alone) — counselors of the
// student's 学院, the office. Used by every read and every action; scopeOf (./queries.ts)
// is the same rule as a query, and a unit sees of the history only its own dealings
// (./unit-view.ts).
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import type { WorkflowActor } from "./actor";

export type AgreementOwnership = { studentUserId: string; employerId: string; collegeId: string; status: AgreementStatus };

/** What a unit never sees: an agreement the student has not (re)submitted to it. */
export const HIDDEN_FROM_UNIT: readonly AgreementStatus[] = ["DRAFT"];

export function canAccessAgreement(actor: WorkflowActor, a: AgreementOwnership): boolean {
  switch (actor.role) {
    case "STUDENT":
      return actor.userId === a.studentUserId;
    case "EMPLOYER":
      return actor.employerId !== null && actor.employerId === a.employerId && !HIDDEN_FROM_UNIT.includes(a.status);
    case "COUNSELOR":
      return actor.collegeId !== null && actor.collegeId === a.collegeId;
    case "OFFICE":
    case "SYSTEM":
      return true;
  }
}
