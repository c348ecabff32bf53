// 查询统计 on a data set with known counts: every figure (summary tables) equals the same
// figure computed from the base tables and a direct Prisma count, and every drill-down list
// has exactly the rows behind its figure. Agreements are inserted directly (test fixture).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import {
  collegeBacklogView,
  distributionView,
  employerBacklogView,
  funnelView,
  FUNNEL,
  getDashboard,
  rateView,
  trendView,
  type Dimension,
} from "@/lib/statistics/dashboard";
import { countDrilldown, iterateDrilldown, listDrilldown, type Figure } from "@/lib/statistics/drilldown";
import { refreshStatistics } from "@/lib/statistics/refresh";
import type { StatsFilter } from "@/lib/statistics/filters";
import { DEMO_ACCOUNTS, seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";

let prisma: PrismaClient;
let office: Actor;
const NOW = new Date("2026-11-27T12:00:00+08:00");

// status of the live agreement of the i-th demo student (null = none); cycles through all
const PATTERN: (AgreementStatus | null)[] = [
  "DRAFT", "PENDING_EMPLOYER", "RETURNED", "PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED", "APPROVED", null, "PENDING_EMPLOYER",
];
// submission times chosen around midnight in China: 23:30 +08 and 00:30 +08 are different days
const TIMES = ["2026-11-20T10:00:00+08:00", "2026-11-20T23:30:00+08:00", "2026-11-21T00:30:00+08:00", "2026-11-10T09:00:00+08:00"];

type Expect = { studentId: string; collegeId: string; majorId: string; year: number; edu: string; status: AgreementStatus | null; employerId: string; nature: string; unitProvince: string; origin: string; submittedAt: Date | null; signedAt: Date | null; filedAt: Date | null; updatedAt: Date };
const expected: Expect[] = [];
const all: { collegeId: string; majorId: string; year: number; edu: string }[] = [];

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
  const u = await prisma.user.findUniqueOrThrow({ where: { username: DEMO_ACCOUNTS.office } });
  office = { userId: u.id, role: "OFFICE", name: u.name, collegeId: null, employerId: null };
  const students = await prisma.student.findMany({ orderBy: { studentNo: "asc" } });
  const employers = await prisma.employer.findMany({ where: { status: "APPROVED" }, orderBy: { orgCode: "asc" } });
  for (const [i, s] of students.entries()) {
    all.push({ collegeId: s.collegeId, majorId: s.majorId, year: s.graduationYear, edu: s.educationCode });
    const status = PATTERN[i % PATTERN.length];
    const employer = employers[i % employers.length];
    // a voided agreement never counts anywhere
    if (i % 7 === 0) {
      await prisma.agreement.create({
        data: { status: "CANCELLED", studentId: s.id, employerId: employer.id, collegeId: s.collegeId, graduationYear: s.graduationYear, studentPhone: "13900000000", studentEmail: "x@example.com", submittedAt: new Date(TIMES[0]), cancelledAt: NOW },
      });
    }
    if (!status) continue;
    const submitted = status === "DRAFT" ? null : new Date(TIMES[i % TIMES.length]);
    const signed = ["PENDING_STUDENT_CONFIRM", "PENDING_COLLEGE_REVIEW", "APPROVED", "FILED"].includes(status) ? new Date(TIMES[(i + 1) % TIMES.length]) : null;
    const filed = status === "FILED" ? new Date(TIMES[(i + 2) % TIMES.length]) : null;
    // every third signed one overrides the unit's nature in its own section
    const unitNature = signed && i % 3 === 0 ? "10" : null;
    // waiting since: some over 7 days, some under
    const updatedAt = new Date(NOW.getTime() - (i % 4 === 0 ? 10 : 2) * 86_400_000 - i * 60_000);
    await prisma.agreement.create({
      data: {
        status, studentId: s.id, employerId: employer.id, collegeId: s.collegeId, graduationYear: s.graduationYear,
        studentPhone: "13900000000", studentEmail: "x@example.com", savedAt: NOW,
        submittedAt: submitted, employerSignedAt: signed, filedAt: filed, unitNatureCode: unitNature, updatedAt,
      },
    });
    expected.push({
      studentId: s.id, collegeId: s.collegeId, majorId: s.majorId, year: s.graduationYear, edu: s.educationCode, status,
      employerId: employer.id, nature: unitNature ?? employer.natureCode, unitProvince: employer.provinceCode, origin: s.originProvince,
      submittedAt: submitted, signedAt: signed, filedAt: filed, updatedAt,
    });
  }
  await refreshStatistics(prisma);
});

const matches = (f: StatsFilter) => (e: { collegeId: string; majorId: string; year: number; edu: string }) =>
  (!f.graduationYear || e.year === f.graduationYear) && (!f.collegeId || e.collegeId === f.collegeId) && (!f.majorId || e.majorId === f.majorId) && (!f.educationCode || e.edu === f.educationCode);
const signedOf = (f: StatsFilter) => expected.filter(matches(f)).filter((e) => e.status === "APPROVED" || e.status === "FILED");

async function filters(): Promise<[string, StatsFilter][]> {
  const college = await prisma.college.findUniqueOrThrow({ where: { code: "01" } });
  const major = await prisma.major.findUniqueOrThrow({ where: { code: "080902" } });
  return [
    ["no filter", {}],
    ["year", { graduationYear: 2027 }],
    ["other year", { graduationYear: 2030 }],
    ["学院", { collegeId: college.id }],
    ["专业", { majorId: major.id }],
    ["学历 硕士", { educationCode: "11" }],
    ["year + 学院 + 学历", { graduationYear: 2027, collegeId: college.id, educationCode: "31" }],
  ];
}

const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe("every figure equals a direct count", () => {
  it("the fixture is what the test thinks it is", async () => {
    expect(await prisma.agreement.count({ where: { status: { not: "CANCELLED" } } })).toBe(expected.length);
    expect(expected.filter((e) => e.status === "APPROVED").length).toBeGreaterThan(3);
  });

  it("funnel: graduates, 未开始 and each status — summary = base = Prisma count", async () => {
    for (const [, f] of await filters()) {
      const summary = await funnelView(f, "summary");
      expect(await funnelView(f, "base")).toEqual(summary);
      const studentWhere = { graduationYear: f.graduationYear, collegeId: f.collegeId, majorId: f.majorId, educationCode: f.educationCode };
      expect(summary.graduates).toBe(await prisma.student.count({ where: studentWhere }));
      expect(summary.graduates).toBe(all.filter(matches(f)).length);
      expect(summary.notStarted).toBe(await prisma.student.count({ where: { ...studentWhere, agreements: { none: { status: { not: "CANCELLED" } } } } }));
      for (const step of FUNNEL) {
        if (!step.status) continue;
        expect(summary[step.key]).toBe(await prisma.agreement.count({ where: { status: step.status, student: studentWhere } }));
      }
      const total = FUNNEL.reduce((sum, s) => sum + summary[s.key], 0);
      expect(total).toBe(summary.graduates);
    }
  });

  it("签约率 per 学院 and per 专业", async () => {
    for (const [, f] of await filters()) {
      for (const by of ["college", "major"] as const) {
        const rows = await rateView(f, by, "summary");
        expect(await rateView(f, by, "base")).toEqual(rows);
        for (const r of rows) {
          const key = by === "college" ? "collegeId" : "majorId";
          const grads = all.filter(matches(f)).filter((s) => s[key] === r.id).length;
          const signed = signedOf(f).filter((e) => e[key] === r.id).length;
          expect([r.graduates, r.signed]).toEqual([grads, signed]);
          expect(r.rate).toBeCloseTo(grads ? signed / grads : 0);
        }
        expect(rows.reduce((s, r) => s + r.graduates, 0)).toBe(all.filter(matches(f)).length);
      }
    }
  });

  it("by 单位性质 (the agreement's own, else the unit's), 生源地 and the unit's province", async () => {
    const pick: Record<Dimension, (e: Expect) => string> = { nature: (e) => e.nature, unitProvince: (e) => e.unitProvince, originProvince: (e) => e.origin };
    for (const [, f] of await filters()) {
      for (const dimension of ["nature", "unitProvince", "originProvince"] as Dimension[]) {
        const rows = await distributionView(f, dimension, "summary");
        expect(await distributionView(f, dimension, "base")).toEqual(rows);
        const counts = new Map<string, number>();
        for (const e of signedOf(f)) counts.set(pick[dimension](e), (counts.get(pick[dimension](e)) ?? 0) + 1);
        expect(Object.fromEntries(rows.map((r) => [r.value, r.count]))).toEqual(Object.fromEntries(counts));
      }
    }
    // the override really is used: 党政机关 (10) appears though no demo unit is 党政机关 except one
    const natures = await distributionView({}, "nature", "summary");
    expect(natures.find((r) => r.value === "10")?.count).toBe(signedOf({}).filter((e) => e.nature === "10").length);
  });

  it("daily trend by China calendar day (23:30 and 00:30 fall on different days)", async () => {
    for (const [, f] of await filters()) {
      const trend = await trendView(f, "summary", 30, "2026-11-27");
      expect(await trendView(f, "base", 30, "2026-11-27")).toEqual(trend);
      expect(trend).toHaveLength(30);
      for (const point of trend) {
        const rows = expected.filter(matches(f));
        expect(point.submit).toBe(rows.filter((e) => e.submittedAt && chinaDay(e.submittedAt) === point.day).length);
        expect(point.sign).toBe(rows.filter((e) => e.signedAt && chinaDay(e.signedAt) === point.day).length);
        expect(point.file).toBe(rows.filter((e) => e.filedAt && chinaDay(e.filedAt) === point.day).length);
      }
    }
    const t = await trendView({}, "summary", 30, "2026-11-27");
    expect(t.find((p) => p.day === "2026-11-21")!.submit).toBeGreaterThan(0);
  });

  it("backlogs: units waiting > 7 days and 学院 waiting for review, oldest first", async () => {
    const backlog = await employerBacklogView({}, NOW);
    const late = expected.filter((e) => e.status === "PENDING_EMPLOYER" && e.updatedAt.getTime() < NOW.getTime() - 7 * 86_400_000);
    expect(backlog.reduce((s, b) => s + b.count, 0)).toBe(late.length);
    for (const b of backlog) expect(b.count).toBe(late.filter((e) => e.employerId === b.employerId).length);
    expect(backlog.map((b) => b.oldest.getTime())).toEqual([...backlog.map((b) => b.oldest.getTime())].sort((a, b) => a - b));

    const review = await collegeBacklogView({});
    const waiting = expected.filter((e) => e.status === "PENDING_COLLEGE_REVIEW");
    expect(review.reduce((s, b) => s + b.count, 0)).toBe(waiting.length);
    for (const r of review) {
      expect(r.count).toBe(waiting.filter((e) => e.collegeId === r.collegeId).length);
      expect(r.counselors).not.toBe("");
    }
  });
});

describe("every figure drills down to exactly the rows behind it", () => {
  it("funnel, 签约, distributions, trend and backlogs", async () => {
    for (const [, f] of await filters()) {
      const funnel = await funnelView(f, "summary");
      const figures: [Figure, number][] = [
        [{ kind: "graduates" }, funnel.graduates],
        [{ kind: "notStarted" }, funnel.notStarted],
        [{ kind: "signed" }, funnel.approved + funnel.filed],
        ...FUNNEL.filter((s) => s.status).map((s) => [{ kind: "status", status: s.status! } as Figure, funnel[s.key]] as [Figure, number]),
      ];
      for (const dimension of ["nature", "unitProvince", "originProvince"] as Dimension[]) {
        for (const r of await distributionView(f, dimension, "summary")) figures.push([{ kind: "dimension", dimension, value: r.value }, r.count]);
      }
      for (const p of await trendView(f, "summary", 30, "2026-11-27")) {
        if (p.submit) figures.push([{ kind: "trend", action: "submit", day: p.day }, p.submit]);
        if (p.sign) figures.push([{ kind: "trend", action: "sign", day: p.day }, p.sign]);
        if (p.file) figures.push([{ kind: "trend", action: "file", day: p.day }, p.file]);
      }
      for (const b of await employerBacklogView(f, NOW)) figures.push([{ kind: "backlogEmployer", employerId: b.employerId }, b.count]);
      for (const b of await collegeBacklogView(f)) figures.push([{ kind: "backlogCollege", collegeId: b.collegeId }, b.count]);

      for (const [figure, count] of figures) {
        expect([figure, await countDrilldown(office, f, figure, NOW)]).toEqual([figure, count]);
        const ids: string[] = [];
        for await (const batch of iterateDrilldown(office, f, figure, 7, NOW)) ids.push(...batch.map((r) => r.agreementId ?? r.id));
        expect([figure, ids.length, new Set(ids).size]).toEqual([figure, count, count]);
      }
      const page = await listDrilldown(office, f, { kind: "graduates" }, 1, NOW);
      expect(page.rows.length).toBe(Math.min(20, funnel.graduates));
    }
  });

  it("a drill-down row carries what the list shows", async () => {
    const page = await listDrilldown(office, {}, { kind: "status", status: "FILED" }, 1, NOW);
    const row = page.rows[0];
    expect(row.status).toBe("已备案");
    expect(row.filedAt).toBeInstanceOf(Date);
    expect(row.employer).toBeTruthy();
  });
});

describe("the dashboard", () => {
  it("assembles every view from the summaries", async () => {
    const d = await getDashboard(office, { graduationYear: 2027 });
    expect(d.funnel).toEqual(await funnelView({ graduationYear: 2027 }, "base"));
    expect(d.byCollege.length).toBe(3);
    expect(d.trend).toHaveLength(30);
  });

  it("sees new data after a refresh, not before", async () => {
    const before = await funnelView({}, "summary");
    const s = await prisma.student.findFirstOrThrow({ where: { agreements: { none: {} } } });
    const e = await prisma.employer.findFirstOrThrow({ where: { status: "APPROVED" } });
    await prisma.agreement.create({ data: { status: "DRAFT", studentId: s.id, employerId: e.id, collegeId: s.collegeId, graduationYear: s.graduationYear, studentPhone: "13900000000", studentEmail: "x@example.com" } });
    expect(await funnelView({}, "summary")).toEqual(before);
    await refreshStatistics(prisma);
    const after = await funnelView({}, "summary");
    expect([after.draft, after.notStarted]).toEqual([before.draft + 1, before.notStarted - 1]);
  });
});
