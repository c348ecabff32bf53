// Sign-in: each demo role, one answer for a wrong password / unknown / disabled account,
// the atomic throttle (a parallel burst, per client and account, per client, per account
// with the known-device exemption), initial passwords, case-insensitive unit names.
import { compare } from "bcryptjs";
import type { Db } from "@/lib/db/client";
import { resetAccountPassword, setAccountActive } from "@/lib/auth/account-admin";
import { verifyLogin } from "@/lib/auth/login";
import { PASSWORD_COST, initialPasswordDigest, newInitialPassword, passwordProblem } from "@/lib/auth/passwords";
import { ROLE_HOME, type Actor } from "@/lib/auth/roles";
import { clearExpiredThrottles, LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_CLIENT, LOGIN_GUESSES_PER_CLIENT_ACCOUNT } from "@/lib/auth/throttle";
import { actorFor } from "@/prisma/demo-agreements";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: Db;
beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
});

let ipSeq = 0;
/** A fresh client address per test, so the per-client counters of one test do not reach the next. */
const client = () => ({ ip: `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`, userAgent: "jest" });
const login = (username: string, password: string, context = client(), knownDeviceUserIds: string[] = []) =>
  verifyLogin({ username, password, context, knownDeviceUserIds });

async function newAccount(username: string, role: "STUDENT" | "COUNSELOR" | "OFFICE" = "COUNSELOR") {
  const demo = await prisma.user.findUniqueOrThrow({ where: { username: "jyc01" } });
  return prisma.user.create({ data: { username, passwordHash: demo.passwordHash, role, name: `测试${username}` } });
}

it.each([
  ["2022010101", "STUDENT"],
  ["hr@demo-soft.example", "EMPLOYER"],
  ["fdy01", "COUNSELOR"],
  ["jyc01", "OFFICE"],
])("%s signs in as %s", async (username, role) => {
  const result = await login(username, "Demo@2026");
  expect(result.ok).toBe(true);
  if (result.ok) {
    expect(result.user.role).toBe(role);
    expect(ROLE_HOME[result.user.role]).toMatch(/^\//);
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { username } });
  expect(user.lastLoginAt).not.toBeNull();
  expect(await compare("Demo@2026", user.passwordHash!)).toBe(true);
  expect(user.passwordHash!.startsWith(`$2b$${PASSWORD_COST}$`) || user.passwordHash!.startsWith(`$2a$${PASSWORD_COST}$`)).toBe(true);
});

it("unit login names are compared without case", async () => {
  expect((await login("  HR@Demo-Soft.EXAMPLE ", "Demo@2026")).ok).toBe(true);
});

it("answers a wrong password, an unknown account and a disabled account the same way", async () => {
  const disabled = await newAccount("login-disabled");
  const office = await actorFor(prisma, "jyc01");
  await setAccountActive(office as Actor, disabled.id, false);
  expect(await login("2022010102", "wrong")).toEqual({ ok: false, reason: "invalid" });
  expect(await login("no-such-user", "wrong")).toEqual({ ok: false, reason: "invalid" });
  expect(await login("login-disabled", "Demo@2026")).toEqual({ ok: false, reason: "invalid" });
});

it("a burst of parallel guesses from one client: only 5 are checked, the rest refused, and the client is blocked", async () => {
  const target = await newAccount("login-burst");
  const context = client();
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login("login-burst", `wrong-${i}`, context)));
  expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_GUESSES_PER_CLIENT_ACCOUNT);
  expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - LOGIN_GUESSES_PER_CLIENT_ACCOUNT);
  const row = await prisma.rateLimit.findUniqueOrThrow({ where: { key: `login-ca:${context.ip}|login-burst` } });
  expect(row.points).toBeGreaterThan(LOGIN_GUESSES_PER_CLIENT_ACCOUNT); // blocked…
  expect(row.expire!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000); // …for 15 minutes
  // the right password from that client is refused now; from another client it works
  expect(await login("login-burst", "Demo@2026", context)).toMatchObject({ ok: false, reason: "throttled" });
  expect(await login("login-burst", "Demo@2026", client())).toMatchObject({ ok: true, user: { id: target.id } });
});

it("unknown names are throttled like real ones (the throttle reveals nothing)", async () => {
  const context = client();
  for (let i = 0; i < LOGIN_GUESSES_PER_CLIENT_ACCOUNT; i++) expect(await login("ghost-account", "bad", context)).toEqual({ ok: false, reason: "invalid" });
  expect(await login("ghost-account", "bad", context)).toMatchObject({ reason: "throttled" });
});

it("a success clears that client's count for the account", async () => {
  await newAccount("login-recover");
  const context = client();
  for (let i = 0; i < LOGIN_GUESSES_PER_CLIENT_ACCOUNT - 1; i++) await login("login-recover", "bad", context);
  expect((await login("login-recover", "Demo@2026", context)).ok).toBe(true);
  for (let i = 0; i < LOGIN_GUESSES_PER_CLIENT_ACCOUNT - 1; i++) expect(await login("login-recover", "bad", context)).toEqual({ ok: false, reason: "invalid" });
});

it("one client spraying many accounts is stopped after 50 failures", async () => {
  const context = client();
  for (let i = 0; i < LOGIN_FAILURES_PER_CLIENT; i++) await login(`spray-${i}`, "bad", context);
  expect(await login("jyc01", "Demo@2026", context)).toMatchObject({ ok: false, reason: "throttled" });
  expect((await login("jyc01", "Demo@2026", client())).ok).toBe(true);
});

it("guesses from many clients lock the account for new browsers only: the owner's known browser still gets in", async () => {
  const office = await newAccount("login-office", "OFFICE");
  for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) expect((await login("login-office", "bad", client())).ok).toBe(false);
  // a new browser, even with the right password, is refused for now…
  expect(await login("login-office", "Demo@2026", client())).toMatchObject({ ok: false, reason: "throttled" });
  // …the browser the office signed in from before is not
  expect((await login("login-office", "Demo@2026", client(), [office.id])).ok).toBe(true);
  // a device cookie for another account does not help
  expect(await login("login-office", "Demo@2026", client(), ["00000000-0000-4000-8000-000000000000"])).toMatchObject({ reason: "throttled" });
});

describe("initial passwords", () => {
  it("a reset hands out a random initial password: the old password stops working, the new one must be changed", async () => {
    const user = await newAccount("login-reset");
    const office = await actorFor(prisma, "jyc01");
    const { initialPassword } = await resetAccountPassword(office as Actor, user.id);
    expect(initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(await login("login-reset", "Demo@2026")).toEqual({ ok: false, reason: "invalid" });
    expect(await login("login-reset", initialPassword)).toMatchObject({ ok: true, user: { mustChangePassword: true } });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toBeNull();
    expect(row.initialPasswordHash).toBe(initialPasswordDigest(initialPassword));
    expect(row.initialPasswordHash).not.toContain(initialPassword);
  });

  it("an expired initial password does not work", async () => {
    const user = await newAccount("login-expired");
    const password = newInitialPassword();
    await prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: null, initialPasswordHash: initialPasswordDigest(password), initialPasswordExpiresAt: new Date(Date.now() - 1000), mustChangePassword: true },
    });
    expect(await login("login-expired", password)).toEqual({ ok: false, reason: "invalid" });
  });

  it("initial passwords are random (no two alike in 2,000)", () => {
    expect(new Set(Array.from({ length: 2000 }, newInitialPassword)).size).toBe(2000);
  });
});

it("the password rule, in zh-CN", () => {
  expect(passwordProblem("short1")).toBe("密码至少8位");
  expect(passwordProblem("abcdefgh")).toBe("密码须同时包含字母和数字");
  expect(passwordProblem("Password1")).toBe("密码过于简单，请换一个不易被猜到的密码");
  expect(passwordProblem("Demo@2026")).toBe("密码过于简单，请换一个不易被猜到的密码");
  expect(passwordProblem("zhang2022x", "zhang")).toBe("密码不能包含登录账号");
  expect(passwordProblem("hr2026Safe!", "hr@demo-soft.example")).toBe("密码不能包含登录账号");
  expect(passwordProblem("Lanting-Xu-2026")).toBeNull();
});

it("the scheduled clean-up deletes counts that ran out over an hour ago and keeps the live ones", async () => {
  const now = new Date();
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
  await prisma.rateLimit.createMany({
    data: [
      { key: "login-ca:cleanup|long-gone", points: 5, expire: hours(-2) },
      { key: "login-ca:cleanup|just-gone", points: 5, expire: hours(-0.5) },
      { key: "login-ca:cleanup|live", points: 2, expire: hours(0.25) },
    ],
  });
  expect((await clearExpiredThrottles(now)).cleared).toBeGreaterThanOrEqual(1);
  const left = await prisma.rateLimit.findMany({ where: { key: { startsWith: "login-ca:cleanup|" } }, orderBy: { key: "asc" } });
  expect(left.map((r) => r.key)).toEqual(["login-ca:cleanup|just-gone", "login-ca:cleanup|live"]);
});
