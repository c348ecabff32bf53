"use server";

import { z } from "zod";
import { searchApprovedEmployers } from "@/lib/employers";
import { signedInAction, summary, transitionAction } from "@/lib/server-action";
import { confirmAsStudent, saveDraft, submitAgreement } from "@/lib/workflow";
import { agreementRefSchema, studentAgreementSchema } from "@/lib/workflow/schemas";

/** 确定: save the 填写/编辑就业协议 form (creates the agreement the first time). */
export const saveDraftAction = transitionAction("saveDraft", {
  schema: z.object({ form: studentAgreementSchema, ref: agreementRefSchema.nullish() }),
  input: (form: unknown, ref: unknown) => ({ form, ref }),
  run: async (actor, d) => summary(await saveDraft(actor, d.form, d.ref ?? undefined)),
});

/** 正式提交 */
export const submitAction = transitionAction("submit", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await submitAgreement(actor, ref)),
});

/** 确定签约信息 (复核确认) */
export const confirmAction = transitionAction("confirm", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await confirmAsStudent(actor, ref)),
  stepUp: true,
});

const searchSchema = z.object({
  q: z.string().max(50, { error: "搜索内容过长" }).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** 选择签约单位: approved units only, fuzzy by name or code, paged. */
export const searchEmployersAction = signedInAction(["STUDENT"], {
  schema: searchSchema,
  input: (q: unknown, page: unknown) => ({ q, page }),
  run: async (_actor, d) => {
    const result = await searchApprovedEmployers(d.q, d.page);
    return { ...result, rows: result.rows.map((r) => ({ id: r.id, name: r.name, natureCode: r.natureCode, address: r.address })) };
  },
});
