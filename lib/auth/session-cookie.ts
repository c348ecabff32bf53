// Reads the request's session cookie (a next-auth JWT): the account (sub) and the
// server-side session (sid) it names, if it is genuine and unexpired. No database.
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { SESSION_COOKIE_NAMES } from "./auth-config";

export async function sessionCookieClaims(): Promise<{ sub: string; sid: string } | null> {
  const jar = await cookies();
  const name = SESSION_COOKIE_NAMES.find((n) => jar.get(n));
  const secret = process.env.AUTH_SECRET;
  if (!name || !secret) return null;
  const payload = await decode({ token: jar.get(name)!.value, secret, salt: name }).catch(() => null);
  return payload && typeof payload.sid === "string" && typeof payload.sub === "string" ? { sub: payload.sub, sid: payload.sid } : null;
}
