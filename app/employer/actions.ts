"use server";

import { z } from "zod";
import { signedInAction, summary, transitionAction } from "@/lib/server-action";
import { batchSignAsEmployer, returnAsEmployer, signAsEmployer, takeBackForResign } from "@/lib/workflow";
import { agreementRefSchema, batchSignSchema, employerSignSchema, reasonSchema } from "@/lib/workflow/schemas";
import { pendingRefs } from "@/lib/workflow/queries";

/** 确定签约 */
export const signAction = transitionAction("sign", {
  schema: z.object({ ref: agreementRefSchema, form: employerSignSchema }),
  input: (ref: unknown, form: unknown) => ({ ref, form }),
  run: async (actor, d) => summary(await signAsEmployer(actor, d.ref, d.form)),
  stepUp: true,
});

/** 退回/拒绝签约 */
export const returnAction = transitionAction("returnByEmployer", {
  schema: agreementRefSchema.extend(reasonSchema.shape),
  input: (ref: unknown, reason?: unknown) => ({ ...(ref as object), reason }),
  run: async (actor, d) => summary(await returnAsEmployer(actor, d, d.reason)),
});

/** 拿回重签 */
export const takeBackAction = transitionAction("takeBack", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await takeBackForResign(actor, ref)),
});

/** 批量签约: one request, one outcome per agreement. */
export const batchSignAction = transitionAction("sign", {
  schema: batchSignSchema,
  input: (items: unknown) => ({ items }),
  run: (actor, d) => batchSignAsEmployer(actor, d.items),
  stepUp: true,
});

/** Every agreement waiting for this unit (ids and versions), for 全选 across pages. */
export const pendingRefsAction = signedInAction(["EMPLOYER"], {
  schema: z.object({}),
  input: () => ({}),
  run: (actor) => pendingRefs(actor),
});
