"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/guard";
import { updateEmployerProfile } from "@/lib/employers/profile";
import { addEmployerStaff } from "@/lib/employers/register";
import { employerStaffSchema, unitProfileSchema } from "@/lib/employers/schemas";
import { actionError, invalidInput, type ActionResult } from "@/lib/action-result";

export async function updateProfileAction(input: unknown): Promise<ActionResult> {
  const parsed = unitProfileSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireActor("EMPLOYER");
    const { resubmitted } = await updateEmployerProfile(actor, parsed.data);
    revalidatePath("/employer/profile");
    return { ok: true, message: resubmitted ? "单位信息已保存并重新提交就业处审核" : "单位信息已保存，之后签约时将以此为默认信息" };
  } catch (error) {
    return actionError(error);
  }
}

export async function addStaffAction(input: unknown): Promise<ActionResult> {
  const parsed = employerStaffSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireActor("EMPLOYER");
    await addEmployerStaff(actor, parsed.data);
    revalidatePath("/employer/profile");
    return { ok: true, message: `已添加经办人账号 ${parsed.data.username}` };
  } catch (error) {
    return actionError(error);
  }
}
