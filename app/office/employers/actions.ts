"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/guard";
import { approveEmployer, rejectEmployer } from "@/lib/employers/review";
import { employerApproveSchema, employerRejectSchema } from "@/lib/employers/schemas";
import { actionError, invalidInput, type ActionResult } from "@/lib/action-result";

export async function approveEmployerAction(input: unknown): Promise<ActionResult> {
  const parsed = employerApproveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireActor("OFFICE");
    await approveEmployer(actor, parsed.data.employerId);
    revalidatePath("/office/employers");
    return { ok: true, message: "已审核通过，该单位现在可以被毕业生选择并办理网上签约" };
  } catch (error) {
    return actionError(error);
  }
}

export async function rejectEmployerAction(input: unknown): Promise<ActionResult> {
  const parsed = employerRejectSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireActor("OFFICE");
    await rejectEmployer(actor, parsed.data.employerId, parsed.data.reason);
    revalidatePath("/office/employers");
    return { ok: true, message: "已标记为审核不通过，原因已告知该单位" };
  } catch (error) {
    return actionError(error);
  }
}
