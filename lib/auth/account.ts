// A person's own account: change the password (current one required, or — for an account
// that has only ever signed in by SSO — a fresh SSO sign-in), and re-enter it before a
// signing act (step-up). Every check of a password here is counted by the same throttle as
// the login page, so neither page can be used to guess.
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, passwordMatches, passwordProblem } from "./passwords";
import type { RequestContext } from "./request-context";
import type { Actor } from "./roles";
import { isRecentlyAuthenticated, markReauthenticated, revokeUserSessions, type LiveSession } from "./sessions";
import { admitLoginAttempt, loginSucceeded, retryText } from "./throttle";

type PasswordHolder = {
  id: string;
  username: string;
  passwordHash: string | null;
  initialPasswordHash: string | null;
  initialPasswordExpiresAt: Date | null;
};

async function holder(userId: string): Promise<PasswordHolder> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, passwordHash: true, initialPasswordHash: true, initialPasswordExpiresAt: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** Whether `password` is this account's password (or its unexpired initial one); counted as a guess. */
async function checkOwnPassword(user: PasswordHolder, password: string, context: RequestContext, now: Date): Promise<boolean> {
  const gate = await admitLoginAttempt({ username: user.username, ip: context.ip, knownDevice: true });
  if (!gate.allowed) throw new AppError("THROTTLED", `密码输入错误次数过多，请 ${retryText(gate.retryAfterSeconds)}后再试`);
  const ok = await passwordMatches(user, password, now);
  if (ok) await loginSucceeded({ username: user.username, ip: context.ip, knownDevice: true });
  return ok;
}

export type PasswordChange = { currentPassword?: string; newPassword: string };

/**
 * 修改密码. Ends every session of the account (this one too): the caller signs the person in
 * again with the new password. Returns the username for that.
 */
export async function changeOwnPassword(
  actor: Actor,
  session: Pick<LiveSession, "method" | "authenticatedAt">,
  input: PasswordChange,
  context: RequestContext,
  now = new Date(),
): Promise<{ username: string; endedSessions: number }> {
  const user = await holder(actor.userId);
  const hasSecret = user.passwordHash !== null || user.initialPasswordHash !== null;
  if (hasSecret || session.method !== "SSO") {
    if (!input.currentPassword) throw new AppError("INVALID_INPUT", "请输入当前密码", { currentPassword: "请输入当前密码" });
    if (!(await checkOwnPassword(user, input.currentPassword, context, now))) {
      throw new AppError("INVALID_INPUT", "当前密码不正确", { currentPassword: "当前密码不正确" });
    }
  } else if (!isRecentlyAuthenticated(session, now)) {
    throw new AppError("REAUTH_REQUIRED", "为确认是您本人操作，请重新通过统一身份认证登录后再设置密码");
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw new AppError("INVALID_INPUT", problem, { newPassword: problem });
  if (input.currentPassword && input.currentPassword === input.newPassword) {
    throw new AppError("INVALID_INPUT", "新密码不能与当前密码相同", { newPassword: "新密码不能与当前密码相同" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, initialPasswordHash: null, initialPasswordExpiresAt: null, mustChangePassword: false, passwordChangedAt: now },
    });
    await recordAudit(tx, { actor, entity: "User", entityId: user.id, action: "changePassword", changes: { ip: context.ip } });
    return revokeUserSessions(user.id, "passwordChanged", now, tx);
  });
  return { username: user.username, endedSessions };
}

/** Step-up: the person re-enters their password; signing acts are open for the next 10 minutes. */
export async function reauthenticate(actor: Actor, password: string, context: RequestContext, now = new Date()): Promise<void> {
  if (!actor.auth) throw new AppError("UNAUTHENTICATED");
  if (actor.auth.method === "SSO") throw new AppError("INVALID_INPUT", "您通过统一身份认证登录，请重新通过统一身份认证验证身份");
  const user = await holder(actor.userId);
  if (!(await checkOwnPassword(user, password, context, now))) throw new AppError("INVALID_INPUT", "密码不正确", { password: "密码不正确" });
  await markReauthenticated(actor.auth.sessionId, now);
}

/** Whether 修改密码 asks for the current password (not for an SSO-only account that never had one). */
export async function needsCurrentPassword(userId: string, method: "PASSWORD" | "SSO"): Promise<boolean> {
  if (method !== "SSO") return true;
  const user = await holder(userId);
  return user.passwordHash !== null || user.initialPasswordHash !== null;
}
