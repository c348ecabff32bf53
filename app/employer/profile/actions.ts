"use server";

import { updateEmployerProfile } from "@/lib/employers/profile";
import { addEmployerStaff } from "@/lib/employers/register";
import { employerStaffSchema, unitProfileSchema } from "@/lib/employers/schemas";
import { signedInAction } from "@/lib/server-action";

export const updateProfileAction = signedInAction(["EMPLOYER"], {
  schema: unitProfileSchema,
  run: (actor, d) => updateEmployerProfile(actor, d),
  message: ({ resubmitted }) => (resubmitted ? "单位信息已保存并重新提交就业处审核" : "单位信息已保存，之后签约时将以此为默认信息"),
  revalidate: { path: "/employer/profile" },
});

export const addStaffAction = signedInAction(["EMPLOYER"], {
  schema: employerStaffSchema,
  run: async (actor, d) => {
    await addEmployerStaff(actor, d);
    return { username: d.username };
  },
  message: ({ username }) => `已添加经办人账号 ${username}`,
  revalidate: { path: "/employer/profile" },
});
