// The zod schemas of every workflow form: the browser form (react-hook-form resolver)
// and the server action parse with the same schema.
import { z } from "zod";
import { emailSchema, mobileSchema, optionalText, phoneSchema, postalCodeSchema, requiredText } from "@/lib/validation/common";
import type { UnitSignFormInput } from "@/lib/agreement/unit-section";

const uuid = (message: string) => z.string({ error: message }).uuid({ error: message });

/** Which agreement, at which version the form was shown (optimistic concurrency). */
export const agreementRefSchema = z.object({
  agreementId: uuid("协议编号无效"),
  version: z.coerce.number({ error: "协议版本无效" }).int({ error: "协议版本无效" }).min(1, { error: "协议版本无效" }),
});

/** 填写/编辑就业协议: 选择签约单位 + 填写其他信息 */
export const studentAgreementSchema = z.object({
  employerId: uuid("请选择签约单位"),
  studentPhone: mobileSchema,
  studentEmail: emailSchema,
  studentOpinion: requiredText("本人意见", 200),
});

/** 用人单位情况及意见, as the unit signs (the field list: lib/agreement/unit-section.ts), under its approved identity. */
export { unitSectionSchema, unitSignFormSchema as employerSignSchema } from "@/lib/agreement/unit-section";

export const reasonSchema = z.object({ reason: requiredText("退回原因", 500) });

/** 学校意见, filled by the counselor at 网上签约审核 (all required, as the manual says). */
export const counselorApproveSchema = z.object({
  schoolContact: requiredText("学校联系人", 50),
  schoolPhone: phoneSchema,
  schoolPostalCode: postalCodeSchema,
  schoolMailAddress: requiredText("协议书邮寄地址", 200),
  collegeOpinion: requiredText("学院意见", 500),
  schoolOpinion: optionalText("学校毕业生主管部门意见", 500),
});

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

export type StudentAgreementInput = z.input<typeof studentAgreementSchema>;
export type StudentAgreementForm = z.output<typeof studentAgreementSchema>;
export type EmployerSignInput = UnitSignFormInput;
export type CounselorApproveInput = z.input<typeof counselorApproveSchema>;
export type CounselorApproveForm = z.output<typeof counselorApproveSchema>;

/** 批量鉴证: the agreements ticked on the page (at most one page of them at a time). */
export const batchAttestSchema = z.object({
  items: z
    .array(agreementRefSchema, { error: "请选择要鉴证的协议" })
    .min(1, { error: "请至少勾选一份协议" })
    .max(200, { error: "一次最多鉴证 200 份" }),
});
