import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/** 退回 at 网上签约审核 (or an approved one not yet filed): back to the student with a reason. */
export async function returnAsCounselor(actor: WorkflowActor, ref: { agreementId: string; version: number }, reason: string) {
  return runTransition({ action: "returnByCollege", actor, agreementId: ref.agreementId, expectedVersion: ref.version, reason, params: { reason } });
}
