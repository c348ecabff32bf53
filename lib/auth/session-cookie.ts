// Reads the request's session cookie (a next-auth JWT): the account (sub) and the
// server-side session (sid) it names, if it is genuine and unexpired. No database.
import { cookies } from "next/headers";
import { SESSION_COOKIE_NAMES } from "./auth-config";
import { sessionTokenClaims, type SessionClaims } from "./session-token";

export async function sessionCookieClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const name = SESSION_COOKIE_NAMES.find((n) => jar.get(n));
  const secret = process.env.AUTH_SECRET;
  if (!name || !secret) return null;
  return sessionTokenClaims(jar.get(name)!.value, secret, name);
}
