import type { AgreementStatus, TerminationStatus } from "@/lib/generated/prisma/enums";

/** Where a 解约 request stands (#14). */
export const TERMINATION_STATUS_LABELS: Record<TerminationStatus, string> = {
  AWAITING_PARTY: "待对方答复",
  AWAITING_COLLEGE: "待学院审核",
  AWAITING_OFFICE: "待就业处审核",
};

/** The table's 解约 actions, for the 解约 history of an agreement. */
export const TERMINATION_ACTIONS = [
  "requestTermination",
  "startTermination",
  "agreeTermination",
  "refuseTermination",
  "withdrawTermination",
  "lapseTermination",
  "forwardTermination",
  "approveTermination",
  "rejectTermination",
] as const;

export const STATUS_LABELS: Record<AgreementStatus, string> = {
  DRAFT: "草稿（未提交）",
  PENDING_EMPLOYER: "待单位签约",
  RETURNED: "已退回",
  PENDING_STUDENT_CONFIRM: "待学生复核确认",
  PENDING_COLLEGE_REVIEW: "待学院审核",
  APPROVED: "审核通过（可打印）",
  FILED: "已备案",
  CANCELLED: "已解约（已失效）",
  INVITED: "待应约（单位邀请）",
  INVITATION_DECLINED: "已拒绝邀请",
  INVITATION_WITHDRAWN: "单位已撤回邀请",
  INVITATION_LAPSED: "邀请已失效",
};

/** A unit's invitation (#14), pending or closed: not an agreement yet, never live. */
export const INVITATION_STATUSES = ["INVITED", "INVITATION_DECLINED", "INVITATION_WITHDRAWN", "INVITATION_LAPSED"] as const satisfies readonly AgreementStatus[];

/**
 * The statuses of a live agreement — at most one per student (the database's
 * "Agreement_one_live_per_student" index has the same list): neither cancelled nor an invitation.
 */
export const LIVE_STATUSES = ["DRAFT", "PENDING_EMPLOYER", "RETURNED", "PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"] as const satisfies readonly AgreementStatus[];

/** SQL: the agreement row `alias` is live. */
export function liveSql(alias: string): string {
  return `${alias}."status" IN (${LIVE_STATUSES.map((s) => `'${s}'`).join(", ")})`;
}

/** 解约 may be asked for an agreement in these statuses. */
export const TERMINABLE_STATUSES = ["PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"] as const satisfies readonly AgreementStatus[];

/** The five steps of the manual, for the 办理流程 timeline. */
export const STEPS = [
  { key: "submit", label: "学生提交签约信息" },
  { key: "sign", label: "用人单位签约" },
  { key: "confirm", label: "学生复核确认" },
  { key: "review", label: "学院审核及打印" },
  { key: "file", label: "学院（校）备案" },
] as const;

/** Index into STEPS of the step an agreement in this status is waiting for. */
export function currentStep(status: AgreementStatus | null): number {
  switch (status) {
    case null:
    case "DRAFT":
    case "RETURNED":
      return 0;
    case "PENDING_EMPLOYER":
      return 1;
    case "PENDING_STUDENT_CONFIRM":
      return 2;
    case "PENDING_COLLEGE_REVIEW":
      return 3;
    case "APPROVED":
      return 4;
    case "FILED":
    case "CANCELLED":
      return 5;
    case "INVITED":
    case "INVITATION_DECLINED":
    case "INVITATION_WITHDRAWN":
    case "INVITATION_LAPSED":
      return 0;
  }
}

/** Statuses in which printing is allowed (counselor approved). */
export const PRINTABLE_STATUSES: readonly AgreementStatus[] = ["APPROVED", "FILED"];
