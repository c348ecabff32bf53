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

export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  if (!session) return null;
  const { user } = session;
  const context = await currentRequestContext();
  return {
    userId: user.id,
    role: user.role,
    name: user.name,
    collegeId: user.collegeId,
    employerId: user.employerId,
    auth: { sessionId: session.sessionId, method: session.method, authenticatedAt: session.authenticatedAt, ...context },
  };
});

/** A password set by someone else must be changed before anything else (SSO sessions need no password). */
function mustChangePassword(session: LiveSession | null): boolean {
  return !!session && session.method === "PASSWORD" && session.user.mustChangePassword;
}

/** For pages: a signed-out visitor goes to the login page, a wrong role gets 无权访问 (403). */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (mustChangePassword(await currentSession())) redirect(PASSWORD_PAGE);
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}

/** For the account's own pages (修改密码): any signed-in person, also before the first change. */
export async function requireSignedIn(): Promise<{ actor: Actor; session: LiveSession }> {
  const [actor, session] = await Promise.all([currentActor(), currentSession()]);
  if (!actor || !session) redirect("/login");
  return { actor, session };
}

/** For the actions of one's own account (修改密码, step-up): any signed-in person, also before the first change. */
export async function requireAccountOwner(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}

/** For server actions and route handlers: throws AppError instead of rendering. */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (mustChangePassword(await currentSession())) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN");
  return actor;
}

export { requireRecentAuth } from "./step-up";
