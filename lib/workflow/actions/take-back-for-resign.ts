import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/** 拿回重签: before the student confirms, the unit takes its signature back to correct it. */
export async function takeBackForResign(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({ action: "takeBack", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
}
