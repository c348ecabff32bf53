// One answer to "what may this person do with this agreement now": access (./access.ts),
// then the table (./transitions.ts: role, state), then the guards (./guards.ts), and the
// print rules (lib/printing/rules.ts) — each refusal with the zh-CN reason to show. The
// engine asks it before every write (checkTransition, which adds the version the form was
// shown at and the rules about what was submitted); pages render their buttons and notices
// from capabilitiesOf() and nothing else.
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors";
import type { ActorRole, AgreementStatus, SigningMode, TerminationStatus } from "@/lib/generated/prisma/enums";
import { canAccessAgreement } from "./access";
import type { WorkflowActor } from "./actor";
import { previewDecision, printDecision, type PreviewDecision, type PrintDecision, type PrintHistory } from "@/lib/printing/rules";
import { DEFAULT_POLICY, GUARDS, mayChangeEmployer, type GuardContext, type GuardName, type WorkflowPolicy } from "./guards";
import { isAwaitingAutoConfirm } from "./seven-day-rule";
import { STATUS_LABELS } from "./states";
import { lookupTransition, transitionOf, WORKFLOW_ACTIONS, type WorkflowAction } from "./transitions";

/** What the checks need to know of an agreement (an AgreementDetail or LoadedAgreement will do). */
export type CheckedAgreement = {
  status: AgreementStatus;
  version: number;
  employerId: string;
  collegeId: string;
  autoConfirmAt: Date | null;
  returnedByRole: ActorRole | null;
  submittedAt: Date | null;
  signingMode: SigningMode;
  attestedAt: Date | null;
  terminationStatus?: TerminationStatus | null;
  terminationBy?: ActorRole | null;
  terminationAnswerBy?: Date | null;
  invitationAnswerBy?: Date | null;
  student: { userId: string };
};

/** What the guards need to know besides the agreement: the student's 生源 status, the unit's status, the time. */
export type CheckFacts = {
  now: Date;
  student: GuardContext["student"];
  employer: GuardContext["employer"];
  /** the office's settings and the student's 解约 count (lib/workflow/policy.ts); the defaults when absent */
  policy?: WorkflowPolicy;
};

export type Verdict = { allowed: true; to: AgreementStatus } | { allowed: false; code: ErrorCode; reason: string };

/** What the person submits with the act, checked by the action's input guards. */
export type CheckInput = { requestedEmployerId?: string; reason?: string | null; expectedVersion?: number };

function guardContext(actorRole: ActorRole, agreement: CheckedAgreement | null, facts: CheckFacts, input: CheckInput): GuardContext {
  return {
    now: facts.now,
    actorRole,
    policy: facts.policy ?? DEFAULT_POLICY,
    agreement: {
      status: agreement?.status ?? null,
      employerId: agreement?.employerId ?? null,
      autoConfirmAt: agreement?.autoConfirmAt ?? null,
      returnedByRole: agreement?.returnedByRole ?? null,
      submittedAt: agreement?.submittedAt ?? null,
      signingMode: agreement?.signingMode ?? "PAPER",
      attestedAt: agreement?.attestedAt ?? null,
      terminationStatus: agreement?.terminationStatus ?? null,
      terminationBy: agreement?.terminationBy ?? null,
      terminationAnswerBy: agreement?.terminationAnswerBy ?? null,
      invitationAnswerBy: agreement?.invitationAnswerBy ?? null,
    },
    student: facts.student,
    employer: facts.employer,
    requestedEmployerId: input.requestedEmployerId,
    reason: input.reason,
  };
}

/**
 * May `actor` take `action` on `agreement` (null: not created yet) now? With `input`, the
 * version the form was shown at and the rules about what was submitted are checked too;
 * without it (a page deciding what to offer), only what holds before anything is typed.
 */
export function verdictOf(action: WorkflowAction, actor: WorkflowActor, agreement: CheckedAgreement | null, facts: CheckFacts, input?: CheckInput): Verdict {
  const transition = transitionOf(action);
  if (transition.sideEffectOf && !input) return { allowed: false, code: "FORBIDDEN", reason: `由“${transition.sideEffectOf}”办理` };
  if (
    agreement &&
    !canAccessAgreement(actor, { studentUserId: agreement.student.userId, employerId: agreement.employerId, collegeId: agreement.collegeId, status: agreement.status })
  ) {
    return { allowed: false, code: "NOT_FOUND", reason: "未找到该协议" };
  }
  const from = agreement?.status ?? null;
  const stale = agreement !== null && input?.expectedVersion !== undefined && input.expectedVersion !== agreement.version;
  const table = lookupTransition(action, actor.role, from);
  if (!table.allowed) {
    if (table.reason === "role") return { allowed: false, code: "FORBIDDEN", reason: `您的身份不能进行“${transition.label}”操作` };
    // A stale form is the usual cause of a state mismatch: say so plainly.
    if (stale) return { allowed: false, code: "CONFLICT", reason: ERROR_CODES.CONFLICT };
    const where = from ? `协议当前状态为“${STATUS_LABELS[from]}”，` : "";
    return { allowed: false, code: "INVALID_STATE", reason: `${where}不能进行“${transition.label}”操作` };
  }
  if (stale) return { allowed: false, code: "CONFLICT", reason: ERROR_CODES.CONFLICT };
  const context = guardContext(actor.role, agreement, facts, input ?? {});
  const guards: readonly GuardName[] = input ? [...transition.guards, ...(transition.inputGuards ?? [])] : transition.guards;
  for (const guard of guards) {
    const problem = GUARDS[guard](context);
    if (problem) return { allowed: false, code: "GUARD_FAILED", reason: problem };
  }
  return table;
}

export type CheckRequest = CheckFacts & CheckInput & { action: WorkflowAction; actor: WorkflowActor; agreement: CheckedAgreement | null };

/** Everything that decides whether this act may happen now; returns the next status or throws the AppError to show. */
export function checkTransition(request: CheckRequest): AgreementStatus {
  const { action, actor, agreement, now, student, employer, policy, requestedEmployerId, reason, expectedVersion } = request;
  const verdict = verdictOf(action, actor, agreement, { now, student, employer, policy }, { requestedEmployerId, reason: reason ?? null, expectedVersion });
  if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason);
  return verdict.to;
}

/** What a page shows of an agreement: whose it is, its unit, its prints (an AgreementDetail will do). */
export type ShownAgreement = CheckedAgreement & {
  student: { userId: string; sourceStatus: GuardContext["student"]["sourceStatus"] };
  employer: GuardContext["employer"];
  printRecords: PrintHistory;
};

export type Capabilities = {
  /** every action of the table, for this person on this agreement now */
  actions: Record<WorkflowAction, Verdict>;
  /** may the student choose another unit when editing (before 正式提交, or after the unit's own return) */
  changeEmployer: boolean;
  print: PrintDecision;
  preview: PreviewDecision;
  /** the 7-day deadline has passed, the sweep has not confirmed it yet: 已到期，系统确认中 */
  awaitingAutoConfirm: boolean;
};

/** What `actor` may do with `agreement` now — the one source of every button and notice of a page. */
export function capabilitiesOf(actor: WorkflowActor, agreement: ShownAgreement, now = new Date(), policy?: WorkflowPolicy): Capabilities {
  const facts: CheckFacts = { now, student: agreement.student, employer: agreement.employer, policy };
  const actions = Object.fromEntries(WORKFLOW_ACTIONS.map((a) => [a, verdictOf(a, actor, agreement, facts)])) as Record<WorkflowAction, Verdict>;
  const role = actor.role === "SYSTEM" ? null : actor.role;
  return {
    actions,
    changeEmployer: actions.saveDraft.allowed && mayChangeEmployer(guardContext(actor.role, agreement, facts, {}).agreement),
    print: role ? printDecision(role, agreement.status, agreement.printRecords, agreement) : { allowed: false, message: "系统不打印协议书" },
    preview: role ? previewDecision(role, agreement.status, agreement) : { allowed: false, message: "系统不预览协议书" },
    awaitingAutoConfirm: isAwaitingAutoConfirm(agreement, now),
  };
}

/** Before there is an agreement: may this student start one (their 生源信息 decides)? */
export function startVerdict(actor: WorkflowActor, student: { sourceStatus: GuardContext["student"]["sourceStatus"] }, now = new Date(), policy?: WorkflowPolicy): Verdict {
  // the unit is chosen in the form: its rule (employerApproved) is checked on the request
  return verdictOf("saveDraft", actor, null, { now, student, employer: { id: "", status: "APPROVED", sealId: null }, policy });
}

/** Before there is an invitation: may this unit invite (the graduate is found by 学号 + 姓名 when it sends)? */
export function inviteVerdict(actor: WorkflowActor, employer: GuardContext["employer"], now = new Date(), policy?: WorkflowPolicy): Verdict {
  return verdictOf("invite", actor, null, { now, student: { sourceStatus: "APPROVED" }, employer, policy });
}
