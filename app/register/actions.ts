"use server";

import { currentRequestContext } from "@/lib/auth/request-context";
import { REGISTERED_MESSAGE, registerEmployer } from "@/lib/employers/register";
import { employerRegistrationSchema } from "@/lib/employers/schemas";
import { serverAction } from "@/lib/server-action";

/**
 * Public: no sign-in. The unit is created 待审核 and can sign once the office approves it.
 * The answer is the same whether or not the login name was free (its owner gets an e-mail):
 * nothing of the service's result goes back.
 */
export const registerEmployerAction = serverAction({
  roles: "public",
  schema: employerRegistrationSchema,
  run: async (_actor, d) => {
    await registerEmployer(d, await currentRequestContext());
  },
  message: REGISTERED_MESSAGE,
});
