// The manual's rules that decide whether a transition the table allows may happen now.
// Each guard returns null when satisfied, else the zh-CN sentence shown to the person.
import type { AgreementStatus, EmployerStatus, SourceStatus } from "@/lib/generated/prisma/enums";

export type GuardContext = {
  now: Date;
  agreement: {
    status: AgreementStatus | null;
    employerId: string | null;
    autoConfirmAt: Date | null;
    returnedByRole: string | null;
  };
  student: { sourceStatus: SourceStatus };
  employer: { id: string; status: EmployerStatus };
  /** the unit the student chose in this request (saveDraft only) */
  requestedEmployerId?: string;
  reason?: string | null;
};

/** 生源信息审核状态 that allow 网签 (manual 2(1)): 审核完成 or 待就业处审核. */
export const SIGNABLE_SOURCE_STATUSES: readonly SourceStatus[] = ["APPROVED", "PENDING_OFFICE"];

export const GUARDS = {
  studentMaySign: (c: GuardContext) =>
    SIGNABLE_SOURCE_STATUSES.includes(c.student.sourceStatus)
      ? null
      : "生源信息审核状态为“审核完成”或“待就业处审核”时方可进行网签，请联系学院审核生源信息",
  employerApproved: (c: GuardContext) =>
    c.employer.status === "APPROVED" ? null : "该用人单位尚未通过就业处审核，不能签约",
  // Manual: after 正式提交 the unit cannot be changed unless the unit itself returned it.
  employerChangeAllowed: (c: GuardContext) => {
    const { agreement, requestedEmployerId } = c;
    if (!requestedEmployerId || agreement.status === null || agreement.employerId === requestedEmployerId) return null;
    if (agreement.status === "DRAFT") return null;
    if (agreement.status === "RETURNED" && agreement.returnedByRole === "EMPLOYER") return null;
    return "提交签约信息后不能更换签约单位（仅在用人单位退回后可以更换）";
  },
  reasonGiven: (c: GuardContext) => (c.reason && c.reason.trim() ? null : "请填写退回原因"),
  // 拿回重签 and 复核确认 are possible only until the automatic confirmation is due.
  beforeAutoConfirm: (c: GuardContext) =>
    c.agreement.autoConfirmAt && c.agreement.autoConfirmAt <= c.now
      ? "已超过复核确认期限，系统已自动确认签约信息"
      : null,
  autoConfirmDue: (c: GuardContext) =>
    c.agreement.autoConfirmAt && c.agreement.autoConfirmAt <= c.now ? null : "尚未到自动确认时间",
} satisfies Record<string, (c: GuardContext) => string | null>;

export type GuardName = keyof typeof GUARDS;
