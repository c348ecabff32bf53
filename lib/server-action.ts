// The one builder of every server action: who may call it (a live session of one of its
// roles — for a workflow step, the roles of its row in the transition table), the input
// parsed with the form's own zod schema, one service call, the result or the AppError as a
// zh-CN ActionResult. Never a 500 for bad input, never a partial write (the services are
// transactional). Used in "use server" files:
//   export const signAction = transitionAction("sign", { schema, input: (ref, form) => ({ ref, form }), run });
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireAccountOwner, requireActor, requireRecentAuth } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { actionError, zodFieldErrors, type ActionResult } from "@/lib/action-result";
import { ERROR_CODES } from "@/lib/errors";
import type { TransitionRecord } from "@/lib/workflow/engine";
import { peopleWhoMay, type WorkflowAction } from "@/lib/workflow/transitions";

/** Everyone who signs in. */
export const EVERY_ROLE = ["STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE"] as const satisfies readonly Role[];

export type ActionSpec<S extends z.ZodType, T, A extends unknown[]> = {
  /**
   * who may call it; "public" = no sign-in (用人单位注册); "self" = anyone signed in, about
   * their own account, also before their first password change (修改密码, step-up)
   */
  roles: readonly Role[] | "public" | "self";
  schema: S;
  /** the call's arguments as the object the schema parses (default: the first argument) */
  input?: (...args: A) => unknown;
  run: (actor: Actor | null, data: z.output<S>) => Promise<T>;
  /** the success message the form shows */
  message?: string | ((result: T) => string);
  /** pages whose data the action changed */
  revalidate?: { path: string; type?: "layout" | "page" };
  /** where to go after success (thrown by next/navigation outside the error mapping) */
  redirectTo?: (result: T) => string;
  /** a signing act: the person must have authenticated in the last 10 minutes (lib/auth/step-up.ts) */
  stepUp?: boolean;
};

// actions parse { ref, form }: a field error belongs to the form's own field name
function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(Object.entries(zodFieldErrors(error)).map(([k, v]) => [k.replace(/^form\./, ""), v]));
}

export function serverAction<S extends z.ZodType, T, A extends unknown[] = [unknown]>(spec: ActionSpec<S, T, A>): (...args: A) => Promise<ActionResult<T>> {
  return async (...args: A): Promise<ActionResult<T>> => {
    let result: T;
    try {
      const actor = spec.roles === "public" ? null : spec.roles === "self" ? await requireAccountOwner() : await requireActor(...spec.roles);
      if (spec.stepUp && actor) requireRecentAuth(actor);
      const parsed = spec.schema.safeParse(spec.input ? spec.input(...args) : args[0]);
      if (!parsed.success) return { ok: false, error: ERROR_CODES.INVALID_INPUT, fieldErrors: fieldErrorsOf(parsed.error) };
      result = await spec.run(actor, parsed.data);
    } catch (error) {
      return actionError(error);
    }
    if (spec.revalidate) revalidatePath(spec.revalidate.path, spec.revalidate.type);
    if (spec.redirectTo) redirect(spec.redirectTo(result));
    const message = typeof spec.message === "function" ? spec.message(result) : spec.message;
    return { ok: true, data: result, ...(message ? { message } : {}) };
  };
}

type SignedInSpec<S extends z.ZodType, T, A extends unknown[]> = Omit<ActionSpec<S, T, A>, "roles" | "run"> & {
  run: (actor: Actor, data: z.output<S>) => Promise<T>;
};

/** A server action for people of `roles` (the actor is always there). */
export function signedInAction<S extends z.ZodType, T, A extends unknown[] = [unknown]>(
  roles: readonly Role[],
  spec: SignedInSpec<S, T, A>,
): (...args: A) => Promise<ActionResult<T>> {
  return serverAction({ ...spec, roles, run: (actor, data) => spec.run(actor!, data) });
}

/** The server action of a workflow step: its roles are the table's (TRANSITIONS[action].roles). */
export function transitionAction<S extends z.ZodType, T, A extends unknown[] = [unknown]>(
  action: WorkflowAction,
  spec: SignedInSpec<S, T, A>,
): (...args: A) => Promise<ActionResult<T>> {
  return signedInAction(peopleWhoMay(action), spec);
}

export type TransitionSummary = { agreementId: string; version: number; status: string };

/** What a step's server action tells the page: the agreement, its new version and status. */
export function summary(r: TransitionRecord): TransitionSummary {
  return { agreementId: r.agreementId, version: r.version, status: r.to };
}
