import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/** 退回/拒绝签约: the student may then edit it or choose another unit. */
export async function returnAsEmployer(actor: WorkflowActor, ref: { agreementId: string; version: number }, reason: string) {
  return runTransition({ action: "returnByEmployer", actor, agreementId: ref.agreementId, expectedVersion: ref.version, reason, params: { reason } });
}
