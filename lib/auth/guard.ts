// Server-side guards: every page, server action and route handler goes through one of
// these. Each reads the session cookie, then the server-side session by primary key
// (lib/auth/sessions.ts), once per request: a session ended by 退出, a disabled account or a
// password reset is refused everywhere at once, and the actor is the account as it is now.
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { currentRequestContext } from "./request-context";
import type { Actor } from "./roles";
import { sessionCookieClaims } from "./session-cookie";
import { loadLiveSession, type LiveSession } from "./sessions";

export const PASSWORD_PAGE = "/account/password";

/** The live session of this request, or null (no cookie, forged, expired, or ended on the server). */
export const currentSession = cache(async (): Promise<LiveSession | null> => {
  const claims = await sessionCookieClaims();
  if (!claims) return null;
  const session = await loadLiveSession(claims.sid);
  return session && session.user.id === claims.sub ? session : null;
});

function actorOf(session: LiveSession, context: Awaited<ReturnType<typeof currentRequestContext>>): Actor {
  const { user } = session;
  return {
    userId: user.id,
    role: user.role,
    name: user.name,
    collegeId: user.collegeId,
    employerId: user.employerId,
    auth: { sessionId: session.sessionId, method: session.method, authenticatedAt: session.authenticatedAt, ...context },
  };
}

/**
 * The session and its actor, read once. React's cache() shares it between a page's layout
 * and its components; a server action is no render, there it is a plain call — so every
 * guard below reads it once and takes both from it.
 */
const currentSessionAndActor = cache(async (): Promise<{ session: LiveSession; actor: Actor } | null> => {
  const session = await currentSession();
  if (!session) return null;
  return { session, actor: actorOf(session, await currentRequestContext()) };
});

export const currentActor = async (): Promise<Actor | null> => (await currentSessionAndActor())?.actor ?? null;

/** A password set by someone else must be changed before anything else (SSO sessions need no password). */
function mustChangePassword(session: LiveSession | null): boolean {
  return !!session && session.method === "PASSWORD" && session.user.mustChangePassword;
}

/** For pages: a signed-out visitor goes to the login page, a wrong role gets 无权访问 (403). */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const current = await currentSessionAndActor();
  if (!current) redirect("/login");
  if (mustChangePassword(current.session)) redirect(PASSWORD_PAGE);
  if (!roles.includes(current.actor.role)) forbidden();
  return current.actor;
}

/** For the account's own pages (修改密码): any signed-in person, also before the first change. */
export async function requireSignedIn(): Promise<{ actor: Actor; session: LiveSession }> {
  const current = await currentSessionAndActor();
  if (!current) redirect("/login");
  return current;
}

/** For the actions of one's own account (修改密码, step-up): any signed-in person, also before the first change. */
export async function requireAccountOwner(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}

/** For server actions and route handlers: throws AppError instead of rendering. */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const current = await currentSessionAndActor();
  if (!current) throw new AppError("UNAUTHENTICATED");
  if (mustChangePassword(current.session)) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  if (!roles.includes(current.actor.role)) throw new AppError("FORBIDDEN");
  return current.actor;
}

export { requireRecentAuth } from "./step-up";
