import { prisma } from "@/lib/db/client";
import type { WorkflowActor } from "../actor";
import { runTransition } from "../engine";
import type { CounselorApproveForm } from "../schemas";

/** 通过 at 网上签约审核: fills the 学校意见 section; printing becomes possible. */
export async function approveAsCounselor(
  actor: WorkflowActor,
  ref: { agreementId: string; version: number },
  form: CounselorApproveForm,
) {
  return runTransition({ action: "approve", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: { form } });
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
