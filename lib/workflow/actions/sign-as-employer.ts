import { signatureUnder, type UnitSignForm } from "@/lib/agreement/unit-section";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";
import { autoConfirmAtFor } from "../seven-day-rule";

/**
 * 确定签约: the unit snapshots (and may correct) its section and adds its opinions — under
 * the 单位名称, 统一社会信用代码 and 单位性质 the office approved, never others (a change of
 * them waits for the office's review meanwhile).
 */
export async function signAsEmployer(actor: WorkflowActor, ref: { agreementId: string; version: number }, form: UnitSignForm) {
  return runTransition({
    action: "sign",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: async ({ tx, now, agreement }) => ({ signature: signatureUnder(agreement!.employer, form), autoConfirmAt: await autoConfirmAtFor(tx, now) }),
  });
}
