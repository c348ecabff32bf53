// Who may see an agreement at all: the student it belongs to, the unit it is addressed
// to, counselors of the student's 学院, the office. Used by every read and every action.
import type { WorkflowActor } from "./actor";

export type AgreementOwnership = { studentUserId: string; employerId: string; collegeId: string };

export function canAccessAgreement(actor: WorkflowActor, a: AgreementOwnership): boolean {
  switch (actor.role) {
    case "STUDENT":
      return actor.userId === a.studentUserId;
    case "EMPLOYER":
      return actor.employerId !== null && actor.employerId === a.employerId;
    case "COUNSELOR":
      return actor.collegeId !== null && actor.collegeId === a.collegeId;
    case "OFFICE":
    case "SYSTEM":
      return true;
  }
}
