import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/** 备案: the stamped paper copy was handed in; the agreement is complete. */
export async function fileAgreement(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({ action: "file", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
}
