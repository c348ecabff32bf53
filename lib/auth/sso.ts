// 统一身份认证: the university's OpenID Connect provider, configured by env. A person who
// signs in there is matched to an existing account by the claim that carries their 学号 /
// 工号 (OIDC_USERNAME_CLAIM, default preferred_username); nobody is created, and units keep
// password sign-in.
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const SSO_PROVIDER_ID = "oidc";
export const SSO_LABEL = "统一身份认证登录";
/** Where an authenticated person with no account here is sent. */
export const SSO_NO_ACCOUNT_PATH = "/login/no-account";

export type SsoConfig = { issuer: string; clientId: string; clientSecret: string; usernameClaim: string };

export function ssoConfig(env: NodeJS.ProcessEnv = process.env): SsoConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, usernameClaim: env.OIDC_USERNAME_CLAIM?.trim() || "preferred_username" };
}

export function isSsoEnabled(): boolean {
  return ssoConfig() !== null;
}

/** The 学号/工号 the provider vouches for, or null. */
export function ssoUsernameOf(profile: Record<string, unknown> | undefined, claim: string): string | null {
  const value = profile?.[claim];
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  return text && text.length <= 100 ? text : null;
}

const SSO_ROLES: Role[] = ["STUDENT", "COUNSELOR", "OFFICE"];

/** The active student or staff account with this username (units never sign in by SSO). */
export async function findSsoAccount(username: string) {
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, role: true, active: true } });
  return user && user.active && SSO_ROLES.includes(user.role) ? user : null;
}

/** When the provider says the person authenticated (auth_time), else now. */
export function ssoAuthenticatedAt(profile: Record<string, unknown> | undefined, now = new Date()): Date {
  const t = profile?.auth_time;
  return typeof t === "number" && Number.isFinite(t) && t * 1000 <= now.getTime() + 60_000 ? new Date(Math.min(t * 1000, now.getTime())) : now;
}
