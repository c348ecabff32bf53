import type { z } from "zod";
import { runTransition } from "../engine";
import type { WorkflowActor } from "../actor";
import type { studentAgreementSchema } from "../schemas";

/**
 * 确定 (save) on 填写/编辑就业协议: creates the agreement or updates the draft. A returned
 * agreement becomes a draft again; the unit may be changed before 正式提交 (and after a
 * return by the unit), never otherwise.
 */
export async function saveDraft(
  actor: WorkflowActor,
  input: z.output<typeof studentAgreementSchema>,
  ref?: { agreementId: string; version: number },
) {
  return runTransition({
    action: "saveDraft",
    actor,
    agreementId: ref?.agreementId,
    expectedVersion: ref?.version,
    requestedEmployerId: input.employerId,
    build: ({ agreement, now }) => {
      const employerChanged = agreement !== null && agreement.employerId !== input.employerId;
      return {
        data: {
          employerId: input.employerId,
          studentPhone: input.studentPhone,
          studentEmail: input.studentEmail,
          studentOpinion: input.studentOpinion,
          savedAt: now,
          // a new unit starts from a clean 用人单位 section
          ...(employerChanged ? clearedUnitSection() : {}),
        },
      };
    },
  });
}

function clearedUnitSection() {
  return {
    unitName: null,
    unitOrgCode: null,
    unitDepartment: null,
    unitContactName: null,
    unitContactPhone: null,
    unitEmail: null,
    unitAddress: null,
    unitPostalCode: null,
    unitNatureCode: null,
    unitReportTitle: null,
    unitPartyOrgReceiver: null,
    unitArchiveAddress: null,
    unitSettleCity: null,
    employerOpinion: null,
    authorityOpinion: null,
    employerSignedAt: null,
    signedById: null,
    autoConfirmAt: null,
  };
}
