"use server";

import { z } from "zod";
import { searchApprovedEmployers } from "@/lib/employers";
import { confirmAsStudent, saveDraft, submitAgreement } from "@/lib/workflow";
import { agreementRefSchema, studentAgreementSchema } from "@/lib/workflow/schemas";
import { guardedAction, summary } from "@/lib/workflow/server-action";

const saveSchema = z.object({ form: studentAgreementSchema, ref: agreementRefSchema.nullish() });

/** 确定: save the 填写/编辑就业协议 form (creates the agreement the first time). */
export async function saveDraftAction(form: unknown, ref: unknown) {
  return guardedAction(["STUDENT"], saveSchema, { form, ref }, async (actor, data) =>
    summary(await saveDraft(actor, data.form, data.ref ?? undefined)),
  );
}

/** 正式提交 */
export async function submitAction(ref: unknown) {
  return guardedAction(["STUDENT"], agreementRefSchema, ref, async (actor, data) => summary(await submitAgreement(actor, data)));
}

/** 确定签约信息 (复核确认) */
export async function confirmAction(ref: unknown) {
  return guardedAction(["STUDENT"], agreementRefSchema, ref, async (actor, data) => summary(await confirmAsStudent(actor, data)));
}

const searchSchema = z.object({
  q: z.string().max(50, { error: "搜索内容过长" }).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** 选择签约单位: approved units only, fuzzy by name or code, paged. */
export async function searchEmployersAction(q: unknown, page: unknown) {
  return guardedAction(["STUDENT"], searchSchema, { q, page }, async (_actor, data) => {
    const result = await searchApprovedEmployers(data.q, data.page);
    return { ...result, rows: result.rows.map((r) => ({ id: r.id, name: r.name, natureCode: r.natureCode, address: r.address })) };
  });
}
