// The forms of a unit: registration (用人单位注册), its profile (单位信息, the defaults that
// prefill 用人单位情况 when signing), staff accounts, and the office's rejection. One schema
// per form, shared by the browser (react-hook-form) and the server action.
import { z } from "zod";
import { isProvinceCode } from "@/lib/reference/regions";
import { unitProfileShape } from "@/lib/agreement/unit-section";
import { creditCodeSchema, emailSchema, optionalText, phoneSchema, requiredText } from "@/lib/validation/common";

export const provinceCodeSchema = z
  .string({ error: "请选择单位所在省份" })
  .refine((code) => isProvinceCode(code), { error: "请选择单位所在省份" });

// 用人单位情况 — every field of the manual's form (the list: lib/agreement/unit-section.ts),
// as the unit keeps it on file; the 统一社会信用代码 is fixed at registration.
const { orgCode: _orgCode, ...profileFields } = unitProfileShape;
void _orgCode;

export const unitProfileSchema = z.object({
  ...profileFields,
  provinceCode: provinceCodeSchema,
  defaultOpinion: optionalText("用人单位意见（默认）", 500),
});

// At least 8 characters with a letter and a digit: the account signs legal agreements.
export const passwordSchema = z
  .string({ error: "请设置密码" })
  .min(8, { error: "密码至少8位" })
  .max(64, { error: "密码不能超过64位" })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: "密码须同时包含字母和数字" });

const accountName = z
  .string({ error: "请填写登录账号" })
  .trim()
  .toLowerCase()
  .min(3, { error: "登录账号至少3个字符" })
  .max(100, { error: "登录账号不能超过100个字符" })
  .regex(/^[a-z0-9._@-]+$/, { error: "登录账号只能包含字母、数字和 . _ @ -" });

export const employerRegistrationSchema = unitProfileSchema
  .extend({
    orgCode: creditCodeSchema,
    /** the first staff account's login name (the unit's e-mail is suggested) */
    username: accountName,
    staffName: requiredText("经办人姓名", 50),
    staffPhone: phoneSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: "请再次输入密码" }),
  })
  .refine((v) => v.password === v.confirmPassword, { error: "两次输入的密码不一致", path: ["confirmPassword"] });

export const employerStaffSchema = z
  .object({
    username: accountName,
    name: requiredText("姓名", 50),
    phone: phoneSchema,
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: "请再次输入密码" }),
  })
  .refine((v) => v.password === v.confirmPassword, { error: "两次输入的密码不一致", path: ["confirmPassword"] });

export const employerRejectSchema = z.object({
  employerId: z.uuid({ error: "单位编号无效" }),
  reason: requiredText("不通过原因", 500),
});

export const employerApproveSchema = z.object({ employerId: z.uuid({ error: "单位编号无效" }) });

export type UnitProfileInput = z.input<typeof unitProfileSchema>;
export type EmployerRegistrationInput = z.input<typeof employerRegistrationSchema>;
export type EmployerStaffInput = z.input<typeof employerStaffSchema>;
