"use server";

import { z } from "zod";
import { batchSignAsEmployer, returnAsEmployer, signAsEmployer, takeBackForResign } from "@/lib/workflow";
import { agreementRefSchema, batchSignSchema, employerSignSchema, reasonSchema } from "@/lib/workflow/schemas";
import { pendingRefs } from "@/lib/workflow/queries";
import { guardedAction, summary } from "@/lib/workflow/server-action";

/** 确定签约 */
export async function signAction(ref: unknown, form: unknown) {
  return guardedAction(["EMPLOYER"], z.object({ ref: agreementRefSchema, form: employerSignSchema }), { ref, form }, async (actor, d) =>
    summary(await signAsEmployer(actor, d.ref, d.form)),
  );
}

/** 退回/拒绝签约 */
export async function returnAction(ref: unknown, reason?: string) {
  return guardedAction(["EMPLOYER"], agreementRefSchema.extend(reasonSchema.shape), { ...(ref as object), reason }, async (actor, d) =>
    summary(await returnAsEmployer(actor, d, d.reason)),
  );
}

/** 拿回重签 */
export async function takeBackAction(ref: unknown) {
  return guardedAction(["EMPLOYER"], agreementRefSchema, ref, async (actor, d) => summary(await takeBackForResign(actor, d)));
}

/** 批量签约: one request, one outcome per agreement. */
export async function batchSignAction(items: unknown) {
  return guardedAction(["EMPLOYER"], batchSignSchema, { items }, async (actor, d) => batchSignAsEmployer(actor, d.items));
}

/** Every agreement waiting for this unit (ids and versions), for 全选 across pages. */
export async function pendingRefsAction() {
  return guardedAction(["EMPLOYER"], z.object({}), {}, async (actor) => pendingRefs(actor));
}
