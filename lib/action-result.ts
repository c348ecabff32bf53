// The one way every server action turns a thrown error into what a form shows: an AppError
// becomes its zh-CN message (and field errors); anything else is logged and reported as
// 服务暂时不可用 — never a 500 page for bad input.
import type { z } from "zod";
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors";

/** The refusals a form answers with a step of its own rather than a message (re-enter the password, change it first). */
export type ActionStepCode = Extract<ErrorCode, "REAUTH_REQUIRED" | "PASSWORD_CHANGE_REQUIRED">;

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; code?: ActionStepCode };

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function invalidInput(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: ERROR_CODES.INVALID_INPUT, fieldErrors: zodFieldErrors(error) };
}

export function actionError(error: unknown): ActionResult<never> {
  if (error instanceof AppError) {
    const step = error.code === "REAUTH_REQUIRED" || error.code === "PASSWORD_CHANGE_REQUIRED" ? { code: error.code } : {};
    return { ok: false, error: error.message, fieldErrors: error.fieldErrors, ...step };
  }
  console.error(error);
  return { ok: false, error: ERROR_CODES.UNAVAILABLE };
}
