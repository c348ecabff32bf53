import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";
import type { StudentAgreementForm } from "../schemas";

/**
 * 确定 (save) on 填写/编辑就业协议: creates the agreement or updates the draft. A returned
 * agreement becomes a draft again; the unit may be changed before 正式提交 (and after a
 * return by the unit), never otherwise.
 */
export async function saveDraft(actor: WorkflowActor, form: StudentAgreementForm, ref?: { agreementId: string; version: number }) {
  return runTransition({
    action: "saveDraft",
    actor,
    agreementId: ref?.agreementId,
    expectedVersion: ref?.version,
    requestedEmployerId: form.employerId,
    params: { form },
  });
}
