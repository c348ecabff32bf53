// The session cookie's token (a next-auth JWT, encrypted: HKDF key derivation + AES + HMAC
// on every decode) read once per process for each token: the proxy, every page, action and
// route handler ask for the claims of the same cookie again and again. The cache only saves
// the decryption — a token is immutable, its claims are what the cookie says — and it keeps
// the token's own expiry; whether the session it names is still live is always read from the
// database (lib/auth/sessions.ts). A token that does not decode is never remembered.
import { decode } from "next-auth/jwt";

export type SessionClaims = { sub: string; sid: string };

type Entry = SessionClaims & { exp: number };

/** Tokens remembered per process (oldest forgotten first): ~200 bytes each. */
const MAX_TOKENS = 20_000;
/** next-auth's own leeway on `exp`. */
const CLOCK_TOLERANCE_S = 15;

const decoded = new Map<string, Entry>();
let keyedBy: string | null = null;

export async function sessionTokenClaims(token: string, secret: string, salt: string, now = Date.now()): Promise<SessionClaims | null> {
  if (keyedBy !== secret) {
    decoded.clear();
    keyedBy = secret;
  }
  const key = `${salt}\u0000${token}`;
  const hit = decoded.get(key);
  if (hit) {
    if ((hit.exp + CLOCK_TOLERANCE_S) * 1000 > now) return { sub: hit.sub, sid: hit.sid };
    decoded.delete(key);
    return null;
  }
  const payload = await decode({ token, secret, salt }).catch(() => null);
  if (!payload || typeof payload.sid !== "string" || typeof payload.sub !== "string" || typeof payload.exp !== "number") return null;
  if (decoded.size >= MAX_TOKENS) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, { sub: payload.sub, sid: payload.sid, exp: payload.exp });
  return { sub: payload.sub, sid: payload.sid };
}
