"use server";

// 网上签约审核 and 网上签约备案: counselors for their own 学院, the office for every 学院
// (the roles of each step are the transition table's).
import { z } from "zod";
import { signedInAction, summary, transitionAction } from "@/lib/server-action";
import { approveAsCounselor, attestAsOffice, batchAttestAsOffice, fileAgreement, returnAsCounselor } from "@/lib/workflow";
import { findForFiling } from "@/lib/workflow/queries";
import { agreementRefSchema, batchAttestSchema, counselorApproveSchema, filingLookupSchema, reasonSchema } from "@/lib/workflow/schemas";
import { peopleWhoMay } from "@/lib/workflow/transitions";

/** 通过 */
export const approveAction = transitionAction("approve", {
  schema: z.object({ ref: agreementRefSchema, form: counselorApproveSchema }),
  input: (ref: unknown, form: unknown) => ({ ref, form }),
  run: async (actor, d) => summary(await approveAsCounselor(actor, d.ref, d.form)),
});

/** 退回 */
export const returnByCollegeAction = transitionAction("returnByCollege", {
  schema: agreementRefSchema.extend(reasonSchema.shape),
  input: (ref: unknown, reason?: unknown) => ({ ...(ref as object), reason }),
  run: async (actor, d) => summary(await returnAsCounselor(actor, d, d.reason)),
});

/** 备案 */
export const fileAction = transitionAction("file", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await fileAgreement(actor, ref)),
});

/** 鉴证 (电子协议): the 学校毕业生就业主管部门 places its 鉴证章; the signed PDF is the original */
export const attestAction = transitionAction("attest", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await attestAsOffice(actor, ref)),
});

/** 批量鉴证: each item checked as a single 鉴证, one write for those that pass; each one's outcome */
export const batchAttestAction = transitionAction("attest", {
  schema: batchAttestSchema,
  input: (items: unknown) => ({ items }),
  run: (actor, d) => batchAttestAsOffice(actor, d.items),
  revalidate: { path: "/office/attest" },
});

/** 网上签约备案 lookup by 学号 or 协议书号: returns the id to show, within the actor's scope. */
export const findForFilingAction = signedInAction(peopleWhoMay("file"), {
  schema: filingLookupSchema,
  input: (query: unknown) => ({ query }),
  run: async (actor, d) => {
    const found = await findForFiling(actor, d.query);
    return found ? { agreementId: found.id } : null;
  },
});
