import { handlers } from "@/lib/auth/auth";
import { AUTH_BODY_BYTES } from "@/lib/http/limits";
import { withBodyLimit } from "@/lib/http/request";

// next-auth's own endpoints (session, CSRF, sign-out) take small forms only.
export const GET = handlers.GET;
export const POST = withBodyLimit(AUTH_BODY_BYTES, handlers.POST);
