// THE workflow of 网签, in one table: for each action, the states it may start from, the
// state it leads to, who may do it and the rules (guards) it must pass. Every page, server
// action, job and test goes through this table; nothing else changes an agreement's status.
// Guards are defined in ./guards.ts, what each action writes in ./builds.ts, and the one
// engine that applies both, for one agreement or many, is ./engine.ts.
//
// Adding a transition: a row here, its build in ./builds.ts (the type system asks for it),
// its messages in lib/notifications/messages.ts (likewise); the table test, the
// authorization matrix and the fuzz test pick it up from this table.
import type { ActorRole, AgreementStatus } from "@/lib/generated/prisma/enums";
import type { GuardName } from "./guards";

/** `to` of a transition that records an act on the agreement without moving its status. */
export const STAYS = "STAYS" as const;

export type Transition = {
  /** the manual's button or step name */
  label: string;
  /** null = the agreement does not exist yet (the first save creates it) */
  from: readonly (AgreementStatus | null)[];
  to: AgreementStatus | typeof STAYS;
  roles: readonly ActorRole[];
  /** rules about the agreement, the people and the time: they decide what a page offers */
  guards: readonly GuardName[];
  /** rules about what the person submits (a reason, the unit chosen): checked on the request */
  inputGuards?: readonly GuardName[];
  /**
   * Not a button of its own: the transition happens as part of another service (named
   * here), which decides who may run it. Pages never offer it; no server action performs it.
   */
  sideEffectOf?: string;
};

const LIVE: readonly AgreementStatus[] = ["DRAFT", "PENDING_EMPLOYER", "RETURNED", "PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"];
// 解约 (#14) may be asked for an agreement the 学院 has (or is about to have) on its books
const TERMINABLE: readonly AgreementStatus[] = ["PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"];

const TABLE = {
  //                 label                 from                                          to                          who                          guards
  saveDraft: {
    label: "保存签约信息",
    from: [null, "DRAFT", "RETURNED"],
    to: "DRAFT",
    roles: ["STUDENT"],
    guards: ["studentMaySign", "studentSigningEnabled"],
    inputGuards: ["employerApproved", "employerChangeAllowed"],
  },
  submit: {
    label: "正式提交",
    from: ["DRAFT"],
    to: "PENDING_EMPLOYER",
    roles: ["STUDENT"],
    guards: ["studentMaySign", "studentSigningEnabled", "employerApproved"],
  },
  sign: {
    label: "确定签约",
    from: ["PENDING_EMPLOYER"],
    to: "PENDING_STUDENT_CONFIRM",
    roles: ["EMPLOYER"],
    guards: ["employerApproved", "unitSealForElectronic"],
  },
  returnByEmployer: {
    label: "退回/拒绝签约",
    from: ["PENDING_EMPLOYER"],
    to: "RETURNED",
    roles: ["EMPLOYER"],
    guards: [],
    inputGuards: ["reasonGiven"],
  },
  // 拿回重签: the unit, while the student has not confirmed, and only until the automatic
  // confirmation is due (the 7-day rule: ./seven-day-rule.ts).
  takeBack: {
    label: "拿回重签",
    from: ["PENDING_STUDENT_CONFIRM"],
    to: "PENDING_EMPLOYER",
    roles: ["EMPLOYER"],
    guards: ["beforeAutoConfirm"],
  },
  confirm: {
    label: "确定签约信息",
    from: ["PENDING_STUDENT_CONFIRM"],
    to: "PENDING_COLLEGE_REVIEW",
    roles: ["STUDENT"],
    guards: ["beforeAutoConfirm"],
  },
  autoConfirm: {
    label: "系统自动确认",
    from: ["PENDING_STUDENT_CONFIRM"],
    to: "PENDING_COLLEGE_REVIEW",
    roles: ["SYSTEM"],
    guards: ["autoConfirmDue"],
  },
  approve: {
    label: "通过",
    from: ["PENDING_COLLEGE_REVIEW"],
    to: "APPROVED",
    roles: ["COUNSELOR", "OFFICE"],
    guards: [],
  },
  returnByCollege: {
    label: "退回",
    from: ["PENDING_COLLEGE_REVIEW", "APPROVED"],
    to: "RETURNED",
    roles: ["COUNSELOR", "OFFICE"],
    guards: [],
    inputGuards: ["reasonGiven"],
  },
  // 电子协议: the 学校毕业生就业主管部门 attests (鉴证) what the 学院 approved, placing its
  // 鉴证章; from then on the digitally signed PDF is the original every party downloads.
  attest: {
    label: "鉴证",
    from: ["APPROVED"],
    to: STAYS,
    roles: ["OFFICE"],
    guards: ["electronicMode", "notYetAttested"],
  },
  file: {
    label: "备案",
    from: ["APPROVED"],
    to: "FILED",
    roles: ["COUNSELOR", "OFFICE"],
    guards: ["attestedIfElectronic"],
  },
  // A re-imported graduate now belongs to another 学院: the live agreement goes with them
  // (the new 学院's counselors review it, the old ones no longer see it).
  moveCollege: {
    label: "转入新学院",
    from: LIVE,
    to: STAYS,
    roles: ["OFFICE"],
    guards: [],
    sideEffectOf: "生源信息导入",
  },

  // ---- 解约 (#14): a request rides on the agreement (terminationStatus) until it ends ----
  // The student (申请解约) or the unit (发起解约) asks, with a reason; the other party agrees
  // or refuses within the office's window (else it lapses = refused); then the 学院 and,
  // where the office asks for it, the 就业处 review. Approved → CANCELLED.
  requestTermination: {
    label: "申请解约",
    from: TERMINABLE,
    to: STAYS,
    roles: ["STUDENT"],
    guards: ["noTerminationPending", "terminationQuotaLeft"],
    inputGuards: ["terminationReasonGiven"],
  },
  startTermination: {
    label: "发起解约",
    from: TERMINABLE,
    to: STAYS,
    roles: ["EMPLOYER"],
    guards: ["noTerminationPending", "unitsMayStartTermination", "terminationQuotaLeft"],
    inputGuards: ["terminationReasonGiven"],
  },
  agreeTermination: {
    label: "同意解约",
    from: TERMINABLE,
    to: STAYS,
    roles: ["STUDENT", "EMPLOYER"],
    guards: ["terminationAwaitsMyAnswer", "beforeTerminationAnswerDue"],
  },
  refuseTermination: {
    label: "不同意解约",
    from: TERMINABLE,
    to: STAYS,
    roles: ["STUDENT", "EMPLOYER"],
    guards: ["terminationAwaitsMyAnswer", "beforeTerminationAnswerDue"],
    inputGuards: ["reasonGiven"],
  },
  withdrawTermination: {
    label: "撤回解约申请",
    from: TERMINABLE,
    to: STAYS,
    roles: ["STUDENT", "EMPLOYER"],
    guards: ["terminationStartedByMe"],
  },
  lapseTermination: {
    label: "逾期未答复（视为不同意解约）",
    from: TERMINABLE,
    to: STAYS,
    roles: ["SYSTEM"],
    guards: ["terminationAnswerDue"],
  },
  // the 学院 agrees and the office's setting asks the 就业处 to review after it
  forwardTermination: {
    label: "同意解约（报就业处审核）",
    from: TERMINABLE,
    to: STAYS,
    roles: ["COUNSELOR"],
    guards: ["terminationAwaitsCollege", "terminationOfficeReview"],
  },
  approveTermination: {
    label: "同意解约",
    from: TERMINABLE,
    to: "CANCELLED",
    roles: ["COUNSELOR", "OFFICE"],
    guards: ["terminationAwaitsMyReview", "terminationQuotaLeft"],
  },
  rejectTermination: {
    label: "不同意解约",
    from: TERMINABLE,
    to: STAYS,
    roles: ["COUNSELOR", "OFFICE"],
    guards: ["terminationAwaitsReviewer"],
    inputGuards: ["reasonGiven"],
  },

  // ---- 签约邀请 (#14): a unit's invitation is an agreement row in INVITED, never live ----
  invite: {
    label: "发出签约邀请",
    from: [null],
    to: "INVITED",
    roles: ["EMPLOYER"],
    guards: ["invitationsEnabled", "employerApproved", "studentMaySign"],
  },
  // 应约 = the student's 正式提交 and 复核确认 at once: straight to the 学院's review
  acceptInvitation: {
    label: "应约",
    from: ["INVITED"],
    to: "PENDING_COLLEGE_REVIEW",
    roles: ["STUDENT"],
    guards: ["invitationsEnabled", "studentMaySign", "employerApproved", "beforeInvitationLapses"],
  },
  declineInvitation: {
    label: "拒绝邀请",
    from: ["INVITED"],
    to: "INVITATION_DECLINED",
    roles: ["STUDENT"],
    guards: [],
    inputGuards: ["reasonGiven"],
  },
  withdrawInvitation: {
    label: "撤回邀请",
    from: ["INVITED"],
    to: "INVITATION_WITHDRAWN",
    roles: ["EMPLOYER"],
    guards: [],
  },
  lapseInvitation: {
    label: "邀请逾期失效",
    from: ["INVITED"],
    to: "INVITATION_LAPSED",
    roles: ["SYSTEM"],
    guards: ["invitationLapseDue"],
  },
  // the student accepted another unit's invitation: every other pending one lapses with it
  supersedeInvitation: {
    label: "毕业生已应约其他单位",
    from: ["INVITED"],
    to: "INVITATION_LAPSED",
    roles: ["SYSTEM"],
    guards: [],
    sideEffectOf: "应约",
  },
} as const satisfies Record<string, Transition>;

export type WorkflowAction = keyof typeof TABLE;

export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = TABLE;

export const WORKFLOW_ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

export function transitionOf(action: WorkflowAction): Transition {
  return TRANSITIONS[action];
}

/** The state an agreement in `from` is in after `action`. */
export function nextStatus(action: WorkflowAction, from: AgreementStatus | null): AgreementStatus {
  const to = transitionOf(action).to;
  if (to !== STAYS) return to;
  if (!from) throw new Error(`${action} keeps the status of an existing agreement`);
  return from;
}

export type TableVerdict = { allowed: true; to: AgreementStatus } | { allowed: false; reason: "role" | "state" };

/** What the table alone says (role and state); guards and ownership are checked by the engine. */
export function lookupTransition(action: WorkflowAction, role: ActorRole, from: AgreementStatus | null): TableVerdict {
  const t = transitionOf(action);
  if (!t.roles.includes(role)) return { allowed: false, reason: "role" };
  if (!t.from.includes(from)) return { allowed: false, reason: "state" };
  return { allowed: true, to: nextStatus(action, from) };
}

/** The actions a role could take on an agreement in this status (for showing buttons). */
export function availableActions(role: ActorRole, from: AgreementStatus | null): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => !transitionOf(a).sideEffectOf && lookupTransition(a, role, from).allowed);
}

/** The roles of people (not the scheduler) who may take `action`: what its server action admits. */
export function peopleWhoMay(action: WorkflowAction): Exclude<ActorRole, "SYSTEM">[] {
  return transitionOf(action).roles.filter((r): r is Exclude<ActorRole, "SYSTEM"> => r !== "SYSTEM");
}
