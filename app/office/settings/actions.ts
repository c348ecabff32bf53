"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { requireActor } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/roles";
import { actionError, invalidInput, type ActionResult } from "@/lib/action-result";
import {
  accountStatusSchema,
  collegeSchema,
  majorSchema,
  noticesSchema,
  numbersSchema,
  resetPasswordSchema,
  staffAccountSchema,
  termsSchema,
} from "@/lib/settings/schemas";
import {
  createStaffAccount,
  publishTerms,
  resetStaffPassword,
  saveCollege,
  saveMajor,
  setStaffActive,
  updateNotices,
  updateNumbers,
} from "@/lib/settings/service";

// parse → requireActor("OFFICE") → one service → zh-CN message
async function run<S extends z.ZodType>(schema: S, input: unknown, service: (actor: Actor, data: z.output<S>) => Promise<unknown>, message: string): Promise<ActionResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireActor("OFFICE");
    await service(actor, parsed.data);
    revalidatePath("/office/settings", "layout");
    return { ok: true, message };
  } catch (error) {
    return actionError(error);
  }
}

export async function saveNoticesAction(input: unknown) {
  return run(noticesSchema, input, updateNotices, "签约须知和违约说明已保存");
}
export async function saveNumbersAction(input: unknown) {
  return run(numbersSchema, input, updateNumbers, "已保存；新的自动确认天数对此后用人单位签约的协议生效");
}
export async function publishTermsAction(input: unknown) {
  return run(termsSchema, input, publishTerms, "已发布新版本协议条款；此后提交的协议使用新版本");
}
export async function createStaffAction(input: unknown) {
  return run(staffAccountSchema, input, createStaffAccount, "账号已创建");
}
export async function setStaffActiveAction(input: unknown) {
  return run(accountStatusSchema, input, (actor, d) => setStaffActive(actor, d.userId, d.active), "已更新账号状态");
}
export async function resetStaffPasswordAction(input: unknown) {
  return run(resetPasswordSchema, input, (actor, d) => resetStaffPassword(actor, d.userId, d.password), "密码已重置");
}
export async function saveCollegeAction(input: unknown) {
  return run(collegeSchema, input, saveCollege, "学院已保存");
}
export async function saveMajorAction(input: unknown) {
  return run(majorSchema, input, saveMajor, "专业已保存");
}
