"use server";

// 解约 (#14), the steps of the two parties (the student and the unit) and of the reviewers
// (the 学院, the 就业处); the roles of each are the transition table's.
import { z } from "zod";
import { summary, transitionAction } from "@/lib/server-action";
import { answerTermination, approveTermination, forwardTermination, rejectTermination, requestTermination, withdrawTermination } from "@/lib/workflow";
import { agreementRefSchema, answerReasonSchema, terminationRequestSchema } from "@/lib/workflow/schemas";

const refAndReason = agreementRefSchema.extend(answerReasonSchema.shape);
const withReason = (ref: unknown, reason?: unknown) => ({ ...(ref as object), reason });
const requestInput = (ref: unknown, form: unknown) => ({ ref, form });
const requestSchema = z.object({ ref: agreementRefSchema, form: terminationRequestSchema });

/** 申请解约 (the student) */
export const requestTerminationAction = transitionAction("requestTermination", {
  schema: requestSchema,
  input: requestInput,
  run: async (actor, d) => summary(await requestTermination(actor, d.ref, d.form)),
  message: "已提交解约申请，等待用人单位答复",
});

/** 发起解约 (the unit) */
export const startTerminationAction = transitionAction("startTermination", {
  schema: requestSchema,
  input: requestInput,
  run: async (actor, d) => summary(await requestTermination(actor, d.ref, d.form)),
  message: "已发起解约，等待毕业生答复",
});

/** 同意解约 (the party that did not ask) */
export const agreeTerminationAction = transitionAction("agreeTermination", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await answerTermination(actor, ref, { agree: true })),
  stepUp: true,
});

/** 不同意解约, with a reason */
export const refuseTerminationAction = transitionAction("refuseTermination", {
  schema: refAndReason,
  input: withReason,
  run: async (actor, d) => summary(await answerTermination(actor, d, { agree: false, reason: d.reason })),
});

/** 撤回解约申请 (the party that asked, before the answer) */
export const withdrawTerminationAction = transitionAction("withdrawTermination", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await withdrawTermination(actor, ref)),
});

/** 学院 / 就业处: 同意解约 — the agreement is cancelled */
export const approveTerminationAction = transitionAction("approveTermination", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await approveTermination(actor, ref)),
  stepUp: true,
});

/** 学院: 同意解约, on to the 就业处 (where the office's setting asks for its review) */
export const forwardTerminationAction = transitionAction("forwardTermination", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await forwardTermination(actor, ref)),
});

/** 学院 / 就业处: 不同意解约, with a reason */
export const rejectTerminationAction = transitionAction("rejectTermination", {
  schema: refAndReason,
  input: withReason,
  run: async (actor, d) => summary(await rejectTermination(actor, d, d.reason)),
});
