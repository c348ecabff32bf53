// The one wrapper every workflow server action uses: who may call it, input parsed with
// the form's own zod schema, one service call, AppError → zh-CN message. Never a 500
// for bad input, never a partial write (the services are transactional).
import type { z } from "zod";
import { requireActor } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { actionError, invalidInput, zodFieldErrors, type ActionResult } from "@/lib/action-result";
import type { TransitionRecord } from "./engine";

export type TransitionSummary = { agreementId: string; version: number; status: string };

export function summary(r: TransitionRecord): TransitionSummary {
  return { agreementId: r.agreementId, version: r.version, status: r.to };
}

export async function guardedAction<S extends z.ZodType, T>(
  roles: Role[],
  schema: S,
  input: unknown,
  run: (actor: Actor, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor(...roles);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      // actions parse { ref, form }: a field error belongs to the form's own field name
      const fieldErrors = Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [k.replace(/^form\./, ""), v]));
      return { ...invalidInput(parsed.error), fieldErrors } as ActionResult<T>;
    }
    return { ok: true, data: await run(actor, parsed.data) };
  } catch (error) {
    return actionError(error);
  }
}
