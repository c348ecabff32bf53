import { authEvidenceColumns } from "@/lib/auth/audit";
import type { ActorRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";

/** Who performs a transition: a signed-in person, or the scheduler. */
export type WorkflowActor = Omit<Actor, "role" | "userId"> & { role: ActorRole; userId: string | null };

export const SYSTEM_ACTOR: WorkflowActor = {
  userId: null,
  role: "SYSTEM",
  name: "系统自动确认",
  collegeId: null,
  employerId: null,
};

/**
 * The columns of an audit record that say who acted — the same for an agreement's event
 * (which adds actorName) and for an AuditLog row. The place where the request's context
 * (actor.auth: how the person authenticated, when, the session, IP, user agent) becomes
 * columns (actorAuthMethod, actorAuthAt, actorSessionId, actorIp, actorUserAgent).
 */
export function actorAuditColumns(actor: Pick<WorkflowActor, "userId" | "role" | "auth">) {
  return { actorId: actor.userId, actorRole: actor.role as ActorRole, ...authEvidenceColumns(actor.auth) };
}
