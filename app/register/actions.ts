"use server";

import { registerEmployer } from "@/lib/employers/register";
import { employerRegistrationSchema } from "@/lib/employers/schemas";
import { actionError, invalidInput, type ActionResult } from "@/lib/action-result";

/** Public: no sign-in. The unit is created 待审核 and can sign once the office approves it. */
export async function registerEmployerAction(input: unknown): Promise<ActionResult> {
  const parsed = employerRegistrationSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await registerEmployer(parsed.data);
    return { ok: true, message: "注册成功，请等待就业处审核；审核通过后即可使用登录账号办理网上签约。" };
  } catch (error) {
    return actionError(error);
  }
}
