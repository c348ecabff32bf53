// The lists cut their page on the ids first, then read those rows with their relations
// (lib/paging.ts pageByIds: relationJoins would otherwise build the relations of every
// matching row before ORDER BY … LIMIT). Each page must still be exactly the slice of the
// whole ordered list — ties broken the same way, nothing doubled or skipped between pages —
// with its relations, its total and its search; a row that stopped matching between the
// two reads is left out, never shown.
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { pageByIds, PAGE_SIZE } from "@/lib/paging";
import { listStudents } from "@/lib/students/queries";
import { submitAgreement, saveDraft } from "@/lib/workflow";
import { listAgreements, scopeOf } from "@/lib/workflow/queries";
import { demoWorld, newStudent, studentForm } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;
const ORDER = [{ submittedAt: "asc" as const }, { id: "asc" as const }];

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
  // 45 more agreements waiting for the unit, submitted in groups at the same instant (ties)
  const base = Date.UTC(2026, 4, 1, 2, 0, 0);
  for (let i = 0; i < 45; i++) {
    const student = await newStudent(prisma, "01");
    const d = await saveDraft(student, studentForm(w.soft.employerId!));
    const s = await submitAgreement(student, { agreementId: d.agreementId, version: d.version });
    await prisma.agreement.update({ where: { id: s.agreementId }, data: { submittedAt: new Date(base + Math.floor(i / 4) * 60_000) } });
  }
}, 180_000);

describe("a page of a list", () => {
  it("is the slice of the whole ordered list, with its relations and total, page after page", async () => {
    const where = { AND: [scopeOf(w.soft), { status: "PENDING_EMPLOYER" as const }] };
    const all = await prisma.agreement.findMany({ where, orderBy: ORDER, select: { id: true, student: { select: { name: true, major: { select: { name: true } } } } } });
    expect(all.length).toBeGreaterThanOrEqual(45);
    const pages = Math.ceil(all.length / PAGE_SIZE);
    const seen: typeof all = [];
    for (let page = 1; page <= pages; page++) {
      const list = await listAgreements(scopeOf(w.soft), { status: "PENDING_EMPLOYER", page, orderBy: ORDER });
      expect(list.total).toBe(all.length);
      expect(list.pages).toBe(pages);
      expect(list.rows.length).toBe(page < pages ? PAGE_SIZE : all.length - PAGE_SIZE * (pages - 1));
      seen.push(...list.rows.map((r) => ({ id: r.id, student: { name: r.student.name, major: { name: r.student.major.name } } })));
    }
    expect(seen).toEqual(all);
    // past the last page: no rows, the same total
    const beyond = await listAgreements(scopeOf(w.soft), { status: "PENDING_EMPLOYER", page: pages + 1, orderBy: ORDER });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(all.length);
  });

  it("searches, and another unit's list has none of these", async () => {
    const [one] = await prisma.agreement.findMany({ where: { employerId: w.soft.employerId!, status: "PENDING_EMPLOYER" }, orderBy: ORDER, include: { student: true }, skip: 7, take: 1 });
    const found = await listAgreements(scopeOf(w.soft), { q: one.student.studentNo, status: "PENDING_EMPLOYER" });
    expect(found.rows.map((r) => r.id)).toEqual([one.id]);
    expect(found.total).toBe(1);
    const other = await listAgreements(scopeOf(w.bank), { q: one.student.studentNo });
    expect(other.rows).toEqual([]);
    expect(other.total).toBe(0);
  });

  it("leaves out a row that stopped matching between the two reads, and keeps the page's order", async () => {
    const ids = ["c", "a", "b"].map((id) => ({ id }));
    // the second read returns the rows in its own order, and "a" no longer matches
    const rows = await pageByIds(Promise.resolve(ids), async (asked) => {
      expect(asked).toEqual(["c", "a", "b"]);
      return [{ id: "b", n: 2 }, { id: "c", n: 3 }];
    });
    expect(rows).toEqual([{ id: "c", n: 3 }, { id: "b", n: 2 }]);
    await expect(pageByIds(Promise.resolve([]), () => Promise.reject(new Error("not asked")))).resolves.toEqual([]);
  });

  it("of graduates is the slice of all of them by 学号, with 学院 and 专业", async () => {
    const office = w.office as unknown as Actor;
    const all = await prisma.student.findMany({ orderBy: { studentNo: "asc" }, select: { id: true, college: { select: { name: true } }, major: { select: { name: true } } } });
    const seen: typeof all = [];
    for (let page = 1; page <= Math.ceil(all.length / PAGE_SIZE); page++) {
      const list = await listStudents(office, { page });
      expect(list.total).toBe(all.length);
      seen.push(...list.rows.map((r) => ({ id: r.id, college: r.college, major: r.major })));
    }
    expect(seen).toEqual(all);
  });
});
