// The office's settings that the guards of 解约, 签约邀请 and the student's own signing read
// (#14), with where one student stands against the 解约 limit: the approved 解约 of their
// graduation year, and the exceptions the office granted.
import type { Db, Tx } from "@/lib/db/client";
import { settingRowIn } from "@/lib/settings/row";
import { DEFAULT_POLICY, type WorkflowPolicy } from "./guards";

export type PolicySettings = Omit<WorkflowPolicy, "terminationsAllowed" | "terminationsUsed"> & {
  terminationsPerYear: number;
  terminationAnswerDays: number;
  invitationAnswerDays: number;
};

export const DEFAULT_POLICY_SETTINGS: PolicySettings = {
  terminationOfficeReview: DEFAULT_POLICY.terminationOfficeReview,
  unitsMayStartTermination: DEFAULT_POLICY.unitsMayStartTermination,
  invitationsEnabled: DEFAULT_POLICY.invitationsEnabled,
  studentSigningEnabled: DEFAULT_POLICY.studentSigningEnabled,
  terminationsPerYear: DEFAULT_POLICY.terminationsAllowed,
  terminationAnswerDays: 7,
  invitationAnswerDays: 5,
};

/** The office's settings for 解约 and invitations (the defaults before the office saves any). */
export async function policySettings(db: Db | Tx): Promise<PolicySettings> {
  const s = await settingRowIn(db);
  if (!s) return DEFAULT_POLICY_SETTINGS;
  const { terminationOfficeReview, unitsMayStartTermination, invitationsEnabled, studentSigningEnabled, terminationsPerYear, terminationAnswerDays, invitationAnswerDays } = s;
  return { terminationOfficeReview, unitsMayStartTermination, invitationsEnabled, studentSigningEnabled, terminationsPerYear, terminationAnswerDays, invitationAnswerDays };
}

/** The 解约 of this student's graduation year: approved ones, and how many the office allows them. */
export async function terminationCount(db: Db | Tx, student: { id: string; graduationYear: number }, perYear: number) {
  const [used, exceptions] = await Promise.all([
    db.agreement.count({ where: { studentId: student.id, graduationYear: student.graduationYear, status: "CANCELLED" } }),
    db.terminationException.count({ where: { studentId: student.id, graduationYear: student.graduationYear } }),
  ]);
  return { used, allowed: perYear + exceptions };
}

/** The policy the guards see for this student. */
export async function policyFor(db: Db | Tx, student: { id: string; graduationYear: number }): Promise<WorkflowPolicy> {
  const s = await policySettings(db);
  const { used, allowed } = await terminationCount(db, student, s.terminationsPerYear);
  return {
    terminationOfficeReview: s.terminationOfficeReview,
    unitsMayStartTermination: s.unitsMayStartTermination,
    invitationsEnabled: s.invitationsEnabled,
    studentSigningEnabled: s.studentSigningEnabled,
    terminationsAllowed: allowed,
    terminationsUsed: used,
  };
}
