// 解约 online (#14): the steps of a request, each one transition of the table
// (requestTermination … rejectTermination) through the one engine, and the lapse of an
// unanswered one by the scheduled jobs (lapseTermination, set-based).
import { addDays } from "date-fns";
import { prisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SYSTEM_ACTOR, type WorkflowActor } from "../actor";
import { runTransition, runTransitionMany } from "../engine";
import { policySettings } from "../policy";

type Ref = { agreementId: string; version: number };

/** 申请解约 (the student) / 发起解约 (the unit): with a reason and, optionally, the 解约函 uploaded before. */
export async function requestTermination(actor: WorkflowActor, ref: Ref, input: { reason: string; letterId: string | null }) {
  return runTransition({
    action: actor.role === "EMPLOYER" ? "startTermination" : "requestTermination",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    reason: input.reason,
    params: async ({ tx, now }) => {
      const settings = await policySettings(tx);
      if (input.letterId) {
        // only a letter this person uploaded and has not used yet
        const attached = await tx.terminationLetter.updateMany({
          where: { id: input.letterId, uploadedById: actor.userId ?? "", agreementId: null },
          data: { agreementId: ref.agreementId },
        });
        if (attached.count !== 1) throw new AppError("INVALID_INPUT", "解约函无效，请重新上传", { letterId: "解约函无效，请重新上传" });
      }
      return { reason: input.reason, letterId: input.letterId, answerBy: addDays(now, settings.terminationAnswerDays) };
    },
  });
}

/** 同意解约 / 不同意解约 (with a reason): the party that did not ask. */
export async function answerTermination(actor: WorkflowActor, ref: Ref, answer: { agree: true } | { agree: false; reason: string }) {
  if (answer.agree) return runTransition({ action: "agreeTermination", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
  return runTransition({ action: "refuseTermination", actor, agreementId: ref.agreementId, expectedVersion: ref.version, reason: answer.reason, params: {} });
}

/** 撤回解约申请: the asker, before the other party answers. */
export async function withdrawTermination(actor: WorkflowActor, ref: Ref) {
  return runTransition({ action: "withdrawTermination", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
}

/**
 * 学院 / 就业处 审核: 同意 cancels the agreement — or, where the office's setting asks for
 * it, the 学院's 同意 sends it on to the 就业处 — and 不同意 (with a reason) keeps it.
 */
export async function reviewTermination(actor: WorkflowActor, ref: Ref, decision: { approve: true } | { approve: false; reason: string }) {
  if (!decision.approve) return rejectTermination(actor, ref, decision.reason);
  const { terminationOfficeReview } = await policySettings(prisma);
  return actor.role === "COUNSELOR" && terminationOfficeReview ? forwardTermination(actor, ref) : approveTermination(actor, ref);
}

/** 同意解约 (the 学院 without the office's review, or the 就业处): the agreement is CANCELLED. */
export async function approveTermination(actor: WorkflowActor, ref: Ref) {
  return runTransition({ action: "approveTermination", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
}

/** 同意解约 of the 学院 where the office reviews after it: on to the 就业处. */
export async function forwardTermination(actor: WorkflowActor, ref: Ref) {
  return runTransition({ action: "forwardTermination", actor, agreementId: ref.agreementId, expectedVersion: ref.version, params: {} });
}

/** 不同意解约 of the 学院 / 就业处, with a reason: the agreement stays. */
export async function rejectTermination(actor: WorkflowActor, ref: Ref, reason: string) {
  return runTransition({ action: "rejectTermination", actor, agreementId: ref.agreementId, expectedVersion: ref.version, reason, params: {} });
}

/** The scheduled job: every request unanswered past its window counts as refused. */
export async function lapseTerminationsDue(now: Date = new Date(), db: Db = prisma): Promise<{ lapsed: number }> {
  const moved = await runTransitionMany(
    { action: "lapseTermination", actor: { ...SYSTEM_ACTOR, name: "系统（逾期处理）" }, now, params: {}, targets: { kind: "select", orderBy: `a."terminationAnswerBy"`, limit: 5000, skipLocked: true } },
    db,
  );
  return { lapsed: moved.length };
}
