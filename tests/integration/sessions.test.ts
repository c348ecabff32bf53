// Server-side sessions and what ends them; self-service password change; the office and a
// unit's administrator managing accounts; step-up; the audit evidence of how an act was
// authenticated; the 样张 masked for units.
import type { Db } from "@/lib/db/client";
import { changeOwnPassword, reauthenticate } from "@/lib/auth/account";
import { isUnitAdministrator, resetAccountPassword, setAccountActive } from "@/lib/auth/account-admin";
import { authEvidenceColumns } from "@/lib/auth/audit";
import { requireRecentAuth } from "@/lib/auth/step-up";
import { verifyLogin } from "@/lib/auth/login";
import type { Actor } from "@/lib/auth/roles";
import {
  SESSION_ABSOLUTE_HOURS,
  SESSION_IDLE_MINUTES,
  STEP_UP_MINUTES,
  createSession,
  isRecentlyAuthenticated,
  loadLiveSession,
  revokeSession,
} from "@/lib/auth/sessions";
import { addEmployerStaff } from "@/lib/employers/register";
import { idNumberFor, seesFullIdNumber } from "@/lib/privacy/id-number";
import { maskIdNumber } from "@/lib/validation/id-card";
import { confirmAsStudent } from "@/lib/workflow";
import { actorFor, agreementAt, demoWorld, newStudent } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;
let seq = 0;
const ctx = () => ({ ip: `10.5.0.${++seq}`, userAgent: "Mozilla/5.0 jest" });
const asActor = (a: unknown) => a as Actor;

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
});

async function freshAccount(username: string, role: "COUNSELOR" | "EMPLOYER" = "COUNSELOR", employerId: string | null = null) {
  const demo = await prisma.user.findUniqueOrThrow({ where: { username: "jyc01" } });
  const user = await prisma.user.create({ data: { username, passwordHash: demo.passwordHash, role, name: `会话${username}`, employerId } });
  const session = await createSession({ userId: user.id, method: "PASSWORD", context: ctx() });
  return { user, session };
}

describe("a session is live until something ends it", () => {
  it("live, then ended by 退出", async () => {
    const { user, session } = await freshAccount("sess-signout");
    expect(await loadLiveSession(session.id)).toMatchObject({ sessionId: session.id, method: "PASSWORD", user: { id: user.id, role: "COUNSELOR" } });
    await revokeSession(session.id, "signout");
    expect(await loadLiveSession(session.id)).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ revokedReason: "signout" });
  });

  it("ends 12 hours after sign-in however busy, and after 2 hours idle", async () => {
    const { session } = await freshAccount("sess-age");
    const now = Date.now();
    // busy all the time (a request every minute keeps lastSeenAt fresh)…
    await prisma.userSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now + SESSION_ABSOLUTE_HOURS * 3_600_000 - 60_000) } });
    expect(await loadLiveSession(session.id, new Date(now + SESSION_ABSOLUTE_HOURS * 3_600_000 - 30_000))).not.toBeNull();
    // …and still over at 12 h
    expect(await loadLiveSession(session.id, new Date(now + SESSION_ABSOLUTE_HOURS * 3_600_000 + 1000))).toBeNull();
    const idle = await freshAccount("sess-idle");
    expect(await loadLiveSession(idle.session.id, new Date(now + (SESSION_IDLE_MINUTES + 1) * 60_000))).toBeNull();
  });

  it("a request touches lastSeenAt at most every few minutes", async () => {
    const { session } = await freshAccount("sess-touch");
    const row = () => prisma.userSession.findUniqueOrThrow({ where: { id: session.id } });
    const first = (await row()).lastSeenAt;
    await loadLiveSession(session.id, new Date(first.getTime() + 60_000));
    expect((await row()).lastSeenAt).toEqual(first);
    const later = new Date(first.getTime() + 6 * 60_000);
    await loadLiveSession(session.id, later);
    expect((await row()).lastSeenAt).toEqual(later);
  });

  it("disabling the account ends all its sessions; enabling does not bring them back", async () => {
    const { user, session } = await freshAccount("sess-disable");
    const second = await createSession({ userId: user.id, method: "PASSWORD", context: ctx() });
    await setAccountActive(asActor(w.office), user.id, false);
    expect(await loadLiveSession(session.id)).toBeNull();
    expect(await loadLiveSession(second.id)).toBeNull();
    await setAccountActive(asActor(w.office), user.id, true);
    expect(await loadLiveSession(session.id)).toBeNull();
    expect(await prisma.auditLog.count({ where: { entity: "User", entityId: user.id, action: "disable" } })).toBe(1);
  });

  it("a password reset ends all sessions", async () => {
    const { user, session } = await freshAccount("sess-reset");
    await resetAccountPassword(asActor(w.office), user.id);
    expect(await loadLiveSession(session.id)).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ revokedReason: "passwordReset" });
  });
});

describe("修改密码", () => {
  it("needs the current password, applies the rule, clears the forced change and ends every session", async () => {
    const { user, session } = await freshAccount("sess-change");
    const { initialPassword } = await resetAccountPassword(asActor(w.office), user.id);
    const me = asActor({ userId: user.id, role: "COUNSELOR", name: user.name, collegeId: null, employerId: null });
    const live = { method: "PASSWORD" as const, authenticatedAt: new Date() };
    await expect(changeOwnPassword(me, live, { newPassword: "Lanting-2026" }, ctx())).rejects.toMatchObject({ fieldErrors: { currentPassword: "请输入当前密码" } });
    await expect(changeOwnPassword(me, live, { currentPassword: "wrong-one", newPassword: "Lanting-2026" }, ctx())).rejects.toMatchObject({ fieldErrors: { currentPassword: "当前密码不正确" } });
    await expect(changeOwnPassword(me, live, { currentPassword: initialPassword, newPassword: "short1" }, ctx())).rejects.toMatchObject({ fieldErrors: { newPassword: "密码至少8位" } });
    await expect(changeOwnPassword(me, live, { currentPassword: initialPassword, newPassword: "sess-change-9" }, ctx())).rejects.toMatchObject({ fieldErrors: { newPassword: "密码不能包含登录账号" } });
    const after = await createSession({ userId: user.id, method: "PASSWORD", context: ctx() });
    const { endedSessions } = await changeOwnPassword(me, live, { currentPassword: initialPassword, newPassword: "Lanting-2026" }, ctx());
    expect(endedSessions).toBeGreaterThanOrEqual(1);
    expect(await loadLiveSession(after.id)).toBeNull();
    expect(await loadLiveSession(session.id)).toBeNull();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ mustChangePassword: false, initialPasswordHash: null });
    expect((await verifyLogin({ username: "sess-change", password: "Lanting-2026", context: ctx() })).ok).toBe(true);
    expect((await verifyLogin({ username: "sess-change", password: initialPassword, context: ctx() })).ok).toBe(false);
  });
});

describe("who manages whose account", () => {
  it("the office manages any account but its own; a counselor none", async () => {
    const student = await newStudent(prisma);
    await expect(resetAccountPassword(asActor(w.office), w.office.userId!)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(resetAccountPassword(asActor(w.counselor), student.userId!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setAccountActive(asActor(w.counselor), w.soft.userId!, false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await resetAccountPassword(asActor(w.office), student.userId!)).initialPassword).toHaveLength(12);
  });

  it("a unit's administrator (first staff) manages its own staff, nobody else's; the office disables unit staff", async () => {
    const employerId = w.soft.employerId!;
    const admin = asActor(await actorFor(prisma, "hr@demo-soft.example"));
    expect(await isUnitAdministrator(admin)).toBe(true);
    const added = await addEmployerStaff(admin, { username: "clerk@demo-soft.example", name: "经办人乙", phone: "13800003333", email: "clerk@demo-soft.example" });
    const clerk = asActor(await actorFor(prisma, "clerk@demo-soft.example"));
    expect(await isUnitAdministrator(clerk)).toBe(false);
    await expect(resetAccountPassword(clerk, admin.userId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addEmployerStaff(clerk, { username: "x@demo-soft.example", name: "某", phone: "13800003334", email: "x@demo-soft.example" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // the administrator of another unit learns nothing of this one
    await expect(setAccountActive(asActor(w.bank), added.userId, false)).rejects.toMatchObject({ code: "NOT_FOUND", message: "未找到该账号" });
    const s = await createSession({ userId: added.userId, method: "PASSWORD", context: ctx() });
    const { initialPassword } = await resetAccountPassword(admin, added.userId);
    expect(initialPassword).toHaveLength(12);
    expect(await loadLiveSession(s.id)).toBeNull();
    const s2 = await createSession({ userId: added.userId, method: "PASSWORD", context: ctx() });
    await setAccountActive(asActor(w.office), added.userId, false);
    expect(await loadLiveSession(s2.id)).toBeNull();
    expect(employerId).toBe(clerk.employerId);
  });
});

describe("step-up and the audit evidence", () => {
  it("a signing act needs an authentication in the last 10 minutes; re-entering the password opens it", async () => {
    const { user, session } = await freshAccount("sess-stepup");
    const old = new Date(Date.now() - (STEP_UP_MINUTES + 1) * 60_000);
    await prisma.userSession.update({ where: { id: session.id }, data: { authenticatedAt: old } });
    const live = (await loadLiveSession(session.id))!;
    expect(isRecentlyAuthenticated(live)).toBe(false);
    const actor = asActor({ userId: user.id, role: "COUNSELOR", name: user.name, collegeId: null, employerId: null, auth: { sessionId: session.id, method: "PASSWORD", authenticatedAt: live.authenticatedAt, ip: "10.5.9.9", userAgent: "x" } });
    expect(() => requireRecentAuth(actor)).toThrow(expect.objectContaining({ code: "REAUTH_REQUIRED" }));
    await expect(reauthenticate(actor, "not-my-password", ctx())).rejects.toMatchObject({ fieldErrors: { password: "密码不正确" } });
    await reauthenticate(actor, "Demo@2026", ctx());
    const fresh = (await loadLiveSession(session.id))!;
    expect(isRecentlyAuthenticated(fresh)).toBe(true);
    expect(() => requireRecentAuth({ ...actor, auth: { ...actor.auth!, authenticatedAt: fresh.authenticatedAt } })).not.toThrow();
    // an actor without a session (a script) never passes step-up
    expect(() => requireRecentAuth({ ...actor, auth: undefined })).toThrow(expect.objectContaining({ code: "REAUTH_REQUIRED" }));
  });

  it("the agreement's audit event records how the actor authenticated, the client address and browser", async () => {
    const student = await newStudent(prisma);
    const at = await agreementAt(prisma, "PENDING_STUDENT_CONFIRM", { student, employer: w.soft, counselor: w.counselor });
    const session = await createSession({ userId: student.userId!, method: "SSO", context: ctx() });
    const auth = { sessionId: session.id, method: "SSO" as const, authenticatedAt: new Date(), ip: "10.5.1.2", userAgent: "Mozilla/5.0 (iPhone) jest" };
    const r = await confirmAsStudent({ ...student, auth }, { agreementId: at.agreementId, version: at.version });
    const event = await prisma.agreementEvent.findUniqueOrThrow({ where: { agreementId_version: { agreementId: at.agreementId, version: r.version } } });
    expect(event).toMatchObject({ actorAuthMethod: "SSO", actorSessionId: session.id, actorIp: "10.5.1.2", actorUserAgent: "Mozilla/5.0 (iPhone) jest", actorRole: "STUDENT" });
    expect(authEvidenceColumns(undefined)).toEqual({});
  });
});

it("who sees the full 身份证号: a unit only in the official document (issued after approval), nobody on a screen or in an export", () => {
  const id = "231121199612184914";
  expect(seesFullIdNumber("EMPLOYER", "preview")).toBe(false);
  expect(seesFullIdNumber("EMPLOYER", "official")).toBe(true);
  for (const role of ["STUDENT", "COUNSELOR", "OFFICE"] as const) {
    expect(seesFullIdNumber(role, "official")).toBe(true);
    expect(seesFullIdNumber(role, "preview")).toBe(true);
    expect(idNumberFor(role, "screen", id)).toBe(maskIdNumber(id));
    expect(idNumberFor(role, "export", id)).toBe("231*************14");
  }
});
