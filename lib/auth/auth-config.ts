// The session cookie: a next-auth JWT that carries only the account id (sub), the
// server-side session's id (sid) and that session's absolute end (sx). It is written at
// sign-in and never re-issued with a later end: every check of whether the session is still
// live reads the UserSession row (lib/auth/sessions.ts), not the cookie.
import type { NextAuthConfig } from "next-auth";
import { encode as encodeJwt, type JWTEncodeParams } from "next-auth/jwt";
import { SESSION_ABSOLUTE_HOURS } from "./sessions-policy";

export const SESSION_MAX_AGE_SECONDS = SESSION_ABSOLUTE_HOURS * 60 * 60;

/** next-auth's cookie names on plain http and on https. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Encodes the token with an expiry that never moves past the session's absolute end. */
async function encode(params: JWTEncodeParams) {
  const end = typeof params.token?.sx === "number" ? params.token.sx : null;
  const maxAge = end === null ? params.maxAge : Math.max(1, end - Math.floor(Date.now() / 1000));
  return encodeJwt({ ...params, maxAge });
}

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { encode },
  providers: [],
} satisfies NextAuthConfig;
