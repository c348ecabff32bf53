import type { UnitSignature } from "@/lib/agreement/unit-section";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";
import { autoConfirmAtFor } from "../seven-day-rule";

/** 确定签约: the unit snapshots (and may correct) its section and adds its opinions. */
export async function signAsEmployer(actor: WorkflowActor, ref: { agreementId: string; version: number }, signature: UnitSignature) {
  return runTransition({
    action: "sign",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: async ({ tx, now }) => ({ signature, autoConfirmAt: await autoConfirmAtFor(tx, now) }),
  });
}
