import { compare } from "bcryptjs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isCityOf, isEthnicityCode, isPoliticalStatusCode, isUnitNatureCode, provinceName } from "@/lib/reference";
import { isCreditCode } from "@/lib/validation/credit-code";
import { genderOf, isIdNumber } from "@/lib/validation/id-card";
import { DEMO_ACCOUNTS, DEMO_COLLEGES, DEMO_EMPLOYERS, DEMO_PASSWORD, DEMO_STUDENTS, seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: PrismaClient;

// Assertions about content look at the demo rows only, so other suites' rows cannot disturb them.
const demoStudentNos = DEMO_STUDENTS.map((s) => s.studentNo);
const demoEmployerEmails = DEMO_EMPLOYERS.map((e) => e.email);
const demoCollegeCodes = DEMO_COLLEGES.map((c) => c.code);

// Every table of the public schema, so a table added later is covered without editing this test.
async function countAllTables(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(rows[0].n);
  }
  return counts;
}

async function lastUpdates() {
  const [users, students, employers, settings] = await Promise.all([
    prisma.user.aggregate({ _max: { updatedAt: true } }),
    prisma.student.aggregate({ _max: { updatedAt: true } }),
    prisma.employer.aggregate({ _max: { updatedAt: true } }),
    prisma.setting.aggregate({ _max: { updatedAt: true } }),
  ]);
  return [users, students, employers, settings].map((a) => a._max.updatedAt?.toISOString() ?? null);
}

beforeAll(async () => {
  prisma = await getTestPrisma();
});

describe("seedDemo", () => {
  let afterFirst: Record<string, number>;

  beforeAll(async () => {
    await seedDemo(prisma);
    afterFirst = await countAllTables();
  });

  it("is idempotent: a second run inserts and updates nothing", async () => {
    const updatesBefore = await lastUpdates();
    const { created } = await seedDemo(prisma);
    expect(Object.values(created).every((n) => n === 0)).toBe(true);
    expect(await countAllTables()).toEqual(afterFirst);
    expect(await lastUpdates()).toEqual(updatesBefore);
    expect(afterFirst.Student).toBeGreaterThanOrEqual(40);
  });

  it("creates the settings and 协议条款 version 1 as current terms", async () => {
    const setting = await prisma.setting.findUniqueOrThrow({ where: { id: 1 }, include: { currentTerms: true } });
    expect(setting.schoolName).toBe("东北理工大学");
    expect(setting.autoConfirmDays).toBe(7);
    expect(setting.copiesPerPrint).toBe(3);
    expect(setting.signingNotice).toContain("七日");
    expect(setting.signingNotice).toContain("一式三份");
    expect(setting.breachNotice).toContain("线下");
    expect(setting.currentTerms?.version).toBe(1);
    expect(setting.currentTerms?.content).toMatch(/甲方[\s\S]*乙方[\s\S]*丙方/);
    expect(Array.from(setting.currentTerms!.content.replace(/\s/g, "")).length).toBeGreaterThan(1200);
  });

  it("creates the demo accounts with their roles, 学院 and units, all signing in with the demo password", async () => {
    const users = await prisma.user.findMany({
      where: { username: { in: Object.values(DEMO_ACCOUNTS) } },
      include: { college: true, employer: true, student: true },
    });
    const byName = new Map(users.map((u) => [u.username, u]));
    expect(byName.size).toBe(Object.values(DEMO_ACCOUNTS).length);

    for (const no of ["2022010101", "2022010102"]) {
      const user = byName.get(no)!;
      expect(user.role).toBe("STUDENT");
      expect(user.student?.studentNo).toBe(no);
      expect(user.student?.sourceStatus).toBe("APPROVED");
      expect(user.college?.code).toBe("01");
    }
    const pending = byName.get("2022010199")!;
    expect(pending.role).toBe("STUDENT");
    expect(pending.student?.sourceStatus).toBe("PENDING_COLLEGE");
    expect(pending.college?.code).toBe("01");

    const soft = byName.get("hr@demo-soft.example")!;
    expect(soft.role).toBe("EMPLOYER");
    expect(soft.employer?.status).toBe("APPROVED");
    expect(soft.employer?.natureCode).toBe("39");
    const bank = byName.get("hr@demo-bank.example")!;
    expect(bank.role).toBe("EMPLOYER");
    expect(bank.employer?.status).toBe("APPROVED");
    expect(bank.employer?.natureCode).toBe("31");

    expect(byName.get("fdy01")).toMatchObject({ role: "COUNSELOR", college: { code: "01" } });
    expect(byName.get("fdy02")).toMatchObject({ role: "COUNSELOR", college: { code: "02" } });
    expect(byName.get("fdy03")).toMatchObject({ role: "COUNSELOR", college: { code: "03" } });
    expect(byName.get("jyc01")).toMatchObject({ role: "OFFICE", collegeId: null, employerId: null });

    for (const user of users) {
      expect(user.active).toBe(true);
      await expect(compare(DEMO_PASSWORD, user.passwordHash!)).resolves.toBe(true);
      await expect(compare("demo@2026", user.passwordHash!)).resolves.toBe(false);
    }
  });

  it("has ≥ 40 students with valid, consistent 生源信息 in all three 生源 states", async () => {
    const students = await prisma.student.findMany({
      where: { studentNo: { in: demoStudentNos } },
      include: { major: true, user: true },
    });
    expect(students.length).toBeGreaterThanOrEqual(40);
    for (const s of students) {
      expect(isIdNumber(s.idNumber)).toBe(true);
      expect(genderOf(s.idNumber)).toBe(s.gender);
      expect(isEthnicityCode(s.ethnicityCode)).toBe(true);
      expect(isPoliticalStatusCode(s.politicalCode)).toBe(true);
      expect(isCityOf(s.originProvince, s.originCity)).toBe(true);
      expect(s.idNumber.slice(0, 4)).toBe(s.originCity);
      expect(s.homeAddress.startsWith(provinceName(s.originProvince)!)).toBe(true);
      expect(s.major.collegeId).toBe(s.collegeId);
      expect(s.user.username).toBe(s.studentNo);
      expect(s.user.role).toBe("STUDENT");
      expect(s.graduationYear).toBe(2027);
      expect(s.graduationMonth).toBe("202706");
      expect(s.schoolingYears).toBe(s.educationCode === "11" ? 3 : 4);
    }
    const states = new Set(students.map((s) => s.sourceStatus));
    expect(states).toEqual(new Set(["APPROVED", "PENDING_OFFICE", "PENDING_COLLEGE"]));
    expect(new Set(students.map((s) => s.collegeId)).size).toBe(3);
    expect(students.filter((s) => s.ethnicityCode === "01").length).toBeGreaterThan(students.length / 2);
    expect(students.some((s) => s.ethnicityCode !== "01")).toBe(true);
    expect(students.some((s) => s.educationCode === "11")).toBe(true);
  });

  it("has ≥ 6 employers over ≥ 4 单位性质, fully filled, each with a staff account", async () => {
    const employers = await prisma.employer.findMany({ where: { email: { in: demoEmployerEmails } }, include: { staff: true } });
    expect(employers.length).toBeGreaterThanOrEqual(6);
    expect(new Set(employers.map((e) => e.natureCode)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(employers.map((e) => e.status))).toEqual(new Set(["APPROVED", "PENDING", "REJECTED"]));
    for (const e of employers) {
      expect(isCreditCode(e.orgCode)).toBe(true);
      expect(isUnitNatureCode(e.natureCode)).toBe(true);
      expect(e.postalCode).toMatch(/^\d{6}$/);
      expect(provinceName(e.provinceCode)).toBeDefined();
      expect(e.defaultOpinion).toBe("同意接收");
      for (const field of [e.department, e.reportTitle, e.partyOrgReceiver, e.archiveAddress, e.settleCity]) {
        expect(field?.length).toBeGreaterThan(0);
      }
      expect(e.staff.length).toBeGreaterThanOrEqual(1);
      expect(e.staff.every((u) => u.role === "EMPLOYER")).toBe(true);
      if (e.status === "REJECTED") expect(e.rejectReason).toBeTruthy();
      if (e.status !== "PENDING") expect(e.reviewedAt).not.toBeNull();
    }
  });

  it("has 3 学院 and ≥ 6 专业, at least 2 per 学院, and no agreements", async () => {
    const colleges = await prisma.college.findMany({ where: { code: { in: demoCollegeCodes } }, include: { majors: true } });
    expect(colleges.map((c) => c.code).sort()).toEqual(["01", "02", "03"]);
    expect(colleges.every((c) => c.majors.length >= 2)).toBe(true);
    expect(colleges.flatMap((c) => c.majors).length).toBeGreaterThanOrEqual(6);
    expect(await prisma.agreement.count({ where: { student: { studentNo: { in: demoStudentNos } } } })).toBe(0);
  });
});
