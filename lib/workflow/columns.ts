// The columns of an agreement as the set-based engine (./engine-write.ts) must treat them: a
// timestamp is written to the audit trail as JavaScript's toISOString() would, every other
// value as its JSON. The mapped type makes this list exactly the model's columns: a column
// added to schema.prisma and missing here, or of the wrong kind, does not compile.
import type { Agreement } from "@/lib/generated/prisma/client";

type KindOf<T> = [Exclude<T, null>] extends [Date] ? "timestamp" : "value";

export const AGREEMENT_COLUMN_KINDS: { [K in keyof Agreement]: KindOf<Agreement[K]> } = {
  id: "value",
  agreementNo: "value",
  status: "value",
  version: "value",
  studentId: "value",
  employerId: "value",
  collegeId: "value",
  graduationYear: "value",
  termsId: "value",
  studentSnapshot: "value",
  studentPhone: "value",
  studentEmail: "value",
  studentOpinion: "value",
  unitName: "value",
  unitOrgCode: "value",
  unitDepartment: "value",
  unitContactName: "value",
  unitContactPhone: "value",
  unitEmail: "value",
  unitAddress: "value",
  unitPostalCode: "value",
  unitNatureCode: "value",
  unitReportTitle: "value",
  unitPartyOrgReceiver: "value",
  unitArchiveAddress: "value",
  unitSettleCity: "value",
  employerOpinion: "value",
  authorityOpinion: "value",
  schoolContact: "value",
  schoolPhone: "value",
  schoolPostalCode: "value",
  schoolMailAddress: "value",
  collegeOpinion: "value",
  schoolOpinion: "value",
  returnReason: "value",
  returnedByRole: "value",
  returnedAt: "timestamp",
  createdAt: "timestamp",
  updatedAt: "timestamp",
  savedAt: "timestamp",
  submittedAt: "timestamp",
  employerSignedAt: "timestamp",
  signedById: "value",
  autoConfirmAt: "timestamp",
  studentConfirmedAt: "timestamp",
  autoConfirmed: "value",
  approvedAt: "timestamp",
  approvedById: "value",
  approvals: "value",
  filedAt: "timestamp",
  filedById: "value",
  cancelledAt: "timestamp",
  signingMode: "value",
  attestedAt: "timestamp",
  attestedById: "value",
  terminationStatus: "value",
  terminationBy: "value",
  terminationReason: "value",
  terminationRequestedAt: "timestamp",
  terminationAnswerBy: "timestamp",
  terminationAgreedAt: "timestamp",
  terminationLetterId: "value",
  previousAgreementNo: "value",
  invitedAt: "timestamp",
  invitedById: "value",
  invitationAnswerBy: "timestamp",
  invitationDeclineReason: "value",
  supplementaryTerms: "value",
};

export type AgreementColumn = keyof Agreement;

export function isAgreementColumn(name: string): name is AgreementColumn {
  return Object.prototype.hasOwnProperty.call(AGREEMENT_COLUMN_KINDS, name);
}
