// Forms of 系统设置 (office only); shared by the browser and the server actions.
import { z } from "zod";
import { emailSchema, optionalText, phoneSchema, requiredText } from "@/lib/validation/common";

export const noticesSchema = z.object({
  schoolName: requiredText("学校名称", 100),
  signingNotice: requiredText("签约须知", 20_000),
  breachNotice: requiredText("违约说明", 20_000),
});

const intIn = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数` })
    .min(min, { error: `${label}应在${min}–${max}之间` })
    .max(max, { error: `${label}应在${min}–${max}之间` });

export const numbersSchema = z.object({
  autoConfirmDays: intIn("自动确认天数", 1, 30),
  copiesPerPrint: intIn("每次打印份数", 1, 5),
});

export const termsSchema = z.object({ content: requiredText("协议条款", 50_000) });

export const staffAccountSchema = z
  .object({
    username: z
      .string({ error: "请填写工号" })
      .trim()
      .min(2, { error: "工号至少2个字符" })
      .max(40, { error: "工号不能超过40个字符" })
      .regex(/^[0-9A-Za-z._-]+$/, { error: "工号只能包含字母、数字和 . _ -" }),
    name: requiredText("姓名", 50),
    role: z.enum(["COUNSELOR", "OFFICE"], { error: "请选择身份" }),
    // "" = none (an OFFICE account); anything else must be a 学院's id, or the lookup fails
    collegeId: z.union([z.literal(""), z.uuid({ error: "请选择所属学院" })]).optional().transform((v) => v || null),
    phone: phoneSchema.optional().or(z.literal("").transform(() => undefined)),
    email: emailSchema.optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((v) => v.role !== "COUNSELOR" || !!v.collegeId, { error: "辅导员/协理员须选择所属学院", path: ["collegeId"] });

export const accountStatusSchema = z.object({ userId: z.uuid({ error: "账号无效" }), active: z.boolean() });
export const resetPasswordSchema = z.object({ userId: z.uuid({ error: "账号无效" }) });

export const collegeSchema = z.object({
  id: z.uuid().optional(),
  code: z.string({ error: "请填写学院代码" }).trim().regex(/^[0-9A-Za-z]{1,10}$/, { error: "学院代码为1–10位字母或数字" }),
  name: requiredText("学院名称", 50),
});

export const majorSchema = z.object({
  id: z.uuid().optional(),
  code: z.string({ error: "请填写专业代码" }).trim().regex(/^[0-9A-Za-z]{2,12}$/, { error: "专业代码为2–12位字母或数字" }),
  name: requiredText("专业名称", 50),
  collegeId: z.uuid({ error: "请选择所属学院" }),
});

export const optionalNote = optionalText("备注", 200);

/** 签约方式 of one graduation year (届). */
export const signingModeSchema = z.object({
  graduationYear: z.coerce.number({ error: "请选择毕业年份" }).int({ error: "毕业年份不正确" }).min(2000, { error: "毕业年份不正确" }).max(2100, { error: "毕业年份不正确" }),
  signingMode: z.enum(["PAPER", "ELECTRONIC"], { error: "请选择签约方式" }),
});

/** The paper form's switches: 就业报到证抬头 kept, 回传 required for 备案. */
export const paperFormSchema = z.object({
  showReportTitle: z.boolean({ error: "请选择是否保留就业报到证抬头" }),
  requireScanForFiling: z.boolean({ error: "请选择备案是否须上传回传件" }),
});
