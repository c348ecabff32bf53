// AppError → HTTP status for the PDF route (403 for anything a person may not print).
import type { ErrorCode } from "@/lib/errors";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 403, // never reveal whether someone else's agreement exists
  INVALID_INPUT: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  GUARD_FAILED: 409,
  THROTTLED: 429,
  UNAVAILABLE: 503,
};
