// Zod pieces shared by the forms (react-hook-form resolver) and the server actions: the
// plain text fields (./text) and those that need the reference tables or the ID-number check.
// Every message is what the person filling the form reads, in zh-CN.
import { z } from "zod";
import { EDUCATION_CODES } from "../reference/education";
import { ETHNICITY_CODES } from "../reference/ethnicities";
import { POLITICAL_STATUS_CODES } from "../reference/political-status";
import { TRAINING_MODE_CODES } from "../reference/training-mode";
import { UNIT_NATURE_CODES } from "../reference/unit-nature";
import { isCreditCode, isUnitCode, normalizeUnitCode } from "./credit-code";
import { idNumberProblem, normalizeIdNumber } from "./id-card";
import { trimmed } from "./text";

export * from "./text";

export const idNumberSchema = z
  .string({ error: "请填写身份证号" })
  .transform(normalizeIdNumber)
  .superRefine((id, ctx) => {
    const problem = idNumberProblem(id);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const creditCodeSchema = trimmed("请填写统一社会信用代码")
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .min(1, { error: "请填写统一社会信用代码" })
      .length(18, { error: "统一社会信用代码应为18位" })
      .refine(isCreditCode, { error: "统一社会信用代码不正确，请核对校验位" }),
  );

/** 单位组织机构代码: a 统一社会信用代码 or a legacy 组织机构代码, stored in one spelling. */
export const unitCodeSchema = trimmed("请填写统一社会信用代码（或原组织机构代码）")
  .pipe(
    z
      .string()
      .min(1, { error: "请填写统一社会信用代码（或原组织机构代码）" })
      .refine(isUnitCode, { error: "请输入正确的统一社会信用代码（18位）或组织机构代码（9位）" }),
  )
  .transform(normalizeUnitCode);

export const ethnicityCodeSchema = z.enum(ETHNICITY_CODES, { error: "请选择民族" });
export const politicalStatusCodeSchema = z.enum(POLITICAL_STATUS_CODES, { error: "请选择政治面貌" });
export const educationCodeSchema = z.enum(EDUCATION_CODES, { error: "请选择学历" });
export const trainingModeCodeSchema = z.enum(TRAINING_MODE_CODES, { error: "请选择培养方式" });
export const unitNatureCodeSchema = z.enum(UNIT_NATURE_CODES, { error: "请选择单位性质" });

/**
 * A search box's text as the database may see it: control characters (PostgreSQL refuses
 * NUL in text) and surrounding blanks removed, at most 50 characters.
 */
export function searchTerm(raw: string | null | undefined): string {
  return Array.from((raw ?? "").replace(/[\u0000-\u001F\u007F]/g, "").trim()).slice(0, 50).join("");
}
