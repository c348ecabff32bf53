// 用人单位审核 by the office: approve, or reject with a reason the unit reads. Each decision
// is one AuditLog row written in the same transaction as the status.
import { prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { EmployerStatus } from "@/lib/generated/prisma/enums";
import { approvePendingUnitSealInTx } from "@/lib/seals/service";

function requireOffice(actor: Pick<Actor, "role">) {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN", "只有就业处可以审核用人单位");
}

async function decide(actor: Actor, employerId: string, to: EmployerStatus, reason: string | null) {
  requireOffice(actor);
  return prisma.$transaction(async (tx) => {
    const employer = await tx.employer.findUnique({ where: { id: employerId } });
    if (!employer) throw new AppError("NOT_FOUND", "未找到该用人单位");
    if (employer.status === to) {
      throw new AppError("INVALID_STATE", to === "APPROVED" ? "该单位已审核通过" : "该单位已是未通过状态");
    }
    const now = new Date();
    // Guard on the status we read so two reviewers cannot both decide.
    const updated = await tx.employer.updateMany({
      where: { id: employerId, status: employer.status },
      data: { status: to, rejectReason: reason, reviewedAt: now, reviewedById: actor.userId },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "该单位已被他人审核，请刷新后查看");
    // the seal a new unit uploaded is reviewed with the unit (shown on the review page)
    if (to === "APPROVED") await approvePendingUnitSealInTx(tx, actor, employerId, now);
    await recordAudit(tx, {
      actor,
      entity: "Employer",
      entityId: employerId,
      action: to === "APPROVED" ? "approve" : "reject",
      changes: { status: { from: employer.status, to }, ...(reason ? { reason } : {}) },
      at: now,
    });
    return { employerId, status: to };
  });
}

/** 审核通过: the unit appears in 选择签约单位 and its staff may sign. */
export async function approveEmployer(actor: Actor, employerId: string) {
  return decide(actor, employerId, "APPROVED", null);
}

/** 审核不通过, with the reason shown to the unit. An approved unit can be withdrawn too. */
export async function rejectEmployer(actor: Actor, employerId: string, reason: string) {
  const text = reason.trim();
  if (!text) throw new AppError("INVALID_INPUT", "请填写不通过原因", { reason: "请填写不通过原因" });
  return decide(actor, employerId, "REJECTED", text);
}
