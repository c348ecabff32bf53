// Runs one transition of the table: load → check (ownership, table, version, guards) →
// write with optimistic concurrency → audit event → notifications, all in ONE database
// transaction; job events are sent after it commits. Every service in ./actions uses it.
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fanOutInTransaction } from "@/lib/notifications/fan-out";
import { afterTransitionCommitted } from "@/lib/jobs/emit";
import { canAccessAgreement } from "./access";
import type { WorkflowActor } from "./actor";
import { GUARDS, type GuardContext } from "./guards";
import { STATUS_LABELS } from "./states";
import { lookupTransition, TRANSITIONS, type WorkflowAction } from "./transitions";

export type Tx = Prisma.TransactionClient;

export const agreementWithParties = {
  student: { include: { user: { select: { id: true } } } },
  employer: true,
} satisfies Prisma.AgreementInclude;

export type LoadedAgreement = Prisma.AgreementGetPayload<{ include: typeof agreementWithParties }>;

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** What a completed transition reports to notifications, jobs and the caller. */
export type TransitionRecord = {
  action: WorkflowAction;
  agreementId: string;
  from: AgreementStatus | null;
  to: AgreementStatus;
  version: number;
  actor: WorkflowActor;
  at: Date;
  reason: string | null;
  agreement: LoadedAgreement;
};

type BuildResult = {
  /**
   * agreement columns to write, as plain values (no Prisma update operations: the record
   * handed on is this merged over the row read); status, version and updatedAt are set by
   * the engine
   */
  data: Prisma.AgreementUncheckedUpdateInput;
  /** what the audit event records as changed; derived from `data` when omitted */
  changes?: FieldChanges;
};

export type TransitionRequest = {
  action: WorkflowAction;
  actor: WorkflowActor;
  /** absent only for the first saveDraft, which creates the agreement */
  agreementId?: string;
  /** the version the person's form was rendered from; a different current version is a conflict */
  expectedVersion?: number;
  reason?: string | null;
  requestedEmployerId?: string;
  now?: Date;
  build: (ctx: { tx: Tx; agreement: LoadedAgreement | null; now: Date }) => Promise<BuildResult> | BuildResult;
};

const SKIP_IN_CHANGES = new Set(["updatedAt"]);

function diff(before: Record<string, unknown> | null, data: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, to] of Object.entries(data)) {
    if (SKIP_IN_CHANGES.has(key) || to === undefined) continue;
    const from = before ? before[key] : null;
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : JSON.stringify(from) === JSON.stringify(to);
    if (!same) changes[key] = { from: from ?? null, to };
  }
  return changes;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** The student row of a signed-in student, with what the guards need. */
async function studentOfActor(tx: Tx, actor: WorkflowActor) {
  if (actor.role !== "STUDENT" || !actor.userId) throw new AppError("FORBIDDEN");
  const student = await tx.student.findUnique({ where: { userId: actor.userId } });
  if (!student) throw new AppError("NOT_FOUND", "未找到您的生源信息，请联系学院");
  return student;
}

export type CheckInput = {
  action: WorkflowAction;
  actor: WorkflowActor;
  agreement: LoadedAgreement | null;
  expectedVersion?: number;
  student: { sourceStatus: GuardContext["student"]["sourceStatus"] };
  employer: { id: string; status: GuardContext["employer"]["status"] };
  requestedEmployerId?: string;
  reason: string | null;
  now: Date;
};

/**
 * Everything that decides whether this actor may take this action on this agreement now:
 * ownership, the table (role, state), the version the form was shown at, the guards.
 * Returns the next status or throws the AppError to show.
 */
export function checkTransition(input: CheckInput): AgreementStatus {
  const { action, actor, agreement, expectedVersion, now } = input;
  const transition = TRANSITIONS[action];
  if (
    agreement &&
    !canAccessAgreement(actor, { studentUserId: agreement.student.userId, employerId: agreement.employerId, collegeId: agreement.collegeId })
  ) {
    throw new AppError("NOT_FOUND", "未找到该协议");
  }
  const from = agreement?.status ?? null;
  const stale = agreement !== null && expectedVersion !== undefined && expectedVersion !== agreement.version;
  const verdict = lookupTransition(action, actor.role, from);
  if (!verdict.allowed) {
    if (verdict.reason === "role") throw new AppError("FORBIDDEN", `您的身份不能进行“${transition.label}”操作`);
    // A stale form is the usual cause of a state mismatch: say so plainly.
    if (stale) throw new AppError("CONFLICT");
    const where = from ? `协议当前状态为“${STATUS_LABELS[from]}”，` : "";
    throw new AppError("INVALID_STATE", `${where}不能进行“${transition.label}”操作`);
  }
  if (stale) throw new AppError("CONFLICT");
  const guardContext: GuardContext = {
    now,
    agreement: {
      status: from,
      employerId: agreement?.employerId ?? null,
      autoConfirmAt: agreement?.autoConfirmAt ?? null,
      returnedByRole: agreement?.returnedByRole ?? null,
    },
    student: input.student,
    employer: input.employer,
    requestedEmployerId: input.requestedEmployerId,
    reason: input.reason,
  };
  for (const guard of transition.guards) {
    const problem = GUARDS[guard](guardContext);
    if (problem) throw new AppError("GUARD_FAILED", problem);
  }
  return verdict.to;
}

export async function runTransition(request: TransitionRequest, db: Db = prisma): Promise<TransitionRecord> {
  const { action, actor } = request;
  const now = request.now ?? new Date();
  const reason = request.reason?.trim() || null;

  let record: TransitionRecord;
  try {
    record = await db.$transaction(async (tx) => {
      const agreement = request.agreementId
        ? await tx.agreement.findUnique({ where: { id: request.agreementId }, include: agreementWithParties })
        : null;
      if (request.agreementId && !agreement) throw new AppError("NOT_FOUND", "未找到该协议");

      const from = agreement?.status ?? null;
      const student = agreement?.student ?? (await studentOfActor(tx, actor));
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
      });

      const built = await request.build({ tx, agreement, now });
      const version = (agreement?.version ?? 0) + 1;
      const data = { ...built.data, status: to, version, updatedAt: now };
      let agreementId: string;
      if (agreement) {
        // Optimistic concurrency: the row must still be at the version we checked.
        const updated = await tx.agreement.updateMany({ where: { id: agreement.id, version: agreement.version }, data });
        if (updated.count !== 1) throw new AppError("CONFLICT");
        agreementId = agreement.id;
      } else {
        const created = await tx.agreement.create({
          data: {
            ...(data as Prisma.AgreementUncheckedCreateInput),
            studentId: student.id,
            collegeId: student.collegeId,
            graduationYear: student.graduationYear,
            employerId: employer.id,
          },
        });
        agreementId = created.id;
      }

      await tx.agreementEvent.create({
        data: {
          agreementId,
          version,
          action,
          actorId: actor.userId,
          actorRole: actor.role,
          actorName: actor.name,
          fromStatus: from,
          toStatus: to,
          changes: (built.changes ?? diff(agreement as Record<string, unknown> | null, built.data as Record<string, unknown>)) as Prisma.InputJsonValue,
          reason,
          createdAt: now,
        },
      });

      // What the row is now: the columns just written over the row just read (the update
      // wrote plain values, and the version check proved nobody wrote in between), with the
      // unit the agreement now names; a new agreement is read back.
      const after: LoadedAgreement = agreement
        ? ({ ...agreement, ...data, employer } as LoadedAgreement)
        : await tx.agreement.findUniqueOrThrow({ where: { id: agreementId }, include: agreementWithParties });
      const result: TransitionRecord = { action, agreementId, from, to, version, actor, at: now, reason, agreement: after };
      await fanOutInTransaction(tx, [result]);
      return result;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isUniqueViolation(error)) {
      // one live agreement per student, or the (agreement, version) audit key: both mean
      // somebody else got there first
      throw new AppError("CONFLICT", request.agreementId ? undefined : "您已有一份进行中的就业协议，请刷新后查看");
    }
    throw error;
  }
  await afterTransitionCommitted([record]);
  return record;
}
