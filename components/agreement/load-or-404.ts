import { notFound } from "next/navigation";
import type { WorkflowActor } from "@/lib/workflow/actor";
import { isAppError } from "@/lib/errors";
import { getAgreementForActor } from "@/lib/workflow/queries";

/** For detail pages: someone else's (or a missing) agreement is simply not found. */
export async function loadAgreementOr404(actor: WorkflowActor, id: string) {
  try {
    return await getAgreementForActor(actor, id);
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}
