// The forms of a unit: registration (用人单位注册), its profile (单位信息, the defaults that
// prefill 用人单位情况 when signing), staff accounts, and the office's rejection. One schema
// per form, shared by the browser (react-hook-form) and the server action.
import { z } from "zod";
import { passwordProblem, passwordSchema } from "@/lib/auth/password-rule";
import { isProvinceCode } from "@/lib/reference/regions";
import { unitProfileShape } from "@/lib/agreement/unit-section";
import { creditCodeSchema, emailSchema, optionalText, phoneSchema, requiredText } from "@/lib/validation/common";

export const provinceCodeSchema = z
  .string({ error: "请选择单位所在省份" })
  .refine((code) => isProvinceCode(code), { error: "请选择单位所在省份" });

// 用人单位情况 — every field of the manual's form (the list: lib/agreement/unit-section.ts),
// as the unit keeps it on file (the 统一社会信用代码: typed at registration, changed in 单位信息).
const { orgCode: _orgCode, ...profileFields } = unitProfileShape;
void _orgCode;

export const unitProfileSchema = z.object({
  ...profileFields,
  provinceCode: provinceCodeSchema,
  defaultOpinion: optionalText("用人单位意见（默认）", 500),
});

/**
 * 单位信息 as the unit saves it: the profile and its 统一社会信用代码 (for an approved unit a
 * change of 单位名称, 统一社会信用代码 or 单位性质 goes to the office's review: ./profile.ts).
 */
export const unitProfileUpdateSchema = unitProfileSchema.extend({ orgCode: unitProfileShape.orgCode });

/** The office's refusal of a unit's change of identity, with the reason the unit reads. */
export const identityChangeRejectSchema = z.object({
  employerId: z.uuid({ error: "单位编号无效" }),
  reason: requiredText("不通过原因", 500),
});

/**
 * A unit's login name: an e-mail address, kept in lower case and compared without case
 * (a 学号 or 工号 never contains "@", so no unit can take one).
 */
export const unitAccountName = z
  .string({ error: "请填写登录账号（电子邮箱）" })
  .trim()
  .toLowerCase()
  .min(1, { error: "请填写登录账号（电子邮箱）" })
  .max(100, { error: "登录账号不能超过100个字符" })
  .pipe(z.email({ error: "登录账号须为电子邮箱，如 hr@example.com" }));

export const employerRegistrationSchema = unitProfileSchema
  .extend({
    orgCode: creditCodeSchema,
    /** the first staff account's login name (the unit's e-mail is suggested) */
    username: unitAccountName,
    staffName: requiredText("经办人姓名", 50),
    staffPhone: phoneSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: "请再次输入密码" }),
  })
  .refine((v) => v.password === v.confirmPassword, { error: "两次输入的密码不一致", path: ["confirmPassword"] })
  .refine((v) => !passwordProblem(v.password, v.username), { error: "密码不能包含登录账号", path: ["password"] });

/** 添加经办人 (by the unit's administrator): the account gets a random initial password. */
export const employerStaffSchema = z.object({
    username: unitAccountName,
    name: requiredText("姓名", 50),
    phone: phoneSchema,
    email: emailSchema,
  });

export const employerRejectSchema = z.object({
  employerId: z.uuid({ error: "单位编号无效" }),
  reason: requiredText("不通过原因", 500),
});

export const employerApproveSchema = z.object({ employerId: z.uuid({ error: "单位编号无效" }) });

export type UnitProfileInput = z.input<typeof unitProfileSchema>;
export type UnitProfileUpdateInput = z.input<typeof unitProfileUpdateSchema>;
export type EmployerRegistrationInput = z.input<typeof employerRegistrationSchema>;
export type EmployerStaffInput = z.input<typeof employerStaffSchema>;
