// The manual's rules that decide whether a transition the table allows may happen now.
// Each guard returns null when satisfied, else the zh-CN sentence shown to the person.
// A guard the set-based engine must check inside its statement has the same rule in SQL
// (GUARD_SQL); the parity and sweep tests hold the two forms to the same answers.
import type { ActorRole, AgreementStatus, EmployerStatus, SigningMode, SourceStatus, TerminationStatus } from "@/lib/generated/prisma/enums";
import { SOURCE_STATUS_LABELS } from "@/lib/students/labels";
import { autoConfirmDueSql, isAutoConfirmDue } from "./seven-day-rule";

/**
 * What the office decided (Setting, #14) and where this student stands against it: the
 * guards of 解约, invitations and the student's own signing read it (lib/workflow/policy.ts).
 */
export type WorkflowPolicy = {
  terminationOfficeReview: boolean;
  unitsMayStartTermination: boolean;
  /** 解约 a student may have this graduation year (the office's limit plus its exceptions) */
  terminationsAllowed: number;
  /** 解约 already approved for this student this graduation year */
  terminationsUsed: number;
  invitationsEnabled: boolean;
  studentSigningEnabled: boolean;
};

export const DEFAULT_POLICY: WorkflowPolicy = {
  terminationOfficeReview: false,
  unitsMayStartTermination: true,
  terminationsAllowed: 1,
  terminationsUsed: 0,
  invitationsEnabled: true,
  studentSigningEnabled: true,
};

export type GuardContext = {
  now: Date;
  /** who asks: 解约's answer belongs to the party that did not start it */
  actorRole: ActorRole;
  policy: WorkflowPolicy;
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
    terminationStatus: TerminationStatus | null;
    terminationBy: ActorRole | null;
    terminationAnswerBy: Date | null;
    invitationAnswerBy: Date | null;
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

  // ---- 解约 (#14) ----
  studentSigningEnabled: (c: GuardContext) => (c.policy.studentSigningEnabled ? null : "就业处已关闭学生发起的网上签约，请等待用人单位发出签约邀请"),
  noTerminationPending: (c: GuardContext) => (c.agreement.terminationStatus ? "该协议已有解约申请在办理中" : null),
  terminationQuotaLeft: (c: GuardContext) =>
    c.policy.terminationsUsed < c.policy.terminationsAllowed
      ? null
      : `该毕业生本届已解约 ${c.policy.terminationsUsed} 次，已达就业处规定的上限（${c.policy.terminationsAllowed} 次）；确有需要请联系就业处`,
  terminationReasonGiven: (c: GuardContext) => (c.reason && c.reason.trim() ? null : "请填写解约原因"),
  unitsMayStartTermination: (c: GuardContext) =>
    c.policy.unitsMayStartTermination ? null : "就业处未开放用人单位发起解约，请与毕业生协商由其申请解约，或联系就业处",
  terminationAwaitsMyAnswer: (c: GuardContext) => {
    if (c.agreement.terminationStatus !== "AWAITING_PARTY") return "该协议没有待您答复的解约申请";
    return c.agreement.terminationBy === c.actorRole ? "解约申请由您发起，请等待对方答复" : null;
  },
  beforeTerminationAnswerDue: (c: GuardContext) =>
    c.agreement.terminationAnswerBy && c.agreement.terminationAnswerBy.getTime() <= c.now.getTime() ? "答复期限已过，该解约申请视为不同意" : null,
  terminationStartedByMe: (c: GuardContext) =>
    c.agreement.terminationStatus === "AWAITING_PARTY" && c.agreement.terminationBy === c.actorRole ? null : "只有发起方可在对方答复前撤回解约申请",
  terminationAnswerDue: (c: GuardContext) =>
    c.agreement.terminationStatus === "AWAITING_PARTY" && c.agreement.terminationAnswerBy && c.agreement.terminationAnswerBy.getTime() <= c.now.getTime()
      ? null
      : "尚未到解约答复期限",
  terminationAwaitsCollege: (c: GuardContext) => (c.agreement.terminationStatus === "AWAITING_COLLEGE" ? null : "该协议没有待学院审核的解约申请"),
  terminationOfficeReview: (c: GuardContext) => (c.policy.terminationOfficeReview ? null : "就业处未要求复审解约"),
  // the 学院 approves unless the office reviews after it; the office may decide at either step
  terminationAwaitsMyReview: (c: GuardContext) => {
    const t = c.agreement.terminationStatus;
    if (c.actorRole === "OFFICE") return t === "AWAITING_COLLEGE" || t === "AWAITING_OFFICE" ? null : "该协议没有待审核的解约申请";
    if (t !== "AWAITING_COLLEGE") return t === "AWAITING_OFFICE" ? "解约申请已报就业处审核" : "该协议没有待学院审核的解约申请";
    return c.policy.terminationOfficeReview ? "学院同意后须报就业处审核" : null;
  },
  terminationAwaitsReviewer: (c: GuardContext) => {
    const t = c.agreement.terminationStatus;
    if (c.actorRole === "OFFICE") return t === "AWAITING_COLLEGE" || t === "AWAITING_OFFICE" ? null : "该协议没有待审核的解约申请";
    return t === "AWAITING_COLLEGE" ? null : t === "AWAITING_OFFICE" ? "解约申请已报就业处审核" : "该协议没有待学院审核的解约申请";
  },

  // ---- 签约邀请 (#14) ----
  invitationsEnabled: (c: GuardContext) => (c.policy.invitationsEnabled ? null : "就业处已关闭用人单位签约邀请"),
  beforeInvitationLapses: (c: GuardContext) =>
    c.agreement.invitationAnswerBy && c.agreement.invitationAnswerBy.getTime() <= c.now.getTime() ? "该邀请已超过答复期限，已失效" : null,
  invitationLapseDue: (c: GuardContext) =>
    c.agreement.invitationAnswerBy && c.agreement.invitationAnswerBy.getTime() <= c.now.getTime() ? null : "邀请尚未到期",
} satisfies Record<string, (c: GuardContext) => string | null>;

export type GuardName = keyof typeof GUARDS;

/** The guards the set-based engine checks inside its statement, on the row `a`; `now` is SQL. */
export const GUARD_SQL: Partial<Record<GuardName, (now: string) => string>> = {
  autoConfirmDue: autoConfirmDueSql,
  terminationAnswerDue: (now) => `a."terminationStatus" = 'AWAITING_PARTY' AND a."terminationAnswerBy" <= ${now}`,
  invitationLapseDue: (now) => `a."invitationAnswerBy" <= ${now}`,
};

/** The guards that read the office's policy: the engine loads it for their transitions only. */
export const POLICY_GUARDS: readonly GuardName[] = [
  "studentSigningEnabled",
  "terminationQuotaLeft",
  "unitsMayStartTermination",
  "terminationOfficeReview",
  "terminationAwaitsMyReview",
  "invitationsEnabled",
];
