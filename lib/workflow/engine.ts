// The one engine of the transition table, for one agreement or many:
// - runTransition: load → check (ownership, table, version, guards: ./capabilities.ts) →
//   the action's build (./builds.ts) → the write (./engine-write.ts: version check, audit event
//   from the diff, notifications) — one transaction; job events after it commits.
// - runTransitionMany: the same build, run once for a set of agreements, and the same
//   write, set-based: 批量签约 (agreements its caller checked one by one), the sweep of the
//   7-day rule and a 学院 move (agreements chosen in SQL by the table and its guards).
import { isUniqueViolation, prisma, type Db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { afterTransitionCommitted, eventsFor, type CommittedTransition } from "@/lib/queue/emit";
import type { WorkflowActor } from "./actor";
import { buildFor, buildForEvery, type ParamsOf, type SetBasedAction, type Write } from "./builds";
import { checkTransition } from "./capabilities";
import { POLICY_GUARDS } from "./guards";
import { policyFor } from "./policy";
import { transitionOf, type WorkflowAction } from "./transitions";
import { writeTransition, type Ref, type WriteTarget } from "./engine-write";

export type { Ref } from "./engine-write";

// (the student's account is Student.userId: no join to User)
export const agreementWithParties = {
  student: true,
  employer: true,
} satisfies Prisma.AgreementInclude;

export type LoadedAgreement = Prisma.AgreementGetPayload<{ include: typeof agreementWithParties }>;

/** What a completed transition of one agreement reports to the caller. */
export type TransitionRecord = {
  action: WorkflowAction;
  agreementId: string;
  from: AgreementStatus | null;
  to: AgreementStatus;
  version: number;
  actor: WorkflowActor;
  at: Date;
  reason: string | null;
  /** the agreement as written, with its student and (new) unit */
  agreement: LoadedAgreement;
};

/** A value, or how to get it inside the transaction (a setting, the next 协议书号). */
type Prepared<P, C> = P | ((ctx: C) => P | Promise<P>);

const prepare = async <P, C>(value: Prepared<P, C>, ctx: C): Promise<P> =>
  typeof value === "function" ? (value as (ctx: C) => P | Promise<P>)(ctx) : value;

export type TransitionRequest<A extends WorkflowAction> = {
  action: A;
  actor: WorkflowActor;
  /** absent only for the first saveDraft, which creates the agreement */
  agreementId?: string;
  /** the version the person's form was rendered from; a different current version is a conflict */
  expectedVersion?: number;
  reason?: string | null;
  requestedEmployerId?: string;
  /** whose agreement a unit creates (签约邀请); a student's own is theirs */
  studentId?: string;
  now?: Date;
  params: Prepared<ParamsOf<A>, { tx: Tx; agreement: LoadedAgreement | null; now: Date }>;
};

/** The student row of a signed-in student (or the one a unit invites), with what the guards need. */
async function studentOfActor(tx: Tx, actor: WorkflowActor, studentId?: string) {
  if (studentId && actor.role !== "STUDENT") {
    const student = await tx.student.findUnique({ where: { id: studentId } });
    if (!student) throw new AppError("NOT_FOUND", "未找到该毕业生");
    return student;
  }
  if (actor.role !== "STUDENT" || !actor.userId) throw new AppError("FORBIDDEN");
  const student = await tx.student.findUnique({ where: { userId: actor.userId } });
  if (!student) throw new AppError("NOT_FOUND", "未找到您的生源信息，请联系学院");
  return student;
}

function emitted(action: WorkflowAction, moved: readonly Ref[], write: Write): CommittedTransition[] {
  const autoConfirmAt = write.set.autoConfirmAt ?? null;
  return moved.map((m) => ({ action, agreementId: m.agreementId, version: m.version, autoConfirmAt }));
}

// What a unique violation means for these actions (else: somebody else wrote first)
const CONFLICT_MESSAGES: Partial<Record<WorkflowAction, string>> = {
  saveDraft: "您已有一份进行中的就业协议，请刷新后查看",
  invite: "您已向该毕业生发出签约邀请，对方答复前不能再次邀请",
  acceptInvitation: "您已有一份进行中的就业协议，不能应约；请刷新后查看",
};

function conflictOf(error: unknown, action: WorkflowAction, creating: boolean): unknown {
  // one live agreement per student, one pending invitation per unit and student, or the
  // (agreement, version) audit key: each means somebody else got there first
  if (isUniqueViolation(error)) return new AppError("CONFLICT", creating || action === "acceptInvitation" ? CONFLICT_MESSAGES[action] : undefined);
  return error;
}

const needsPolicy = (action: WorkflowAction) => {
  const t = transitionOf(action);
  return [...t.guards, ...(t.inputGuards ?? [])].some((g) => POLICY_GUARDS.includes(g));
};

export async function runTransition<A extends WorkflowAction>(request: TransitionRequest<A>, db: Db = prisma): Promise<TransitionRecord> {
  const { action, actor } = request;
  const now = request.now ?? new Date();
  const reason = request.reason?.trim() || null;

  let record: TransitionRecord;
  let write: Write;
  try {
    [record, write] = await db.$transaction(async (tx) => {
      const agreement = request.agreementId
        ? await tx.agreement.findUnique({ where: { id: request.agreementId }, include: agreementWithParties })
        : null;
      if (request.agreementId && !agreement) throw new AppError("NOT_FOUND", "未找到该协议");

      const from = agreement?.status ?? null;
      const student = agreement?.student ?? (await studentOfActor(tx, actor, request.studentId));
      const employerId = request.requestedEmployerId ?? agreement?.employerId;
      if (!employerId) throw new AppError("INVALID_INPUT", "请选择签约单位", { employerId: "请选择签约单位" });
      const employer =
        agreement && employerId === agreement.employerId
          ? agreement.employer
          : await tx.employer.findUnique({ where: { id: employerId } });
      if (!employer) throw new AppError("INVALID_INPUT", "所选签约单位不存在", { employerId: "所选签约单位不存在" });
      const to = checkTransition({
        action,
        actor,
        agreement,
        expectedVersion: request.expectedVersion,
        student,
        employer,
        requestedEmployerId: request.requestedEmployerId,
        reason,
        now,
        policy: needsPolicy(action) ? await policyFor(tx, student) : undefined,
      });

      const params = await prepare(request.params, { tx, agreement, now });
      const w = buildFor(action, { now, actor, params, before: agreement });
      const target: WriteTarget = agreement
        ? { kind: "refs", refs: [{ agreementId: agreement.id, version: agreement.version }] }
        : { kind: "create", identity: { studentId: student.id, collegeId: student.collegeId, graduationYear: student.graduationYear, employerId: employer.id } };
      const [moved] = await writeTransition(tx, { action, actor, now, reason, write: w, target });
      // the row is no longer at the version we checked: somebody else wrote in between
      if (!moved) throw new AppError("CONFLICT");

      // What the row is now: the columns just written over the row just read (the version
      // check proved nobody wrote in between), with the unit the agreement now names; a new
      // agreement is read back.
      const after: LoadedAgreement = agreement
        ? ({ ...agreement, ...w.set, status: to, version: moved.version, updatedAt: now, employer } as LoadedAgreement)
        : await tx.agreement.findUniqueOrThrow({ where: { id: moved.agreementId }, include: agreementWithParties });
      const result: TransitionRecord = { action, agreementId: moved.agreementId, from, to, version: moved.version, actor, at: now, reason, agreement: after };
      return [result, w] as const;
    });
  } catch (error) {
    throw conflictOf(error, action, !request.agreementId);
  }
  await afterTransitionCommitted(emitted(action, [record], write));
  return record;
}

export type ManyRequest<A extends SetBasedAction> = {
  action: A;
  actor: WorkflowActor;
  now?: Date;
  reason?: string | null;
  params: Prepared<ParamsOf<A>, { tx: Tx; now: Date }>;
  /**
   * refs: these agreements, each only while still at the version the caller checked them at
   * (with checkTransition); select: every agreement the table's from-states and the
   * transition's guards (in SQL) admit, optionally narrowed.
   */
  targets: Extract<WriteTarget, { kind: "refs" | "select" }>;
};

/**
 * The set-based path of the engine: one build for the whole set, one write statement.
 * Returns the agreements moved, at their new versions; a ref that had moved on since its
 * caller checked it is simply not among them. Runs in `db`'s transaction when given one.
 */
export async function runTransitionMany<A extends SetBasedAction>(request: ManyRequest<A>, db: Db | Tx = prisma): Promise<Ref[]> {
  const { action, actor } = request;
  const now = request.now ?? new Date();
  const reason = request.reason?.trim() || null;
  const t = transitionOf(action);
  if (!t.roles.includes(actor.role)) throw new AppError("FORBIDDEN", `您的身份不能进行“${t.label}”操作`);
  if (request.targets.kind === "refs" && request.targets.refs.length === 0) return [];
  let write: Write | undefined;
  const run = async (tx: Tx) => {
    const params = await prepare(request.params, { tx, now });
    write = buildForEvery(action, { now, actor, params });
    return writeTransition(tx, { action, actor, now, reason, write, target: request.targets });
  };
  const own = typeof (db as Db).$transaction === "function";
  let moved: Ref[];
  try {
    moved = own ? await (db as Db).$transaction(run, { timeout: 120_000 }) : await run(db as Tx);
  } catch (error) {
    throw conflictOf(error, action, false);
  }
  if (!moved.length || !write) return moved;
  const jobs = emitted(action, moved, write);
  if (own) await afterTransitionCommitted(jobs);
  // in the caller's transaction nothing has committed yet: only transitions without job events may run there
  else if (eventsFor(jobs).length) throw new Error(`${action} sends job events and must run in its own transaction`);
  return moved;
}
