// The demo agreements of `npm start`: every step of the workflow is there in every 学院,
// written through the real services (audit trail and all), once, and the required demo
// students are left free to walk the journey themselves.
import type { Db } from "@/lib/db/client";
import { seedDemoAgreements } from "@/prisma/demo-agreements";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: Db;

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
}, 60_000);

describe("seedDemoAgreements", () => {
  it("puts agreements at every step in every 学院, leaves the journey's students free, and runs once", async () => {
    const written = await seedDemoAgreements(prisma);
    expect(written).toBeGreaterThan(0);
    const agreements = await prisma.agreement.findMany({ include: { student: true, college: true, events: { orderBy: { version: "asc" } } } });
    expect(agreements).toHaveLength(written);

    const statuses = new Set(agreements.map((a) => a.status));
    for (const s of ["PENDING_EMPLOYER", "PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED", "RETURNED"]) expect(statuses).toContain(s);
    const colleges = await prisma.college.findMany();
    for (const c of colleges) {
      const mine = agreements.filter((a) => a.collegeId === c.id).map((a) => a.status);
      expect(new Set(mine).size).toBeGreaterThanOrEqual(4);
    }
    // through the services: one event per version, each starting where the previous ended
    for (const a of agreements) {
      expect(a.events.map((e) => e.version)).toEqual(Array.from({ length: a.version }, (_, i) => i + 1));
      expect(a.events.at(-1)!.toStatus).toBe(a.status);
      expect(a.agreementNo).toMatch(/^\d{4}-\d{6}$/);
    }
    expect(agreements.every((a) => a.student.sourceStatus === "APPROVED")).toBe(true);
    for (const studentNo of ["2022010101", "2022010102", "2022010199"]) {
      expect(agreements.some((a) => a.student.studentNo === studentNo)).toBe(false);
    }
    // the demo units have work waiting, and were told so
    const soft = await prisma.user.findUniqueOrThrow({ where: { username: "hr@demo-soft.example" } });
    expect(agreements.some((a) => a.status === "PENDING_EMPLOYER" && a.employerId === soft.employerId)).toBe(true);
    expect(await prisma.notification.count({ where: { userId: soft.id } })).toBeGreaterThan(0);

    expect(await seedDemoAgreements(prisma)).toBe(0);
    expect(await prisma.agreement.count()).toBe(written);
  }, 120_000);
});
