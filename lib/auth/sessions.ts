// Server-side sessions. The session cookie (a next-auth JWT) names one UserSession row; every
// page, server action and route handler reads that row by primary key (with its user) and
// refuses the request unless the session is live: not ended (退出, disabled account, password
// reset or change), younger than its absolute lifetime, used within the idle timeout, and
// its account active. The row also says how and when the person last proved who they are
// (step-up before signing acts reads it).
import { addHours } from "date-fns";
import { prisma, type Db } from "@/lib/db/client";
import type { AuthMethod, Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "./request-context";

import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES, SESSION_TOUCH_MINUTES, STEP_UP_MINUTES } from "./sessions-policy";

export { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES, SESSION_TOUCH_MINUTES, STEP_UP_MINUTES };

export type RevokeReason = "signout" | "disabled" | "passwordReset" | "passwordChanged" | "superseded";

export type LiveSession = {
  sessionId: string;
  method: AuthMethod;
  authenticatedAt: Date;
  user: {
    id: string;
    username: string;
    role: Role;
    name: string;
    collegeId: string | null;
    employerId: string | null;
    mustChangePassword: boolean;
    hasPassword: boolean;
  };
};

export async function createSession(
  input: { userId: string; method: AuthMethod; authenticatedAt?: Date; context: RequestContext },
  now = new Date(),
  db: Db | Prisma.TransactionClient = prisma,
): Promise<{ id: string; expiresAt: Date }> {
  return db.userSession.create({
    data: {
      userId: input.userId,
      authMethod: input.method,
      authenticatedAt: input.authenticatedAt && input.authenticatedAt <= now ? input.authenticatedAt : now,
      createdAt: now,
      expiresAt: addHours(now, SESSION_ABSOLUTE_HOURS),
      lastSeenAt: now,
      ip: input.context.ip,
      userAgent: input.context.userAgent,
    },
    select: { id: true, expiresAt: true },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SessionRow = {
  authMethod: AuthMethod;
  authenticatedAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  id: string;
  username: string;
  role: Role;
  name: string;
  collegeId: string | null;
  employerId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  hasPassword: boolean;
};

/**
 * The session if it is live, else null. One statement: the session by primary key joined
 * with its account (plus a touch every few minutes) — every request makes it.
 */
export async function loadLiveSession(sessionId: string, now = new Date(), db: Db = prisma): Promise<LiveSession | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."authMethod"::text AS "authMethod", s."authenticatedAt", s."expiresAt", s."lastSeenAt", s."revokedAt",
      u.id::text AS id, u.username, u.role::text AS role, u.name, u."collegeId"::text AS "collegeId", u."employerId"::text AS "employerId",
      u.active, u."mustChangePassword", u."passwordHash" IS NOT NULL AS "hasPassword"
    FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::uuid`;
  if (!row || row.revokedAt || !row.active) return null;
  if (row.expiresAt <= now) return null;
  const idleSince = now.getTime() - row.lastSeenAt.getTime();
  if (idleSince > SESSION_IDLE_MINUTES * 60_000) return null;
  if (idleSince > SESSION_TOUCH_MINUTES * 60_000) {
    await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  const { id, username, role, name, collegeId, employerId, mustChangePassword, hasPassword } = row;
  return {
    sessionId,
    method: row.authMethod,
    authenticatedAt: row.authenticatedAt,
    user: { id, username, role, name, collegeId, employerId, mustChangePassword, hasPassword },
  };
}

/** Ends one session (退出). */
export async function revokeSession(sessionId: string, reason: RevokeReason, now = new Date(), db: Db = prisma) {
  if (!UUID.test(sessionId)) return;
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
}

/** Ends every session of an account (disabled, password reset or changed). Returns how many were live. */
export async function revokeUserSessions(
  userId: string,
  reason: RevokeReason,
  now = new Date(),
  db: Db | Prisma.TransactionClient = prisma,
): Promise<number> {
  const { count } = await db.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  return count;
}

/** The person proved again who they are (re-entered password): signing acts are open for STEP_UP_MINUTES. */
export async function markReauthenticated(sessionId: string, now = new Date(), db: Db = prisma) {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { authenticatedAt: now, lastSeenAt: now } });
}

export function isRecentlyAuthenticated(session: Pick<LiveSession, "authenticatedAt">, now = new Date()): boolean {
  const age = now.getTime() - session.authenticatedAt.getTime();
  return age >= -60_000 && age <= STEP_UP_MINUTES * 60_000;
}
