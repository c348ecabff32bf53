// The evidence of how an act was authenticated, as the audit trail stores it (the
// AgreementEvent columns actorAuthMethod, actorAuthAt, actorSessionId, actorIp,
// actorUserAgent). Empty for acts with no signed-in person (the scheduler, scripts).
import type { ActorAuth } from "./roles";

export function authEvidenceColumns(auth: ActorAuth | undefined) {
  if (!auth) return {};
  return {
    actorAuthMethod: auth.method,
    actorAuthAt: auth.authenticatedAt,
    actorSessionId: auth.sessionId,
    actorIp: auth.ip,
    actorUserAgent: auth.userAgent,
  };
}
