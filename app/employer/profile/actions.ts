"use server";

import { z } from "zod";
import { resetAccountPassword, setAccountActive } from "@/lib/auth/account-admin";
import { updateEmployerProfile } from "@/lib/employers/profile";
import { addEmployerStaff } from "@/lib/employers/register";
import { employerStaffSchema, unitProfileUpdateSchema } from "@/lib/employers/schemas";
import { signedInAction } from "@/lib/server-action";

export const updateProfileAction = signedInAction(["EMPLOYER"], {
  schema: unitProfileUpdateSchema,
  run: (actor, d) => updateEmployerProfile(actor, d),
  message: ({ resubmitted, changeRequested }) =>
    resubmitted
      ? "单位信息已保存并重新提交就业处审核"
      : changeRequested
        ? "单位信息已保存；单位名称、统一社会信用代码、单位性质的变更已提交就业处审核，审核通过前仍以原信息签约"
        : "单位信息已保存，之后签约时将以此为默认信息",
  revalidate: { path: "/employer/profile" },
});

/** 添加经办人 (the unit's administrator): the new account's initial password is shown once. */
export const addStaffAction = signedInAction(["EMPLOYER"], {
  schema: employerStaffSchema,
  run: async (actor, d) => {
    const { username, initialPassword } = await addEmployerStaff(actor, d);
    return { username, initialPassword };
  },
  message: ({ username }) => `已添加经办人账号 ${username}`,
  revalidate: { path: "/employer/profile" },
});

const staffRef = z.object({ userId: z.uuid({ error: "账号无效" }) });

/** The administrator resets one of its unit's staff (a new initial password, shown once). */
export const resetStaffPasswordAction = signedInAction(["EMPLOYER"], {
  schema: staffRef,
  run: (actor, d) => resetAccountPassword(actor, d.userId),
  message: "密码已重置",
  revalidate: { path: "/employer/profile" },
});

/** The administrator disables (ending its sessions) or enables one of its unit's staff. */
export const setStaffActiveAction = signedInAction(["EMPLOYER"], {
  schema: staffRef.extend({ active: z.boolean() }),
  run: async (actor, d) => {
    await setAccountActive(actor, d.userId, d.active);
    return { active: d.active };
  },
  message: ({ active }) => (active ? "已启用" : "已停用，该账号已退出所有登录"),
  revalidate: { path: "/employer/profile" },
});
