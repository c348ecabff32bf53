// One answer to "what may this person do with this agreement now": access (./access.ts),
// then the table (./transitions.ts: role, state), then the guards (./guards.ts) — each
// refusal with the zh-CN reason to show. The engine asks it before every write
// (checkTransition, which adds the version the form was shown at and the rules about what
// was submitted); pages ask it what to offer.
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors";
import type { ActorRole, AgreementStatus } from "@/lib/generated/prisma/enums";
import { canAccessAgreement } from "./access";
import type { WorkflowActor } from "./actor";
import { GUARDS, type GuardContext, type GuardName } from "./guards";
import { STATUS_LABELS } from "./states";
import { lookupTransition, transitionOf, type WorkflowAction } from "./transitions";

/** What the checks need to know of an agreement (an AgreementDetail or LoadedAgreement will do). */
export type CheckedAgreement = {
  status: AgreementStatus;
  version: number;
  employerId: string;
  collegeId: string;
  autoConfirmAt: Date | null;
  returnedByRole: ActorRole | null;
  submittedAt: Date | null;
  student: { userId: string };
};

/** What the guards need to know besides the agreement: the student's 生源 status, the unit's status, the time. */
export type CheckFacts = {
  now: Date;
  student: GuardContext["student"];
  employer: GuardContext["employer"];
};

export type Verdict = { allowed: true; to: AgreementStatus } | { allowed: false; code: ErrorCode; reason: string };

/** What the person submits with the act, checked by the action's input guards. */
export type CheckInput = { requestedEmployerId?: string; reason?: string | null; expectedVersion?: number };

function guardContext(agreement: CheckedAgreement | null, facts: CheckFacts, input: CheckInput): GuardContext {
  return {
    now: facts.now,
    agreement: {
      status: agreement?.status ?? null,
      employerId: agreement?.employerId ?? null,
      autoConfirmAt: agreement?.autoConfirmAt ?? null,
      returnedByRole: agreement?.returnedByRole ?? null,
      submittedAt: agreement?.submittedAt ?? null,
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
  if (
    agreement &&
    !canAccessAgreement(actor, { studentUserId: agreement.student.userId, employerId: agreement.employerId, collegeId: agreement.collegeId })
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
  const context = guardContext(agreement, facts, input ?? {});
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
  const { action, actor, agreement, now, student, employer, requestedEmployerId, reason, expectedVersion } = request;
  const verdict = verdictOf(action, actor, agreement, { now, student, employer }, { requestedEmployerId, reason: reason ?? null, expectedVersion });
  if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason);
  return verdict.to;
}
