// The manual's rules that decide whether a transition the table allows may happen now.
// Each guard returns null when satisfied, else the zh-CN sentence shown to the person.
// A guard the set-based engine must check inside its statement has the same rule in SQL
// (GUARD_SQL); the parity and sweep tests hold the two forms to the same answers.
import type { ActorRole, AgreementStatus, EmployerStatus, SigningMode, SourceStatus } from "@/lib/generated/prisma/enums";
import { SOURCE_STATUS_LABELS } from "@/lib/students/labels";
import { autoConfirmDueSql, isAutoConfirmDue } from "./seven-day-rule";

export type GuardContext = {
  now: Date;
  agreement: {
    status: AgreementStatus | null;
    employerId: string | null;
    autoConfirmAt: Date | null;
    returnedByRole: ActorRole | null;
    submittedAt: Date | null;
    /** 电子协议 or 纸质, kept from the submission */
    signingMode: SigningMode;
    /** 鉴证 (electronic mode) */
    attestedAt: Date | null;
  };
  student: { sourceStatus: SourceStatus };
  /** sealId: the unit's electronic seal in force (approved by the office), if any */
  employer: { id: string; status: EmployerStatus; sealId: string | null };
  /** the unit the student chose in this request (saveDraft only) */
  requestedEmployerId?: string;
  reason?: string | null;
};

/** 生源信息审核状态 that allow 网签 (manual 2(1)): 审核完成 or 待就业处审核. */
export const SIGNABLE_SOURCE_STATUSES: readonly SourceStatus[] = ["APPROVED", "PENDING_OFFICE"];

/**
 * Manual: before 正式提交 the student may choose any unit; once submitted, only a return by
 * the unit itself frees them to choose another (a return by the 学院 does not, and saving the
 * returned form as a draft does not either: the agreement was submitted to this unit).
 */
export function mayChangeEmployer(agreement: GuardContext["agreement"]): boolean {
  if (agreement.status === null) return true;
  if (agreement.returnedByRole === "EMPLOYER" && (agreement.status === "RETURNED" || agreement.status === "DRAFT")) return true;
  return agreement.status === "DRAFT" && agreement.submittedAt === null;
}

export const GUARDS = {
  studentMaySign: (c: GuardContext) =>
    SIGNABLE_SOURCE_STATUSES.includes(c.student.sourceStatus)
      ? null
      : `生源信息审核状态为“审核完成”或“待就业处审核”时方可进行网签，您当前为“${SOURCE_STATUS_LABELS[c.student.sourceStatus]}”，请联系学院审核生源信息`,
  employerApproved: (c: GuardContext) =>
    c.employer.status === "APPROVED" ? null : "该用人单位尚未通过就业处审核，不能签约",
  employerChangeAllowed: (c: GuardContext) => {
    const { agreement, requestedEmployerId } = c;
    if (!requestedEmployerId || agreement.employerId === requestedEmployerId || mayChangeEmployer(agreement)) return null;
    return "提交签约信息后不能更换签约单位（仅在用人单位退回后可以更换）";
  },
  reasonGiven: (c: GuardContext) => (c.reason && c.reason.trim() ? null : "请填写退回原因"),
  // 拿回重签 and 复核确认 are possible only until the automatic confirmation is due.
  beforeAutoConfirm: (c: GuardContext) =>
    isAutoConfirmDue(c.agreement.autoConfirmAt, c.now) ? "已超过复核确认期限，系统正在自动确认签约信息" : null,
  autoConfirmDue: (c: GuardContext) => (isAutoConfirmDue(c.agreement.autoConfirmAt, c.now) ? null : "尚未到自动确认时间"),
  // 电子协议: the unit's seal is placed when it signs, so it must have one the office approved.
  unitSealForElectronic: (c: GuardContext) =>
    c.agreement.signingMode !== "ELECTRONIC" || c.employer.sealId
      ? null
      : "本协议为电子协议，确定签约时将加盖单位电子印章：请先在“单位信息”中上传电子印章，并等待就业处审核通过",
  electronicMode: (c: GuardContext) => (c.agreement.signingMode === "ELECTRONIC" ? null : "纸质协议由学校在打印件上盖章，无需网上鉴证"),
  notYetAttested: (c: GuardContext) => (c.agreement.attestedAt ? "该协议已鉴证" : null),
  attestedIfElectronic: (c: GuardContext) =>
    c.agreement.signingMode !== "ELECTRONIC" || c.agreement.attestedAt ? null : "电子协议须经学校就业主管部门鉴证后方可备案",
} satisfies Record<string, (c: GuardContext) => string | null>;

export type GuardName = keyof typeof GUARDS;

/** The guards the set-based engine checks inside its statement, on the row `a`; `now` is SQL. */
export const GUARD_SQL: Partial<Record<GuardName, (now: string) => string>> = {
  autoConfirmDue: autoConfirmDueSql,
};
