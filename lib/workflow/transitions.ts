// THE workflow of 网签, in one table: for each action, the states it may start from,
// the state it leads to, who may do it and the rules (guards) it must pass.
// Every page, server action, job and test goes through this table; nothing else
// changes an agreement's status. Guards are defined in ./guards.ts.
import type { ActorRole, AgreementStatus } from "@/lib/generated/prisma/enums";
import type { GuardName } from "./guards";

export type WorkflowAction =
  | "saveDraft"
  | "submit"
  | "sign"
  | "returnByEmployer"
  | "takeBack"
  | "confirm"
  | "autoConfirm"
  | "approve"
  | "returnByCollege"
  | "file";

export type Transition = {
  /** the manual's button or step name */
  label: string;
  /** null = the agreement does not exist yet (the first save creates it) */
  from: readonly (AgreementStatus | null)[];
  to: AgreementStatus;
  roles: readonly ActorRole[];
  guards: readonly GuardName[];
};

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  //                 label                 from                                          to                          who                          guards
  saveDraft: {
    label: "保存签约信息",
    from: [null, "DRAFT", "RETURNED"],
    to: "DRAFT",
    roles: ["STUDENT"],
    guards: ["studentMaySign", "employerApproved", "employerChangeAllowed"],
  },
  submit: {
    label: "正式提交",
    from: ["DRAFT"],
    to: "PENDING_EMPLOYER",
    roles: ["STUDENT"],
    guards: ["studentMaySign", "employerApproved"],
  },
  sign: {
    label: "确定签约",
    from: ["PENDING_EMPLOYER"],
    to: "PENDING_STUDENT_CONFIRM",
    roles: ["EMPLOYER"],
    guards: ["employerApproved"],
  },
  returnByEmployer: {
    label: "退回/拒绝签约",
    from: ["PENDING_EMPLOYER"],
    to: "RETURNED",
    roles: ["EMPLOYER"],
    guards: ["reasonGiven"],
  },
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
    guards: ["reasonGiven"],
  },
  file: {
    label: "备案",
    from: ["APPROVED"],
    to: "FILED",
    roles: ["COUNSELOR", "OFFICE"],
    guards: [],
  },
};

export const WORKFLOW_ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

export type TableVerdict = { allowed: true; to: AgreementStatus } | { allowed: false; reason: "role" | "state" };

/** What the table alone says (role and state); guards and ownership are checked by the engine. */
export function lookupTransition(action: WorkflowAction, role: ActorRole, from: AgreementStatus | null): TableVerdict {
  const t = TRANSITIONS[action];
  if (!t.roles.includes(role)) return { allowed: false, reason: "role" };
  if (!t.from.includes(from)) return { allowed: false, reason: "state" };
  return { allowed: true, to: t.to };
}

/** The actions a role could take on an agreement in this status (for showing buttons). */
export function availableActions(role: ActorRole, from: AgreementStatus | null): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => lookupTransition(a, role, from).allowed);
}
