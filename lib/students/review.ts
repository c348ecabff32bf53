// 生源信息审核: 待学院审核 →(counselor 通过)→ 待就业处审核 →(office 通过)→ 审核完成; either
// reviewer may return with a reason (已退回 + sourceNote). A counselor only touches graduates
// of their own 学院. Every decision writes one AuditLog row in the same transaction.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/roles";
import type { SourceStatus } from "@/lib/generated/prisma/enums";
import { requiredText } from "@/lib/validation/common";
import { SOURCE_STATUS_LABELS } from "./labels";

/** Who may move 生源信息 from which status to which. */
export const SOURCE_REVIEW = {
  COUNSELOR: { approve: { from: ["PENDING_COLLEGE", "RETURNED"], to: "PENDING_OFFICE" }, return: { from: ["PENDING_COLLEGE"] } },
  OFFICE: { approve: { from: ["PENDING_OFFICE"], to: "APPROVED" }, return: { from: ["PENDING_OFFICE", "APPROVED"] } },
} as const satisfies Record<"COUNSELOR" | "OFFICE", { approve: { from: readonly SourceStatus[]; to: SourceStatus }; return: { from: readonly SourceStatus[] } }>;

export const sourceApproveSchema = z.object({
  studentIds: z.array(z.uuid({ error: "学生编号无效" }), { error: "请选择学生" }).min(1, { error: "请至少选择一名学生" }).max(1000, { error: "一次最多审核 1000 名" }),
});
export const sourceReturnSchema = z.object({
  studentId: z.uuid({ error: "学生编号无效" }),
  reason: requiredText("退回原因", 500),
});

function rulesOf(actor: Actor) {
  if (actor.role === "COUNSELOR" && actor.collegeId) return SOURCE_REVIEW.COUNSELOR;
  if (actor.role === "OFFICE") return SOURCE_REVIEW.OFFICE;
  throw new AppError("FORBIDDEN", "只有辅导员和就业处可以审核生源信息");
}

export type SourceOutcome = { studentId: string; ok: boolean; message: string };

/** 审核通过, for one or many graduates; each reports its own outcome. */
export async function approveSources(actor: Actor, studentIds: string[]): Promise<SourceOutcome[]> {
  const rule = rulesOf(actor).approve;
  const students = await prisma.student.findMany({ where: { id: { in: studentIds } }, select: { id: true, collegeId: true, sourceStatus: true, name: true } });
  const byId = new Map(students.map((s) => [s.id, s]));
  const outcomes: SourceOutcome[] = [];
  for (const id of studentIds) {
    const s = byId.get(id);
    if (!s || (actor.role === "COUNSELOR" && s.collegeId !== actor.collegeId)) {
      outcomes.push({ studentId: id, ok: false, message: "未找到该学生" });
      continue;
    }
    if (!(rule.from as readonly SourceStatus[]).includes(s.sourceStatus)) {
      outcomes.push({ studentId: id, ok: false, message: `${s.name}：当前为“${SOURCE_STATUS_LABELS[s.sourceStatus]}”，不能审核通过` });
      continue;
    }
    const done = await prisma.$transaction(async (tx) => {
      // Guard on the status we read: a concurrent reviewer makes this a no-op, not a double step.
      const updated = await tx.student.updateMany({ where: { id, sourceStatus: s.sourceStatus }, data: { sourceStatus: rule.to, sourceNote: null } });
      if (updated.count !== 1) return false;
      await recordAudit(tx, { actor, entity: "Student", entityId: id, action: "approveSource", changes: { sourceStatus: { from: s.sourceStatus, to: rule.to } } });
      return true;
    });
    outcomes.push(done ? { studentId: id, ok: true, message: `${s.name}：${SOURCE_STATUS_LABELS[rule.to]}` } : { studentId: id, ok: false, message: `${s.name}：已被他人处理，请刷新` });
  }
  return outcomes;
}

/** 退回 with a reason the 学院 (and the student) read. */
export async function returnSource(actor: Actor, studentId: string, reason: string) {
  const rule = rulesOf(actor).return;
  const text = reason.trim();
  if (!text) throw new AppError("INVALID_INPUT", "请填写退回原因", { reason: "请填写退回原因" });
  return prisma.$transaction(async (tx) => {
    const s = await tx.student.findUnique({ where: { id: studentId }, select: { id: true, collegeId: true, sourceStatus: true } });
    if (!s || (actor.role === "COUNSELOR" && s.collegeId !== actor.collegeId)) throw new AppError("NOT_FOUND", "未找到该学生");
    if (!(rule.from as readonly SourceStatus[]).includes(s.sourceStatus)) {
      throw new AppError("INVALID_STATE", `生源信息当前为“${SOURCE_STATUS_LABELS[s.sourceStatus]}”，不能退回`);
    }
    const updated = await tx.student.updateMany({ where: { id: studentId, sourceStatus: s.sourceStatus }, data: { sourceStatus: "RETURNED", sourceNote: text } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "该生源信息已被他人处理，请刷新后重试");
    await recordAudit(tx, { actor, entity: "Student", entityId: studentId, action: "returnSource", changes: { sourceStatus: { from: s.sourceStatus, to: "RETURNED" }, reason: text } });
  });
}
