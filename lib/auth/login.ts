// Checks a sign-in and throttles repeated failures per account name (whether or not the
// account exists, so the throttle tells nobody which names are real).
import { compare } from "bcryptjs";
import { addMinutes } from "date-fns";
import { prisma } from "@/lib/db/client";
import { ROLE_HOME, ROLE_PREFIX, type Actor } from "./roles";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export type LoginResult = { ok: true; actor: Actor } | { ok: false; reason: "invalid" | "throttled"; retryAt?: Date };

// A hash of a random password: comparing against it costs what a real comparison costs,
// so an unknown account name answers as slowly as a wrong password.
const DUMMY_HASH = "$2b$10$131s.KplLg5DEvjIw.QsyujEfSApUqDzL96/uSHR085IDGUHDBze6";

export async function verifyLogin(rawUsername: string, password: string, now = new Date()): Promise<LoginResult> {
  const username = rawUsername.trim();
  const throttle = await prisma.loginThrottle.findUnique({ where: { username } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    return { ok: false, reason: "throttled", retryAt: throttle.lockedUntil };
  }
  const user = await prisma.user.findUnique({ where: { username } });
  // a graduate's initial password is the 身份证号's tail, stored with an upper-case X: the x
  // a person types in lower case is the same character
  const valid =
    (await compare(password, user?.passwordHash ?? DUMMY_HASH)) ||
    (user?.role === "STUDENT" && /x$/.test(password) && (await compare(password.replace(/x$/, "X"), user.passwordHash)));
  if (!user || !valid || !user.active) {
    await recordFailure(username, now);
    return { ok: false, reason: "invalid" };
  }
  await prisma.$transaction([
    prisma.loginThrottle.deleteMany({ where: { username } }),
    prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
  ]);
  return {
    ok: true,
    actor: { userId: user.id, role: user.role, name: user.name, collegeId: user.collegeId, employerId: user.employerId },
  };
}

async function recordFailure(username: string, now: Date) {
  const windowStart = addMinutes(now, -FAILURE_WINDOW_MINUTES);
  // One statement, so concurrent failures all count.
  await prisma.$executeRaw`
    INSERT INTO "LoginThrottle" ("username", "failures", "firstFailAt")
    VALUES (${username}, 1, ${now}::timestamp)
    ON CONFLICT ("username") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."firstFailAt" < ${windowStart}::timestamp THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "firstFailAt" = CASE WHEN "LoginThrottle"."firstFailAt" < ${windowStart}::timestamp THEN ${now}::timestamp ELSE "LoginThrottle"."firstFailAt" END,
      "lockedUntil" = CASE WHEN "LoginThrottle"."firstFailAt" >= ${windowStart}::timestamp AND "LoginThrottle"."failures" + 1 >= ${MAX_FAILURES}
                           THEN ${addMinutes(now, LOCK_MINUTES)}::timestamp ELSE NULL END`;
}

/** Where a person goes after signing in: the asked-for page if it is in their own area, else their home. */
export async function landingPath(username: string, callbackUrl?: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { username: username.trim() }, select: { role: true } });
  if (!user) return "/";
  const own = callbackUrl && callbackUrl.startsWith(ROLE_PREFIX[user.role]) && !callbackUrl.startsWith("//");
  return own ? callbackUrl : ROLE_HOME[user.role];
}
