// Only the office passes the dashboard-wide and settings services; counselors see the
// statistics of their own 学院 only, whatever filter they ask for.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { listEmployersForReview } from "@/lib/employers/queries";
import { statisticsSheets } from "@/lib/export/exports";
import { getDashboard, funnelView } from "@/lib/statistics/dashboard";
import { countDrilldown, listDrilldown } from "@/lib/statistics/drilldown";
import { refreshStatistics } from "@/lib/statistics/refresh";
import { numbersSchema } from "@/lib/settings/schemas";
import { createStaffAccount, getSettings, publishTerms, saveCollege, updateNotices, updateNumbers } from "@/lib/settings/service";
import { importStudents } from "@/lib/students/import";
import { listStudents } from "@/lib/students/queries";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: PrismaClient;
const actors: Record<string, Actor> = {};

async function actorOf(username: string): Promise<Actor> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username } });
  return { userId: u.id, role: u.role, name: u.name, collegeId: u.collegeId, employerId: u.employerId };
}

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
  for (const [k, u] of Object.entries({ office: DEMO_ACCOUNTS.office, fdy01: DEMO_ACCOUNTS.counselor01, fdy02: DEMO_ACCOUNTS.counselor02, student: DEMO_ACCOUNTS.studentApproved, employer: DEMO_ACCOUNTS.employerSoft })) {
    actors[k] = await actorOf(u);
  }
  // one agreement per college so the figures differ between 学院
  const employer = await prisma.employer.findFirstOrThrow({ where: { status: "APPROVED" } });
  for (const s of await prisma.student.findMany({ where: { sourceStatus: "APPROVED" }, take: 12, orderBy: { studentNo: "asc" } })) {
    await prisma.agreement.create({
      data: { status: "APPROVED", studentId: s.id, employerId: employer.id, collegeId: s.collegeId, graduationYear: s.graduationYear, studentPhone: "13900000000", studentEmail: "x@example.com", approvedAt: new Date() },
    });
  }
  await refreshStatistics(prisma);
});

describe("statistics", () => {
  it("students and units may not see the dashboard or its lists", async () => {
    for (const who of ["student", "employer"]) {
      await expect(getDashboard(actors[who], {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listDrilldown(actors[who], {}, { kind: "graduates" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(statisticsSheets(actors[who], {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("a counselor sees exactly their own 学院, even when asking for another or for all", async () => {
    const own = actors.fdy01.collegeId!;
    const other = actors.fdy02.collegeId!;
    const expected = await funnelView({ collegeId: own }, "base");
    for (const asked of [{}, { collegeId: other }, { collegeId: own }]) {
      const d = await getDashboard(actors.fdy01, asked);
      expect(d.filter.collegeId).toBe(own);
      expect(d.funnel).toEqual(expected);
      expect(d.byCollege.map((r) => r.id)).toEqual([own]);
      expect(d.collegeBacklog.every((b) => b.collegeId === own)).toBe(true);
      const list = await listDrilldown(actors.fdy01, asked, { kind: "graduates" });
      expect(list.total).toBe(await prisma.student.count({ where: { collegeId: own } }));
      expect(await countDrilldown(actors.fdy01, asked, { kind: "signed" })).toBe(expected.approved + expected.filed);
    }
    const office = await getDashboard(actors.office, {});
    expect(office.funnel.graduates).toBe(await prisma.student.count());
    expect(office.funnel.graduates).toBeGreaterThan(expected.graduates);
    const sheets = await statisticsSheets(actors.fdy01, { collegeId: other });
    expect(sheets.map((s) => s.name)).toContain("签约率-学院"); // after the 办理进度 sheet (the page's funnel table)
  });

  it("a counselor's 生源 list is their 学院 only", async () => {
    // asking for another 学院 yields nothing of it
    expect((await listStudents(actors.fdy02, { collegeId: actors.fdy01.collegeId! })).total).toBe(0);
    const list = await listStudents(actors.fdy02, {});
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.total).toBe(await prisma.student.count({ where: { collegeId: actors.fdy02.collegeId! } }));
    await expect(listStudents(actors.student, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importStudents(actors.employer, Buffer.from(""))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("settings and unit review are the office's", () => {
  const notices = { schoolName: "东北理工大学", signingNotice: "新的签约须知", breachNotice: "新的违约说明" };

  it("refuses counselors, units and students", async () => {
    for (const who of ["fdy01", "student", "employer"]) {
      const actor = actors[who];
      await expect(updateNotices(actor, notices)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateNumbers(actor, { autoConfirmDays: 5, copiesPerPrint: 3 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(publishTerms(actor, { content: "条款" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(saveCollege(actor, { code: "99", name: "新学院" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        createStaffAccount(actor, { username: "x1", name: "某", role: "OFFICE", collegeId: null }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listEmployersForReview(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await getSettings()).signingNotice).not.toBe("新的签约须知");
  });

  it("the office saves notices and numbers (within 1–30 days, 1–5 copies), with audit rows", async () => {
    await updateNotices(actors.office, notices);
    await updateNumbers(actors.office, numbersSchema.parse({ autoConfirmDays: "10", copiesPerPrint: "2" }));
    const s = await getSettings();
    expect(s).toMatchObject({ ...notices, autoConfirmDays: 10, copiesPerPrint: 2 });
    expect(numbersSchema.safeParse({ autoConfirmDays: 31, copiesPerPrint: 3 }).success).toBe(false);
    expect(numbersSchema.safeParse({ autoConfirmDays: 7, copiesPerPrint: 0 }).success).toBe(false);
    expect(await prisma.auditLog.count({ where: { entity: "Setting", actorId: actors.office.userId } })).toBe(2);
  });

  it("协议条款 are versioned: a new row per change, the setting points at the newest, old rows untouched", async () => {
    const before = await getSettings();
    const v1 = before.currentTerms!;
    const { version } = await publishTerms(actors.office, { content: `${v1.content}\n第七条 新增条款。` });
    expect(version).toBe(v1.version + 1);
    const after = await getSettings();
    expect(after.currentTerms).toMatchObject({ version, content: expect.stringContaining("第七条") });
    expect(await prisma.agreementTerms.findUniqueOrThrow({ where: { id: v1.id } })).toMatchObject({ content: v1.content, version: v1.version });
    await expect(publishTerms(actors.office, { content: after.currentTerms!.content })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("the office creates a counselor account bound to a 学院", async () => {
    await expect(createStaffAccount(actors.office, { username: "fdy09", name: "新辅导员", role: "COUNSELOR", collegeId: null })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await createStaffAccount(actors.office, { username: "fdy09", name: "新辅导员", role: "COUNSELOR", collegeId: actors.fdy01.collegeId });
    expect(await prisma.user.findUniqueOrThrow({ where: { username: "fdy09" } })).toMatchObject({ role: "COUNSELOR", collegeId: actors.fdy01.collegeId });
  });
});
