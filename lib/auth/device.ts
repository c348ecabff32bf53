// "This browser has signed into this account before": a cookie holding the account ids it
// signed into, signed with AUTH_SECRET (HMAC). It only exempts the browser from the
// account-wide guess counter (lib/auth/throttle.ts); it signs nobody in.
import { createHmac, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "wq-device";
export const DEVICE_COOKIE_DAYS = 90;
const MAX_ACCOUNTS = 5;

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET 未设置");
  return s;
}

function mac(body: string): string {
  return createHmac("sha256", secret()).update(`wq-device:${body}`).digest("base64url");
}

/** The account ids a device cookie vouches for (none when absent, forged or expired). */
export function deviceAccounts(cookie: string | undefined, now = Date.now()): string[] {
  if (!cookie) return [];
  const [body, sig] = cookie.split(".");
  if (!body || !sig) return [];
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  try {
    const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { u?: unknown; t?: unknown };
    if (typeof parsed.t !== "number" || now - parsed.t > DEVICE_COOKIE_DAYS * 86_400_000) return [];
    return Array.isArray(parsed.u) ? parsed.u.filter((u): u is string => typeof u === "string").slice(0, MAX_ACCOUNTS) : [];
  } catch {
    return [];
  }
}

/** The cookie value after `userId` signed in on this device. */
export function deviceCookieWith(existing: string | undefined, userId: string, now = Date.now()): string {
  const accounts = [userId, ...deviceAccounts(existing, now).filter((u) => u !== userId)].slice(0, MAX_ACCOUNTS);
  const body = Buffer.from(JSON.stringify({ u: accounts, t: now })).toString("base64url");
  return `${body}.${mac(body)}`;
}
