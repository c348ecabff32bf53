"use server";

import type { z } from "zod";
import { resetAccountPassword, setAccountActive } from "@/lib/auth/account-admin";
import type { Actor } from "@/lib/auth/roles";
import { signedInAction } from "@/lib/server-action";
import {
  accountStatusSchema,
  collegeSchema,
  majorSchema,
  noticesSchema,
  numbersSchema,
  paperFormSchema,
  signingModeSchema,
  resetPasswordSchema,
  staffAccountSchema,
  termsSchema,
} from "@/lib/settings/schemas";
import {
  createStaffAccount,
  publishTerms,
  saveCollege,
  saveMajor,
  updateNotices,
  updateNumbers,
} from "@/lib/settings/service";
import { setSigningMode, updatePaperFormSettings } from "@/lib/settings/paperless";

const settingsAction = <S extends z.ZodType>(schema: S, service: (actor: Actor, data: z.output<S>) => Promise<unknown>, message: string) =>
  signedInAction(["OFFICE"], {
    schema,
    run: async (actor, data) => {
      await service(actor, data);
    },
    message,
    revalidate: { path: "/office/settings", type: "layout" },
  });

export const saveNoticesAction = settingsAction(noticesSchema, updateNotices, "签约须知和违约说明已保存");
export const saveNumbersAction = settingsAction(numbersSchema, updateNumbers, "已保存；新的自动确认天数对此后用人单位签约的协议生效");
export const publishTermsAction = settingsAction(termsSchema, publishTerms, "已发布新版本协议条款；此后提交的协议使用新版本");
/** A counselor or office account; its random initial password is shown once. */
export const createStaffAction = signedInAction(["OFFICE"], {
  schema: staffAccountSchema,
  run: async (actor, d) => {
    const { username, initialPassword } = await createStaffAccount(actor, d);
    return { username, initialPassword };
  },
  message: "账号已创建",
  revalidate: { path: "/office/settings", type: "layout" },
});
/** 停用/启用 any account (staff, a unit's staff, a graduate); disabling ends its sessions. */
export const setAccountActiveAction = settingsAction(accountStatusSchema, (actor, d) => setAccountActive(actor, d.userId, d.active), "已更新账号状态");
/** 重置密码 of any account: a new initial password, shown once; the old one and every session end. */
export const resetAccountPasswordAction = signedInAction(["OFFICE"], {
  schema: resetPasswordSchema,
  run: (actor, d) => resetAccountPassword(actor, d.userId),
  message: "密码已重置，原密码已失效，该账号已退出所有登录",
  revalidate: { path: "/office", type: "layout" },
});
export const saveCollegeAction = settingsAction(collegeSchema, saveCollege, "学院已保存");
export const saveMajorAction = settingsAction(majorSchema, saveMajor, "专业已保存");
export const setSigningModeAction = settingsAction(signingModeSchema, setSigningMode, "已保存签约方式；此后提交的协议按新方式办理，已提交的协议不变");
export const savePaperFormAction = settingsAction(paperFormSchema, updatePaperFormSettings, "已保存");
