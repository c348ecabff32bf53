// The zod schemas of every workflow form: the browser form (react-hook-form resolver)
// and the server action parse with the same schema.
import { z } from "zod";
import { emailSchema, mobileSchema, optionalText, requiredText } from "@/lib/validation/common";
import { unitSignFormSchema, type UnitSignForm, type UnitSignFormInput } from "@/lib/agreement/unit-section";
import { uuid } from "./browser-schemas";

/** Which agreement, at which version the form was shown (optimistic concurrency). */
export const agreementRefSchema = z.object({
  agreementId: uuid("协议编号无效"),
  version: z.coerce.number({ error: "协议版本无效" }).int({ error: "协议版本无效" }).min(1, { error: "协议版本无效" }),
});

export * from "./browser-schemas";

/** 用人单位情况及意见, as the unit signs (the field list: lib/agreement/unit-section.ts), under its approved identity. */
export { unitSectionSchema, unitSignFormSchema as employerSignSchema } from "@/lib/agreement/unit-section";

export const reasonSchema = z.object({ reason: requiredText("退回原因", 500) });

export const batchSignSchema = z.object({
  items: z
    .array(agreementRefSchema, { error: "请选择要签约的学生" })
    .min(1, { error: "请至少勾选一名学生" })
    .max(1000, { error: "一次最多批量签约 1000 份" }),
});

export const filingLookupSchema = z.object({
  query: z
    .string({ error: "请输入学号或协议书号" })
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: "请输入学号或协议书号" })
        .max(40, { error: "学号或协议书号过长" })
        .regex(/^[0-9A-Za-z-]+$/, { error: "学号或协议书号只能包含数字、字母和“-”" }),
    ),
});

export type EmployerSignInput = UnitSignFormInput;

/** 批量鉴证: the agreements ticked on the page (at most one page of them at a time). */
export const batchAttestSchema = z.object({
  items: z
    .array(agreementRefSchema, { error: "请选择要鉴证的协议" })
    .min(1, { error: "请至少勾选一份协议" })
    .max(200, { error: "一次最多鉴证 200 份" }),
});

// ---- 解约 and 签约邀请 (#14) ----

export const terminationReasonSchema = z.object({ reason: requiredText("解约原因", 500) });

/** 申请解约 / 发起解约: the reason, and the 解约函 / 退函 uploaded before (optional). */
export const terminationRequestSchema = terminationReasonSchema.extend({
  letterId: z.union([uuid("解约函无效，请重新上传"), z.literal(""), z.null()]).optional().transform((v) => v || null),
});

/** 补充条款 of an invitation: printed in the 备注/其他约定 box of the agreement. */
export const SUPPLEMENTARY_FIELDS = {
  position: { label: "岗位", max: 60, required: true },
  workplace: { label: "工作地点", max: 100, required: true },
  salary: { label: "薪酬", max: 100, required: true },
  probation: { label: "试用期", max: 60, required: false },
  serviceTerm: { label: "服务期/违约金", max: 200, required: false },
} as const;
export type SupplementaryKey = keyof typeof SUPPLEMENTARY_FIELDS;
export const SUPPLEMENTARY_KEYS = Object.keys(SUPPLEMENTARY_FIELDS) as SupplementaryKey[];

const field = (k: SupplementaryKey) => SUPPLEMENTARY_FIELDS[k];
export const supplementaryTermsSchema = z.object({
  position: requiredText(field("position").label, field("position").max),
  workplace: requiredText(field("workplace").label, field("workplace").max),
  salary: requiredText(field("salary").label, field("salary").max),
  probation: optionalText(field("probation").label, field("probation").max),
  serviceTerm: optionalText(field("serviceTerm").label, field("serviceTerm").max),
});
export type SupplementaryTerms = z.output<typeof supplementaryTermsSchema>;

/** The 补充条款 as the lines of the 备注/其他约定 box, in the form's order; "" when none. */
export function supplementaryText(terms: unknown): string {
  if (!terms || typeof terms !== "object") return "";
  const t = terms as Record<string, unknown>;
  return SUPPLEMENTARY_KEYS.filter((k) => typeof t[k] === "string" && (t[k] as string).trim())
    .map((k) => `${SUPPLEMENTARY_FIELDS[k].label}：${(t[k] as string).trim()}`)
    .join("\n");
}

/** 发出签约邀请: the graduate by 学号 + 姓名, the unit section as when signing, the 补充条款. */
export const invitationSchema = z
  .object({
  studentNo: z
    .string({ error: "请输入学号" })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: "请输入学号" }).max(20, { error: "学号过长" }).regex(/^[0-9A-Za-z]+$/, { error: "学号只能包含数字和字母" })),
  studentName: requiredText("姓名", 50),
  })
  // one flat form: the 用人单位情况 as when signing (the approved identity is not typed), then the 补充条款
  .extend(unitSignFormSchema.shape)
  .extend(supplementaryTermsSchema.shape);

/** The invitation form's parts: the unit's form (signed under its approved identity) and the 补充条款. */
export function invitationParts(form: InvitationForm): { signature: UnitSignForm; terms: SupplementaryTerms } {
  const { studentNo: _no, studentName: _name, position, workplace, salary, probation, serviceTerm, ...signature } = form;
  void _no;
  void _name;
  return { signature, terms: { position, workplace, salary, probation, serviceTerm } };
}
export type InvitationInput = z.input<typeof invitationSchema>;
export type InvitationForm = z.output<typeof invitationSchema>;

/** 应约: what the student adds as at 正式提交 (联系方式, 本人意见). */
export const acceptInvitationSchema = z.object({
  studentPhone: mobileSchema,
  studentEmail: emailSchema,
  studentOpinion: requiredText("本人意见", 200),
});
export type AcceptInvitationForm = z.output<typeof acceptInvitationSchema>;

/** 不同意解约 / 拒绝邀请: the reason the other side reads. */
export const answerReasonSchema = z.object({ reason: requiredText("理由", 500) });
