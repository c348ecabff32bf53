// Sign-in: each demo role, the generic refusal, and throttling of repeated failures.
import { compare } from "bcryptjs";
import type { Db } from "@/lib/db/client";
import { MAX_FAILURES, verifyLogin } from "@/lib/auth/login";
import { ROLE_HOME } from "@/lib/auth/roles";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: Db;
beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
});

it.each([
  ["2022010101", "STUDENT"],
  ["hr@demo-soft.example", "EMPLOYER"],
  ["fdy01", "COUNSELOR"],
  ["jyc01", "OFFICE"],
])("%s signs in as %s", async (username, role) => {
  const result = await verifyLogin(username, "Demo@2026");
  expect(result.ok).toBe(true);
  if (result.ok) {
    expect(result.actor.role).toBe(role);
    expect(ROLE_HOME[result.actor.role]).toMatch(/^\//);
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { username } });
  expect(user.lastLoginAt).not.toBeNull();
  expect(await compare("Demo@2026", user.passwordHash)).toBe(true);
});

it("answers a wrong password and an unknown account the same way", async () => {
  expect(await verifyLogin("2022010102", "wrong")).toEqual({ ok: false, reason: "invalid" });
  expect(await verifyLogin("no-such-user", "wrong")).toEqual({ ok: false, reason: "invalid" });
});

it("locks an account name after repeated failures, even against the right password, then recovers", async () => {
  const now = new Date();
  for (let i = 0; i < MAX_FAILURES; i++) expect((await verifyLogin("fdy02", "bad", now)).ok).toBe(false);
  const locked = await verifyLogin("fdy02", "Demo@2026", now);
  expect(locked).toMatchObject({ ok: false, reason: "throttled" });
  // unknown names are throttled too, so the lock reveals nothing about which accounts exist
  for (let i = 0; i < MAX_FAILURES; i++) await verifyLogin("ghost", "bad", now);
  expect(await verifyLogin("ghost", "bad", now)).toMatchObject({ reason: "throttled" });
  const later = new Date(now.getTime() + 16 * 60 * 1000);
  expect((await verifyLogin("fdy02", "Demo@2026", later)).ok).toBe(true);
  expect(await prisma.loginThrottle.findUnique({ where: { username: "fdy02" } })).toBeNull();
});
