// Accounts managed by someone else: who may reset whose password and disable whom.
// - 就业处 (OFFICE): any account but its own (own password: 修改密码).
// - a unit's administrator — its first registered staff account — the other staff of its
//   own unit.
// A reset hands out a random initial password (shown once to whoever reset it) that must
// be changed at first sign-in; a reset and a disable end every session of the account.
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { issueInitialPassword } from "./passwords";
import type { Actor } from "./roles";
import { revokeUserSessions } from "./sessions";

type Target = { id: string; username: string; role: Role; employerId: string | null; active: boolean };

/** The unit's administrator: the first staff account registered for it. */
export async function unitAdministratorId(employerId: string): Promise<string | null> {
  const first = await prisma.user.findFirst({ where: { employerId, role: "EMPLOYER" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return first?.id ?? null;
}

export async function isUnitAdministrator(actor: Pick<Actor, "role" | "userId" | "employerId">): Promise<boolean> {
  return actor.role === "EMPLOYER" && !!actor.employerId && (await unitAdministratorId(actor.employerId)) === actor.userId;
}

/** The account `actor` may manage, or FORBIDDEN / NOT_FOUND. */
async function managedAccount(actor: Actor, userId: string): Promise<Target> {
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, username: true, role: true, employerId: true, active: true } });
  if (!target) throw new AppError("NOT_FOUND", "未找到该账号");
  if (target.id === actor.userId) throw new AppError("INVALID_INPUT", "不能对自己的账号进行此操作（修改自己的密码请使用“修改密码”）");
  if (actor.role === "OFFICE") return target;
  if (actor.role === "EMPLOYER" && target.role === "EMPLOYER" && target.employerId === actor.employerId && (await isUnitAdministrator(actor))) return target;
  // a unit's staff learns nothing about accounts that are not its own unit's
  throw new AppError(actor.role === "EMPLOYER" ? "NOT_FOUND" : "FORBIDDEN", actor.role === "EMPLOYER" ? "未找到该账号" : "无权管理该账号");
}

/** 重置密码: a new random initial password, returned once; the old password and every session end. */
export async function resetAccountPassword(actor: Actor, userId: string, now = new Date()): Promise<{ username: string; initialPassword: string }> {
  const target = await managedAccount(actor, userId);
  const { password, columns } = issueInitialPassword(now);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: columns });
    const ended = await revokeUserSessions(target.id, "passwordReset", now, tx);
    await recordAudit(tx, { actor, entity: "User", entityId: target.id, action: "resetPassword", changes: { endedSessions: ended } });
  });
  return { username: target.username, initialPassword: password };
}

/** 停用 / 启用. Disabling ends every session of the account at once. */
export async function setAccountActive(actor: Actor, userId: string, active: boolean, now = new Date()): Promise<void> {
  const target = await managedAccount(actor, userId);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { active } });
    const ended = active ? 0 : await revokeUserSessions(target.id, "disabled", now, tx);
    await recordAudit(tx, { actor, entity: "User", entityId: target.id, action: active ? "enable" : "disable", changes: { active: { from: target.active, to: active }, endedSessions: ended } });
  });
}

/** The office's 账号查找: one account by its exact username (学号, 工号 or e-mail), for reset/disable. */
export async function findAccountForOffice(actor: Actor, rawUsername: string) {
  if (actor.role !== "OFFICE") throw new AppError("FORBIDDEN");
  const name = rawUsername.trim().slice(0, 100);
  if (!name) return null;
  return prisma.user.findUnique({
    where: { username: name.includes("@") ? name.toLowerCase() : name },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      mustChangePassword: true,
      lastLoginAt: true,
      college: { select: { name: true } },
      employer: { select: { name: true } },
    },
  });
}
