// 系统自动确认 on PostgreSQL: exactly once, never early, safe against a racing 复核确认, and
// notifying only the right people.
import { publicUrl } from "@/lib/http/public-url";
import type { Db } from "@/lib/db/client";
import { digestFor, digestKey, emailKey, emailOf, notificationKey } from "@/lib/notifications/messages";
import {
  autoConfirmDue,
  autoConfirmOne,
  confirmAsStudent,
  returnAsCounselor,
  saveDraft,
  submitAgreement,
  takeBackForResign,
  TRANSITIONS,
} from "@/lib/workflow";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";
import { employerActor, makeOverdue, makePendingConfirm, signFor, studentActor, type PendingConfirm } from "./helpers/pending-confirm";

let prisma: Db;

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
});

async function eventsOf(agreementId: string) {
  return prisma.agreementEvent.findMany({ where: { agreementId }, orderBy: { version: "asc" } });
}

async function expectContiguousAudit(agreementId: string) {
  const [agreement, events] = await Promise.all([prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } }), eventsOf(agreementId)]);
  expect(events.map((e) => e.version)).toEqual(Array.from({ length: agreement.version }, (_, i) => i + 1));
  // each event starts where the previous one ended
  for (let i = 1; i < events.length; i++) expect(events[i].fromStatus).toBe(events[i - 1].toStatus);
  expect(events.at(-1)!.toStatus).toBe(agreement.status);
  return { agreement, events };
}

describe("autoConfirmDue (the sweep)", () => {
  let overdue: PendingConfirm[];
  let waiting: PendingConfirm[];

  beforeAll(async () => {
    const made = await makePendingConfirm(prisma, 7);
    overdue = made.slice(0, 5);
    waiting = made.slice(5);
    await makeOverdue(prisma, overdue.map((a) => a.agreementId));
  });

  it("stores autoConfirmAt = employerSignedAt + settings.autoConfirmDays when the unit signs", async () => {
    const { autoConfirmDays } = await prisma.setting.findUniqueOrThrow({ where: { id: 1 } });
    for (const a of waiting) expect(a.autoConfirmAt.getTime() - a.employerSignedAt.getTime()).toBe(autoConfirmDays * 86_400_000);
  });

  it("confirms each overdue agreement exactly once when run concurrently and again", async () => {
    const runs = await Promise.all([autoConfirmDue(), autoConfirmDue(), autoConfirmDue(), autoConfirmDue()]);
    const again = await autoConfirmDue();
    const ids = [...runs.flatMap((r) => r.ids), ...again.ids];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => overdue.some((a) => a.agreementId === id)).sort()).toEqual(overdue.map((a) => a.agreementId).sort());
    expect(again.confirmed).toBe(0);

    for (const a of overdue) {
      const { agreement, events } = await expectContiguousAudit(a.agreementId);
      expect(agreement.status).toBe(TRANSITIONS.autoConfirm.to);
      expect(agreement.autoConfirmed).toBe(true);
      expect(agreement.studentConfirmedAt).not.toBeNull();
      expect(agreement.version).toBe(a.version + 1);
      const auto = events.filter((e) => e.action === "autoConfirm");
      expect(auto).toHaveLength(1);
      expect(auto[0]).toMatchObject({
        version: a.version + 1,
        actorRole: "SYSTEM",
        actorName: "系统自动确认",
        actorId: null,
        fromStatus: TRANSITIONS.autoConfirm.from[0],
        toStatus: TRANSITIONS.autoConfirm.to,
      });
      expect(auto[0].changes).toEqual({
        studentConfirmedAt: { from: null, to: agreement.studentConfirmedAt!.toISOString() },
        autoConfirmed: { from: false, to: true },
      });
    }
  });

  it("confirms nothing early", async () => {
    for (const a of waiting) {
      const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } });
      expect(agreement.status).toBe("PENDING_STUDENT_CONFIRM");
      expect(await prisma.agreementEvent.count({ where: { agreementId: a.agreementId, action: "autoConfirm" } })).toBe(0);
    }
    // one millisecond before the deadline is still early, for the sweep and for the event function
    const first = waiting[0];
    const justBefore = new Date(first.autoConfirmAt.getTime() - 1);
    expect((await autoConfirmDue(justBefore)).ids).not.toContain(first.agreementId);
    expect(await autoConfirmOne(first.agreementId, first.version, justBefore)).toEqual({ outcome: "skipped", reason: "not-due" });
    // at the deadline itself it is due
    const atDeadline = await autoConfirmDue(first.autoConfirmAt);
    expect(atDeadline.ids).toContain(first.agreementId);
  });

  it("tells the counselors of each 学院 once per pass (a digest), and nobody else", async () => {
    // the five overdue agreements were confirmed by the concurrent sweeps of the first test
    const digests = await prisma.notification.findMany({ where: { kind: "agreement.waiting_review_digest" }, include: { user: true } });
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.every((n) => n.user.role === "COUNSELOR" && n.agreementId === null)).toBe(true);
    // no per-agreement message for a confirmed agreement: not to the counselors, not to the student
    for (const a of overdue) {
      expect(await prisma.notification.count({ where: { dedupeKey: notificationKey("autoConfirm", a.agreementId, a.version + 1) } })).toBe(0);
    }
    // every counselor of a 学院 learned of exactly the agreements the sweeps confirmed there
    // (so far in this file only sweeps have confirmed): the digests' counts add up
    const colleges = [...new Set(overdue.map((a) => a.collegeId))];
    for (const collegeId of colleges) {
      const counselors = await prisma.user.findMany({ where: { role: "COUNSELOR", collegeId, active: true } });
      expect(counselors.length).toBeGreaterThan(0);
      const confirmedHere = await prisma.agreementEvent.count({ where: { action: "autoConfirm", agreement: { collegeId } } });
      expect(confirmedHere).toBeGreaterThanOrEqual(overdue.filter((a) => a.collegeId === collegeId).length);
      for (const counselor of counselors) {
        const mine = digests.filter((n) => n.userId === counselor.id);
        const counted = mine.reduce((sum, n) => sum + Number(/（(\d+) 份）/.exec(n.title)![1]), 0);
        expect(counted).toBe(confirmedHere);
        for (const n of mine) {
          expect(n.link).toBe("/counselor/review");
          const mail = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: emailKey(n.dedupeKey, counselor.id) } });
          expect(mail).toMatchObject({ to: counselor.email, ...emailOf({ ...n, link: n.link! }, publicUrl()) });
        }
      }
    }
    // the wording is messages.ts's, with the students named
    const one = overdue[0];
    const student = await prisma.student.findFirstOrThrow({ where: { userId: one.studentUserId } });
    const withOne = digests.find((n) => n.body.includes(student.studentNo))!;
    const count = /（(\d+) 份）/.exec(withOne.title)![1];
    const students = withOne.body.slice(withOne.body.indexOf("份就业协议：") + "份就业协议：".length, withOne.body.lastIndexOf("，待学院审核。"));
    expect(digestFor("autoConfirm", { count, students })).toMatchObject({ kind: withOne.kind, title: withOne.title, body: withOne.body, link: withOne.link });
    expect(withOne.body).toContain(`${student.name}（${student.studentNo}）`);
  });

  it("a single confirmation (the per-signing job) tells the counselors as the sweep does: a digest, of one", async () => {
    const [a] = await makePendingConfirm(prisma, 1);
    await makeOverdue(prisma, [a.agreementId]);
    expect(await autoConfirmOne(a.agreementId, a.version)).toEqual({ outcome: "confirmed", version: a.version + 1 });
    const key = digestKey("autoConfirm", notificationKey("autoConfirm", a.agreementId, a.version + 1));
    const notes = await prisma.notification.findMany({ where: { dedupeKey: key }, include: { user: true } });
    const counselors = await prisma.user.findMany({ where: { role: "COUNSELOR", collegeId: a.collegeId, active: true } });
    expect(notes.map((n) => n.userId).sort()).toEqual(counselors.map((c) => c.id).sort());
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId }, include: { student: true } });
    const expected = digestFor("autoConfirm", { count: "1", students: `${agreement.student.name}（${agreement.student.studentNo}）` })!;
    expect(notes[0]).toMatchObject({ kind: expected.kind, title: expected.title, body: expected.body, link: expected.link });
    const mail = await prisma.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: emailKey(key, counselors[0].id) } });
    expect(mail).toMatchObject({ to: counselors[0].email, ...emailOf(expected, publicUrl()) });
    // and nothing per agreement
    expect(await prisma.notification.count({ where: { dedupeKey: notificationKey("autoConfirm", a.agreementId, a.version + 1) } })).toBe(0);
  });

  it("confirms an agreement again after the 学院 returned it and the unit signed anew: a second digest, not a clash", async () => {
    const [a] = await makePendingConfirm(prisma, 1);
    await makeOverdue(prisma, [a.agreementId]);
    expect((await autoConfirmDue()).ids).toContain(a.agreementId);
    const [counselor] = await prisma.user.findMany({ where: { role: "COUNSELOR", collegeId: a.collegeId, active: true } });
    const counselorActor = { userId: counselor.id, role: "COUNSELOR" as const, name: counselor.name, collegeId: counselor.collegeId, employerId: null };
    const returned = await returnAsCounselor(counselorActor, { agreementId: a.agreementId, version: a.version + 1 }, "请核对单位信息");
    const student = await prisma.user.findUniqueOrThrow({ where: { id: a.studentUserId }, include: { student: true } });
    const studentActor = { userId: student.id, role: "STUDENT" as const, name: student.name, collegeId: student.student!.collegeId, employerId: null };
    const draft = await saveDraft(
      studentActor,
      { employerId: returned.agreement.employerId, studentPhone: "13812345678", studentEmail: a.studentEmail, studentOpinion: "同意" },
      { agreementId: a.agreementId, version: returned.version },
    );
    const submitted = await submitAgreement(studentActor, { agreementId: a.agreementId, version: draft.version });
    const signed = await signFor(prisma, await employerActor(prisma), { agreementId: a.agreementId, version: submitted.version });
    await makeOverdue(prisma, [a.agreementId]);
    const digestsBefore = await prisma.notification.count({ where: { userId: counselor.id, kind: "agreement.waiting_review_digest" } });
    expect((await autoConfirmDue()).ids).toEqual([a.agreementId]);
    expect(await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } })).toMatchObject({ status: "PENDING_COLLEGE_REVIEW", version: signed.version + 1 });
    expect(await prisma.notification.count({ where: { userId: counselor.id, kind: "agreement.waiting_review_digest" } })).toBe(digestsBefore + 1);
    expect(await prisma.agreementEvent.count({ where: { agreementId: a.agreementId, action: "autoConfirm" } })).toBe(2);
  });

  it("does not notify again when the sweep runs again", async () => {
    const before = await Promise.all([prisma.notification.count(), prisma.outboxEmail.count()]);
    await Promise.all([autoConfirmDue(), autoConfirmDue()]);
    expect(await Promise.all([prisma.notification.count(), prisma.outboxEmail.count()])).toEqual(before);
  });
});

describe("a student's 复核确认 racing the sweep", () => {
  it("leaves exactly one confirmation and a contiguous audit trail", async () => {
    const made = await makePendingConfirm(prisma, 6);
    const farFuture = new Date(Date.now() + 365 * 86_400_000);
    const actors = await Promise.all(
      made.map(async (a) => {
        const s = await prisma.student.findFirstOrThrow({ where: { userId: a.studentUserId } });
        return studentActor(prisma, s.studentNo);
      }),
    );
    // the students are still in time by their clock; the sweep is told it is a year later
    const settled = await Promise.allSettled([
      ...made.map((a, i) => confirmAsStudent(actors[i], { agreementId: a.agreementId, version: a.version })),
      autoConfirmDue(farFuture),
      autoConfirmDue(farFuture),
    ]);
    for (const outcome of settled) {
      if (outcome.status === "rejected") expect((outcome.reason as { code?: string }).code).toMatch(/^(CONFLICT|INVALID_STATE)$/);
    }
    for (const [i, a] of made.entries()) {
      const { agreement, events } = await expectContiguousAudit(a.agreementId);
      const confirmations = events.filter((e) => e.action === "confirm" || e.action === "autoConfirm");
      expect(confirmations).toHaveLength(1);
      expect(agreement.status).toBe("PENDING_COLLEGE_REVIEW");
      expect(agreement.version).toBe(a.version + 1);
      expect(agreement.autoConfirmed).toBe(confirmations[0].action === "autoConfirm");
      // the student's own call succeeded exactly when theirs is the confirmation on record
      expect(settled[i].status === "fulfilled").toBe(confirmations[0].action === "confirm");
    }
  });
});

describe("autoConfirmOne (the event function's service)", () => {
  it("confirms the signing it was scheduled for, once, and is a no-op after a take-back and re-sign", async () => {
    const [a, b] = await makePendingConfirm(prisma, 2);
    const employer = await employerActor(prisma);
    // b: taken back and signed again — the first signing's job must not confirm the second
    const back = await takeBackForResign(employer, { agreementId: b.agreementId, version: b.version });
    const resigned = await signFor(prisma, employer, { agreementId: back.agreementId, version: back.version });
    await makeOverdue(prisma, [a.agreementId, b.agreementId]);

    expect(await autoConfirmOne(b.agreementId, b.version)).toEqual({ outcome: "skipped", reason: "moved-on" });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: b.agreementId } })).status).toBe("PENDING_STUDENT_CONFIRM");
    expect(await autoConfirmOne(b.agreementId, resigned.version)).toEqual({ outcome: "confirmed", version: resigned.version + 1 });

    const results = await Promise.all([autoConfirmOne(a.agreementId, a.version), autoConfirmOne(a.agreementId, a.version), autoConfirmDue()]);
    const confirmedByOne = results.slice(0, 2).filter((r) => "outcome" in r && r.outcome === "confirmed").length;
    const confirmedBySweep = (results[2] as { ids: string[] }).ids.filter((id) => id === a.agreementId).length;
    expect(confirmedByOne + confirmedBySweep).toBe(1);
    for (const id of [a.agreementId, b.agreementId]) {
      const { events } = await expectContiguousAudit(id);
      expect(events.filter((e) => e.action === "autoConfirm")).toHaveLength(1);
    }
    expect(await autoConfirmOne(a.agreementId, a.version)).toEqual({ outcome: "skipped", reason: "moved-on" });
    expect(await autoConfirmOne("00000000-0000-0000-0000-000000000000", 3)).toEqual({ outcome: "skipped", reason: "not-found" });
  });
});

describe("reads never write (an overdue agreement waits for the sweep)", () => {
  it("every read of an overdue agreement runs on a read-only connection and leaves it as it was; the sweep then confirms it", async () => {
    const { createPrisma } = await import("@/lib/db/client");
    const queries = await import("@/lib/workflow/queries");
    const { capabilitiesOf } = await import("@/lib/workflow/capabilities");
    const { toSheetData } = await import("@/lib/agreement/sheet-data");
    const { paperFormSettings } = await import("@/lib/settings/paperless");
    const { verifyAgreementCode } = await import("@/lib/printing/verify");
    const [due] = await makePendingConfirm(prisma, 1);
    await makeOverdue(prisma, [due.agreementId]);
    const before = await prisma.agreement.findUniqueOrThrow({ where: { id: due.agreementId } });
    const student = await studentActor(prisma, (await prisma.student.findFirstOrThrow({ where: { userId: due.studentUserId } })).studentNo);
    const unit = await employerActor(prisma);
    const counselor = await prisma.user.findFirstOrThrow({ where: { role: "COUNSELOR", collegeId: due.collegeId } });
    const counselorActor = { userId: counselor.id, role: "COUNSELOR" as const, name: counselor.name, collegeId: counselor.collegeId, employerId: null };

    // the services' shared client becomes one that PostgreSQL refuses any write on
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("options", "-c default_transaction_read_only=on");
    const readOnly = createPrisma(url.toString(), 2);
    const global = globalThis as unknown as { wqPrisma?: Db };
    const saved = global.wqPrisma;
    global.wqPrisma = readOnly;
    try {
      // the connection really refuses writes (so the reads below could not have written)
      await expect(readOnly.$executeRawUnsafe(`UPDATE "Agreement" SET "updatedAt" = "updatedAt" WHERE id = $1::uuid`, due.agreementId)).rejects.toThrow(/read-only/);
      const shown = await queries.getAgreementForActor(student, due.agreementId);
      expect(shown.status).toBe("PENDING_STUDENT_CONFIRM");
      const caps = capabilitiesOf(student, shown);
      expect(caps.awaitingAutoConfirm).toBe(true);
      expect(caps.actions.confirm.allowed).toBe(false);
      expect(capabilitiesOf(unit, await queries.getAgreementForActor(unit, due.agreementId)).actions.takeBack.allowed).toBe(false);
      expect((await queries.getStudentAgreement(student.userId!))?.id).toBe(due.agreementId);
      const list = await queries.listAgreements(queries.scopeOf(counselorActor), {});
      expect(list.rows.some((r) => r.id === due.agreementId)).toBe(true);
      toSheetData(shown, { maskIdNumber: true, showReportTitle: (await paperFormSettings()).showReportTitle });
      await verifyAgreementCode("2027-000001-0000000000");
    } finally {
      global.wqPrisma = saved;
      await readOnly.$disconnect();
    }
    const after = await prisma.agreement.findUniqueOrThrow({ where: { id: due.agreementId } });
    expect(after).toEqual(before);
    expect(await prisma.agreementEvent.count({ where: { agreementId: due.agreementId, action: "autoConfirm" } })).toBe(0);
    // a late confirmation is refused meanwhile; the sweep confirms it
    await expect(confirmAsStudent(student, { agreementId: due.agreementId, version: due.version })).rejects.toMatchObject({ code: "GUARD_FAILED" });
    expect((await autoConfirmDue()).ids).toContain(due.agreementId);
  });
});
