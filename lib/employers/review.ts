// 用人单位审核 by the office: approve, or reject with a reason the unit reads; and an approved
// unit's change of identity (变更待审核). Each decision is one AuditLog row written in the
// same transaction as the status.
import { isUniqueViolation, prisma } from "@/lib/db/client";
import { UNIT_IDENTITY_PROFILE } from "@/lib/agreement/unit-section";
import { pendingIdentityChange } from "./profile";
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

type ChangeDecision = { approve: true } | { approve: false; reason: string };

/**
 * 变更待审核: the office approves an approved unit's new 单位名称 / 统一社会信用代码 / 单位性质
 * (from now on it is found and signs under them; agreements signed before keep what was
 * signed), or refuses the change with a reason the unit reads (it keeps the approved ones).
 */
async function decideIdentityChange(actor: Actor, employerId: string, decision: ChangeDecision) {
  requireOffice(actor);
  try {
    return await prisma.$transaction(async (tx) => {
      const employer = await tx.employer.findUnique({ where: { id: employerId } });
      if (!employer) throw new AppError("NOT_FOUND", "未找到该用人单位");
      const change = pendingIdentityChange(employer);
      if (!change || employer.status !== "APPROVED") throw new AppError("INVALID_STATE", "该单位没有待审核的单位信息变更");
      const now = new Date();
      const cleared = { proposedName: null, proposedOrgCode: null, proposedNatureCode: null, changeRequestedAt: null };
      // guarded on the request we read: a newer request, or another reviewer, wins nothing here
      const updated = await tx.employer.updateMany({
        where: { id: employerId, changeRequestedAt: employer.changeRequestedAt },
        data: decision.approve
          ? { ...change, ...cleared, changeRejectReason: null, reviewedAt: now, reviewedById: actor.userId }
          : { ...cleared, changeRejectReason: decision.reason, reviewedAt: now, reviewedById: actor.userId },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "该变更已被他人审核或单位已修改申请，请刷新后查看");
      const asked = Object.fromEntries(UNIT_IDENTITY_PROFILE.filter((f) => change[f] !== employer[f]).map((f) => [f, { from: employer[f], to: change[f] }]));
      await recordAudit(tx, {
        actor,
        entity: "Employer",
        entityId: employerId,
        action: decision.approve ? "approveIdentityChange" : "rejectIdentityChange",
        changes: decision.approve ? asked : { ...asked, reason: decision.reason },
        at: now,
      });
      return { employerId, approved: decision.approve };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "该统一社会信用代码已被其他单位使用，不能通过此变更");
    throw error;
  }
}

/** 变更审核通过 */
export async function approveIdentityChange(actor: Actor, employerId: string) {
  return decideIdentityChange(actor, employerId, { approve: true });
}

/** 变更审核不通过, with the reason shown to the unit. */
export async function rejectIdentityChange(actor: Actor, employerId: string, reason: string) {
  const text = reason.trim();
  if (!text) throw new AppError("INVALID_INPUT", "请填写不通过原因", { reason: "请填写不通过原因" });
  return decideIdentityChange(actor, employerId, { approve: false, reason: text });
}
