"use server";

import { z } from "zod";
import { approveAsCounselor, fileAgreement, returnAsCounselor } from "@/lib/workflow";
import { findForFiling } from "@/lib/workflow/queries";
import { agreementRefSchema, counselorApproveSchema, filingLookupSchema, reasonSchema } from "@/lib/workflow/schemas";
import { guardedAction, summary } from "@/lib/workflow/server-action";

// 网上签约审核 and 网上签约备案: counselors for their own 学院, the office for every 学院.
const REVIEWERS = ["COUNSELOR", "OFFICE"] as const;

/** 通过 */
export async function approveAction(ref: unknown, form: unknown) {
  return guardedAction([...REVIEWERS], z.object({ ref: agreementRefSchema, form: counselorApproveSchema }), { ref, form }, async (actor, d) =>
    summary(await approveAsCounselor(actor, d.ref, d.form)),
  );
}

/** 退回 */
export async function returnByCollegeAction(ref: unknown, reason?: string) {
  return guardedAction([...REVIEWERS], agreementRefSchema.extend(reasonSchema.shape), { ...(ref as object), reason }, async (actor, d) =>
    summary(await returnAsCounselor(actor, d, d.reason)),
  );
}

/** 备案 */
export async function fileAction(ref: unknown) {
  return guardedAction([...REVIEWERS], agreementRefSchema, ref, async (actor, d) => summary(await fileAgreement(actor, d)));
}

/** 网上签约备案 lookup by 学号 or 协议书号: returns the id to show, within the actor's scope. */
export async function findForFilingAction(query: unknown) {
  return guardedAction([...REVIEWERS], filingLookupSchema, { query }, async (actor, d) => {
    const found = await findForFiling(actor, d.query);
    return found ? { agreementId: found.id } : null;
  });
}
