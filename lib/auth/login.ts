// Checks a password sign-in. Every attempt is counted before the password is looked at
// (lib/auth/throttle.ts), and every attempt that is counted costs exactly one bcrypt
// comparison at the same cost — a wrong password, an unknown account, a disabled account
// and an account that only has an initial password all take the same time and get the same
// answer ("invalid").
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { passwordMatches } from "./passwords";
import type { RequestContext } from "./request-context";
import { ROLE_HOME, ROLE_PREFIX } from "./roles";
import { admitLoginAttempt, loginSucceeded } from "./throttle";

export type LoginResult =
  | { ok: true; user: { id: string; role: Role; name: string; mustChangePassword: boolean } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Unit accounts are e-mail addresses, compared without case; 学号 and 工号 as typed. */
export function normalizeUsername(raw: string): string {
  const name = raw.trim().slice(0, 100);
  return name.includes("@") ? name.toLowerCase() : name;
}

export async function verifyLogin(
  input: { username: string; password: string; context: RequestContext; knownDeviceUserIds?: readonly string[] },
  now = new Date(),
): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const password = input.password.slice(0, 200);
  const user = await prisma.user.findUnique({
    where: { username },
    select: {
      id: true,
      role: true,
      name: true,
      active: true,
      passwordHash: true,
      initialPasswordHash: true,
      initialPasswordExpiresAt: true,
      mustChangePassword: true,
    },
  });
  const knownDevice = !!user && (input.knownDeviceUserIds ?? []).includes(user.id);
  const gate = await admitLoginAttempt({ username, ip: input.context.ip, knownDevice });
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };

  const matches = await passwordMatches(user, password, now);
  if (!user || !matches || !user.active) return { ok: false, reason: "invalid" };

  await loginSucceeded({ username, ip: input.context.ip, knownDevice });
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  return { ok: true, user: { id: user.id, role: user.role, name: user.name, mustChangePassword: user.mustChangePassword } };
}

/** Where a person goes after signing in: the asked-for page if it is in their own area, else their home. */
export function landingPathFor(role: Role, callbackUrl?: string): string {
  const own = callbackUrl && callbackUrl.startsWith(ROLE_PREFIX[role]) && !callbackUrl.startsWith("//");
  return own ? callbackUrl : ROLE_HOME[role];
}

/** The landing page of the account just signed in (the password page first when it must be changed). */
export async function landingPath(rawUsername: string, callbackUrl?: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { username: normalizeUsername(rawUsername) }, select: { role: true, mustChangePassword: true } });
  if (!user) return "/";
  if (user.mustChangePassword) return "/account/password";
  return landingPathFor(user.role, callbackUrl);
}
