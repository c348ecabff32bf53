// The workflow forms whose fields are plain text (no reference tables, no ID-number check):
// these schemas ship to the browser with their forms (react-hook-form's resolver), so this
// module imports nothing heavier than ../validation/text. Re-exported by ./schemas.
import { z } from "zod";
import { emailSchema, mobileSchema, optionalText, phoneSchema, postalCodeSchema, requiredText } from "@/lib/validation/text";

export const uuid = (message: string) => z.string({ error: message }).uuid({ error: message });

/** 填写/编辑就业协议: 选择签约单位 + 填写其他信息 */
export const studentAgreementSchema = z.object({
  employerId: uuid("请选择签约单位"),
  studentPhone: mobileSchema,
  studentEmail: emailSchema,
  studentOpinion: requiredText("本人意见", 200),
});

/** 学校意见, filled by the counselor at 网上签约审核 (all required, as the manual says). */
export const counselorApproveSchema = z.object({
  schoolContact: requiredText("学校联系人", 50),
  schoolPhone: phoneSchema,
  schoolPostalCode: postalCodeSchema,
  schoolMailAddress: requiredText("协议书邮寄地址", 200),
  collegeOpinion: requiredText("学院意见", 500),
  schoolOpinion: optionalText("学校毕业生主管部门意见", 500),
});

export type StudentAgreementInput = z.input<typeof studentAgreementSchema>;
export type StudentAgreementForm = z.output<typeof studentAgreementSchema>;
export type CounselorApproveInput = z.input<typeof counselorApproveSchema>;
export type CounselorApproveForm = z.output<typeof counselorApproveSchema>;
