// The one way to write an audit record of something that is not an agreement transition
// (units, 生源信息, settings, accounts): AuditLog, in the caller's transaction, with a typed
// action. The agreement's own trail is AgreementEvent, written by the workflow engine.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorAuditColumns, type WorkflowActor } from "@/lib/workflow/actor";

/** Every audited act, with the label the office reads in a record's history. */
export const AUDIT_ACTIONS = {
  // 用人单位
  register: "注册",
  approve: "审核通过",
  reject: "审核不通过",
  updateProfile: "修改单位信息",
  resubmit: "修改后重新提交",
  requestIdentityChange: "申请变更单位名称、统一社会信用代码或单位性质",
  withdrawIdentityChange: "撤回单位信息变更申请",
  approveIdentityChange: "单位信息变更审核通过",
  rejectIdentityChange: "单位信息变更审核不通过",
  addStaff: "添加经办人",
  // 电子印章 (approve / reject as above)
  upload: "上传电子印章",
  set: "设置电子印章",
  // 生源信息
  import: "导入生源信息",
  importUpdate: "导入更新生源信息",
  approveSource: "生源信息审核通过",
  returnSource: "生源信息退回",
  // 系统设置
  updateNotices: "修改签约须知和违约说明",
  updateNumbers: "修改自动确认天数和打印份数",
  publishTerms: "发布协议条款",
  createStaff: "创建账号",
  enable: "启用账号",
  disable: "停用账号",
  resetPassword: "重置密码",
  changePassword: "修改密码",
  createCollege: "新增学院",
  updateCollege: "修改学院",
  createMajor: "新增专业",
  updateMajor: "修改专业",
  setSigningMode: "设置签约方式（电子协议/纸质）",
  updatePaperForm: "修改纸质协议设置",
  // 电子印章
  uploadSeal: "上传电子印章",
  setSeal: "设置电子印章",
  approveSeal: "电子印章审核通过",
  rejectSeal: "电子印章审核不通过",
  // 回传
  uploadScan: "上传回传件",
  // 解约 and 签约邀请 (#14)
  updateTerminationSettings: "修改解约与签约邀请设置",
  grantTerminationException: "批准解约次数例外",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export type AuditEntity = "Employer" | "Student" | "Setting" | "AgreementTerms" | "User" | "College" | "Major" | "GraduationYearSetting" | "Seal" | "AgreementScan" | "TerminationException";

export type AuditRecord = {
  actor: Pick<WorkflowActor, "userId" | "role" | "auth">;
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  changes: Prisma.InputJsonValue;
  at?: Date;
};

function dataOf(r: AuditRecord): Prisma.AuditLogCreateManyInput {
  return { ...actorAuditColumns(r.actor), entity: r.entity, entityId: r.entityId, action: r.action, changes: r.changes, ...(r.at ? { createdAt: r.at } : {}) };
}

export async function recordAudit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditLog.create({ data: dataOf(record) });
}

/** Many records of one act at once (an import of hundreds of graduates). */
export async function recordAudits(tx: Tx, records: readonly AuditRecord[]): Promise<void> {
  if (records.length) await tx.auditLog.createMany({ data: records.map(dataOf) });
}

/** The label of an action read from the database (unknown actions of older data shown as they are). */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

/** Field-by-field changes: what differs between `before` (null: created) and `after`. */
export function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) if (!before || before[k] !== v) out[k] = { from: before?.[k] ?? null, to: v };
  return out;
}
