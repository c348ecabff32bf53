import { AppError } from "@/lib/errors";

/** The AppError a promise is refused with (any other error is rethrown; no refusal fails the test). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}
