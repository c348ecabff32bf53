"use server";

import { registerEmployer } from "@/lib/employers/register";
import { employerRegistrationSchema } from "@/lib/employers/schemas";
import { serverAction } from "@/lib/server-action";

/** Public: no sign-in. The unit is created 待审核 and can sign once the office approves it. */
export const registerEmployerAction = serverAction({
  roles: "public",
  schema: employerRegistrationSchema,
  run: async (_actor, d) => {
    await registerEmployer(d);
  },
  message: "注册成功，请等待就业处审核；审核通过后即可使用登录账号办理网上签约。",
});
