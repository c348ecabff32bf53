import { AppError } from "@/lib/errors";
import { sealInForce } from "@/lib/seals/service";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";

/**
 * 鉴证 (电子协议): the 学校毕业生就业主管部门 attests the agreement the 学院 approved; its
 * 鉴证章 is placed, and the digitally signed PDF becomes the original every party downloads.
 */
export async function attestAsOffice(actor: WorkflowActor, ref: { agreementId: string; version: number }) {
  return runTransition({
    action: "attest",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: async ({ tx, now }) => {
      if (!(await sealInForce(tx, { kind: "SCHOOL" }, now))) {
        throw new AppError("GUARD_FAILED", "尚未设置学校毕业生就业主管部门的鉴证章：请先在“系统设置 → 电子协议与印章”中上传");
      }
      return {};
    },
  });
}
