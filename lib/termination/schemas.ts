// The office's forms for 解约 and 签约邀请 (#14): shared by the page and the server action.
import { z } from "zod";
import { requiredText } from "@/lib/validation/common";

const intIn = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}应在${min}–${max}之间` })
    .max(max, { error: `${label}应在${min}–${max}之间` });

const flag = (label: string) => z.boolean({ error: `请选择${label}` });

export const terminationSettingsSchema = z.object({
  terminationAnswerDays: intIn("解约答复期限（天）", 1, 30),
  terminationOfficeReview: flag("是否由就业处复审"),
  terminationsPerYear: intIn("每届解约次数上限", 0, 5),
  unitsMayStartTermination: flag("是否允许用人单位发起解约"),
  invitationsEnabled: flag("是否开放单位签约邀请"),
  invitationAnswerDays: intIn("邀请答复期限（天）", 1, 30),
  studentSigningEnabled: flag("是否开放学生发起签约"),
});
export type TerminationSettings = z.output<typeof terminationSettingsSchema>;

/** 解约次数例外: one more 解约 for one graduate, with the reason. */
export const terminationExceptionSchema = z.object({
  studentNo: z
    .string({ error: "请输入学号" })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: "请输入学号" }).max(20, { error: "学号过长" }).regex(/^[0-9A-Za-z]+$/, { error: "学号只能包含数字和字母" })),
  reason: requiredText("例外原因", 300),
});
