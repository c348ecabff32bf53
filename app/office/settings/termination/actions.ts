"use server";

import { signedInAction } from "@/lib/server-action";
import { terminationExceptionSchema, terminationSettingsSchema } from "@/lib/termination/schemas";
import { grantTerminationException, updateTerminationSettings } from "@/lib/termination/settings";

/** 解约与签约邀请设置 */
export const saveTerminationSettingsAction = signedInAction(["OFFICE"], {
  schema: terminationSettingsSchema,
  run: async (actor, data) => {
    await updateTerminationSettings(actor, data);
  },
  message: "已保存解约与签约邀请设置",
  revalidate: { path: "/office/settings", type: "layout" },
});

/** 解约次数例外 */
export const grantTerminationExceptionAction = signedInAction(["OFFICE"], {
  schema: terminationExceptionSchema,
  run: (actor, data) => grantTerminationException(actor, data),
  message: (r) => `已为${r.studentName}增加一次本届解约机会`,
  revalidate: { path: "/office/settings/termination" },
});
