import { AppError } from "@/lib/errors";
import type { Actor } from "./roles";
import { isRecentlyAuthenticated } from "./sessions";

/**
 * Step-up before a signing act (确定签约信息, 确定签约, 批量签约): the person must have proved
 * who they are within STEP_UP_MINUTES (sign-in, re-entered password, or a fresh SSO round
 * trip) — a borrowed unlocked screen or an old stolen cookie cannot sign.
 */
export function requireRecentAuth(actor: Actor, now = new Date()): void {
  if (!actor.auth || !isRecentlyAuthenticated(actor.auth, now)) {
    throw new AppError("REAUTH_REQUIRED", actor.auth?.method === "SSO" ? SSO_REAUTH_MESSAGE : undefined);
  }
}

const SSO_REAUTH_MESSAGE = "为确认是您本人操作，请重新通过统一身份认证验证身份后再签约";
