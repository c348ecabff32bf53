import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sealInForce } from "@/lib/seals/service";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";
import type { CounselorApproveForm } from "../schemas";

/** 通过 at 网上签约审核: fills the 学校意见 section; printing becomes possible. */
export async function approveAsCounselor(
  actor: WorkflowActor,
  ref: { agreementId: string; version: number },
  form: CounselorApproveForm,
) {
  return runTransition({
    action: "approve",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    params: async ({ tx, agreement, now }) => {
      // 电子协议: the 学院's seal is placed now, so the office must have set one
      if (agreement!.signingMode === "ELECTRONIC" && !(await sealInForce(tx, { kind: "COLLEGE", collegeId: agreement!.collegeId }, now))) {
        throw new AppError("GUARD_FAILED", "本协议为电子协议，通过时将加盖学院电子印章：就业处尚未设置本学院的电子印章，请联系就业处");
      }
      return { form };
    },
  });
}

/**
 * The manual: the approval form shows the 学校联系人, 联系电话, 邮政编码 and 协议书邮寄地址
 * this same reviewer typed at their last approval.
 */
export async function lastApprovalDefaults(actor: WorkflowActor) {
  if (!actor.userId) return null;
  return prisma.agreement.findFirst({
    where: { approvedById: actor.userId },
    orderBy: { approvedAt: "desc" },
    select: { schoolContact: true, schoolPhone: true, schoolPostalCode: true, schoolMailAddress: true },
  });
}
