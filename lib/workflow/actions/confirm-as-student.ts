import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/** 确定签约信息 (复核确认): the student accepts what the unit filled in. */
export async function confirmAsStudent(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({ action: "confirm", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
}
