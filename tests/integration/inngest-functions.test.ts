// The Inngest functions, executed in-process by @inngest/test's InngestTestEngine against a
// real database. Time is the only thing faked: the mocked sleep step moves the clock (Date
// only) to the instant the function asked to sleep until, as Inngest would wake it then.
import { InngestTestEngine } from "@inngest/test";
import type { Db } from "@/lib/db/client";
import { EVENTS } from "@/lib/queue/client";
import { autoConfirmAfterSigning, cronFunctions, functions, runImport } from "@/jobs/functions";
import { cronOf, JOBS } from "@/jobs/list";
import { notificationKey } from "@/lib/notifications/messages";
import { confirmAsStudent, takeBackForResign } from "@/lib/workflow";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";
import { employerActor, makeOverdue, makePendingConfirm, signFor, studentActor, type PendingConfirm } from "./helpers/pending-confirm";

let prisma: Db;
const cron = (id: string) => cronFunctions.find((f) => f.opts.id === id)!;
const autoConfirmSweep = cron("auto-confirm-sweep");
const dueSoonReminders = cron("auto-confirm-reminders");
const sendOutboxEmails = cron("send-outbox-emails");
const SLEEP_STEP = "wait-until-auto-confirm-time";
const DAY = 86_400_000;

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
});

afterEach(() => {
  jest.useRealTimers();
});

/** Fakes Date only (pg, Prisma and jest keep their real timers). */
function fakeClock() {
  jest.useFakeTimers({
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
    now: Date.now(),
  });
}

function signedEvent(a: PendingConfirm) {
  return { name: EVENTS.employerSigned, data: { agreementId: a.agreementId, version: a.version, autoConfirmAt: a.autoConfirmAt.toISOString() } };
}

/** Runs the event function; `meanwhile` happens during the sleep, then the clock jumps to the wake-up time. */
async function runSigning(a: PendingConfirm, meanwhile: () => Promise<unknown> = async () => {}) {
  fakeClock();
  const sleptUntil: Date[] = [];
  const t = new InngestTestEngine({
    function: autoConfirmAfterSigning,
    events: [signedEvent(a)],
    steps: [
      {
        id: SLEEP_STEP,
        handler: async () => {
          await meanwhile();
          const target = sleptUntil.at(-1);
          if (target) jest.setSystemTime(target);
          return null;
        },
      },
    ],
    transformCtx: (ctx) => {
      // remember what the function asked to sleep until, so the mocked sleep can wake it then
      const original = ctx.step.sleepUntil;
      const spy = jest.fn((id: Parameters<typeof original>[0], time: Parameters<typeof original>[1]) => {
        sleptUntil.push(new Date(time as Date | string));
        return original(id, time);
      });
      return { ...ctx, step: { ...ctx.step, sleepUntil: spy as unknown as typeof original } };
    },
  });
  const output = await t.execute();
  // the function is replayed once per step (memoised), so it asks for the same instant each time
  const distinct = [...new Set(sleptUntil.map((d) => d.getTime()))].map((ms) => new Date(ms));
  return { ...output, sleptUntil: distinct };
}

async function autoEvents(agreementId: string) {
  return prisma.agreementEvent.findMany({ where: { agreementId, action: "autoConfirm" } });
}

describe("auto-confirm-after-signing (event function)", () => {
  it("is triggered by the signing and cancelled by a take-back, a confirmation or a return of the same agreement", () => {
    expect(autoConfirmAfterSigning.opts.triggers).toEqual([{ event: "agreement/employer.signed" }]);
    const cancelOn = autoConfirmAfterSigning.opts.cancelOn ?? [];
    expect(cancelOn.map((c) => c.event).sort()).toEqual(["agreement/employer.taken_back", "agreement/returned", "agreement/student.confirmed"]);
    for (const c of cancelOn) expect(c.if).toBe("async.data.agreementId == event.data.agreementId");
  });

  it("sleeps until exactly employerSignedAt + settings.autoConfirmDays, then confirms", async () => {
    const [a] = await makePendingConfirm(prisma, 1);
    const { autoConfirmDays } = await prisma.setting.findUniqueOrThrow({ where: { id: 1 } });
    const due = new Date(a.employerSignedAt.getTime() + autoConfirmDays * DAY);

    const { result, error, sleptUntil } = await runSigning(a);
    expect(error).toBeUndefined();
    expect(sleptUntil).toEqual([due]);
    expect(result).toEqual({ outcome: "confirmed", version: a.version + 1 });

    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } });
    expect(agreement).toMatchObject({ status: "PENDING_COLLEGE_REVIEW", autoConfirmed: true, version: a.version + 1 });
    expect(agreement.studentConfirmedAt).toEqual(due);
    const events = await autoEvents(a.agreementId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorRole: "SYSTEM", actorName: "系统自动确认", createdAt: due });
  });

  it("honours a changed autoConfirmDays setting through the stored deadline", async () => {
    await prisma.setting.update({ where: { id: 1 }, data: { autoConfirmDays: 3 } });
    try {
      const [a] = await makePendingConfirm(prisma, 1);
      const { sleptUntil, result } = await runSigning(a);
      expect(sleptUntil).toEqual([new Date(a.employerSignedAt.getTime() + 3 * DAY)]);
      expect(result).toMatchObject({ outcome: "confirmed" });
    } finally {
      await prisma.setting.update({ where: { id: 1 }, data: { autoConfirmDays: 7 } });
    }
  });

  it("does nothing when the unit took the agreement back in between", async () => {
    const [a] = await makePendingConfirm(prisma, 1);
    const employer = await employerActor(prisma);
    const { result } = await runSigning(a, () => takeBackForResign(employer, { agreementId: a.agreementId, version: a.version }));
    expect(result).toEqual({ outcome: "skipped", reason: "moved-on" });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } })).status).toBe("PENDING_EMPLOYER");
    expect(await autoEvents(a.agreementId)).toHaveLength(0);
  });

  it("does nothing when the student confirmed in between", async () => {
    const [a] = await makePendingConfirm(prisma, 1);
    const s = await prisma.student.findFirstOrThrow({ where: { userId: a.studentUserId } });
    const student = await studentActor(prisma, s.studentNo);
    const { result } = await runSigning(a, () => confirmAsStudent(student, { agreementId: a.agreementId, version: a.version }));
    expect(result).toEqual({ outcome: "skipped", reason: "moved-on" });
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } });
    expect(agreement).toMatchObject({ status: "PENDING_COLLEGE_REVIEW", autoConfirmed: false });
    expect(await autoEvents(a.agreementId)).toHaveLength(0);
  });

  it("does not confirm a re-signed agreement on behalf of the earlier signing", async () => {
    const [a] = await makePendingConfirm(prisma, 1);
    const employer = await employerActor(prisma);
    const { result } = await runSigning(a, async () => {
      const back = await takeBackForResign(employer, { agreementId: a.agreementId, version: a.version });
      await signFor(prisma, employer, { agreementId: back.agreementId, version: back.version });
    });
    expect(result).toEqual({ outcome: "skipped", reason: "moved-on" });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } })).status).toBe("PENDING_STUDENT_CONFIRM");
    expect(await autoEvents(a.agreementId)).toHaveLength(0);
  });

  it("does not even sleep when the signing is already superseded when the event arrives", async () => {
    const [a] = await makePendingConfirm(prisma, 1);
    const employer = await employerActor(prisma);
    await takeBackForResign(employer, { agreementId: a.agreementId, version: a.version });
    const { result, sleptUntil } = await runSigning(a);
    expect(sleptUntil).toEqual([]);
    expect(result).toEqual({ outcome: "skipped", reason: "moved-on" });
  });
});

describe("the cron functions are the job list the in-process timer runs", () => {
  it("one function per job, on the job's schedule; the sweep every minute", () => {
    expect(cronFunctions.map((f) => [f.opts.id, f.opts.triggers])).toEqual(JOBS.map((j) => [j.id, [{ cron: cronOf(j) }]]));
    expect(functions).toEqual([autoConfirmAfterSigning, runImport, ...cronFunctions]);
    expect(autoConfirmSweep.opts.triggers).toEqual([{ cron: "* * * * *" }]);
  });
});

describe("auto-confirm-sweep (cron)", () => {
  it("runs every minute and confirms only the overdue agreements", async () => {
    const made = await makePendingConfirm(prisma, 3);
    const [overdue1, overdue2, waiting] = made;
    await makeOverdue(prisma, [overdue1.agreementId, overdue2.agreementId]);

    const { result, error } = await new InngestTestEngine({ function: autoConfirmSweep }).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ confirmed: 2 });
    for (const a of [overdue1, overdue2]) {
      expect((await prisma.agreement.findUniqueOrThrow({ where: { id: a.agreementId } })).status).toBe("PENDING_COLLEGE_REVIEW");
      expect(await autoEvents(a.agreementId)).toHaveLength(1);
    }
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: waiting.agreementId } })).status).toBe("PENDING_STUDENT_CONFIRM");
    expect(await autoEvents(waiting.agreementId)).toHaveLength(0);

    // a second run finds nothing left to do
    expect((await new InngestTestEngine({ function: autoConfirmSweep }).execute()).result).toEqual({ confirmed: 0 });
  });
});

describe("auto-confirm-reminders (cron)", () => {
  it("reminds the student once when the agreement is due within 24 hours, and nobody else", async () => {
    const [soon, later] = await makePendingConfirm(prisma, 2);
    await prisma.$executeRawUnsafe(
      `UPDATE "Agreement" SET "autoConfirmAt" = (now() AT TIME ZONE 'UTC') + interval '12 hours' WHERE id = $1::uuid`,
      soon.agreementId,
    );
    const run = () => new InngestTestEngine({ function: dueSoonReminders }).execute();
    expect((await run()).result).toEqual({ reminded: 1 });
    expect((await run()).result).toEqual({ reminded: 0 });

    const notes = await prisma.notification.findMany({ where: { kind: "agreement.due_soon" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: soon.studentUserId, agreementId: soon.agreementId, dedupeKey: notificationKey("dueSoon", soon.agreementId, soon.version) });
    expect(notes.some((n) => n.agreementId === later.agreementId)).toBe(false);
  });
});

describe("send-outbox-emails (cron)", () => {
  it("keeps the mails for the office when no SMTP server is configured", async () => {
    const saved = { url: process.env.SMTP_URL, host: process.env.SMTP_HOST };
    delete process.env.SMTP_URL;
    delete process.env.SMTP_HOST;
    try {
      expect(await prisma.outboxEmail.count({ where: { status: "PENDING" } })).toBeGreaterThan(0);
      const { result } = await new InngestTestEngine({ function: sendOutboxEmails }).execute();
      expect(result).toMatchObject({ sent: 0, failed: 0 });
      expect(await prisma.outboxEmail.count({ where: { status: "PENDING" } })).toBe(0);
      expect(await prisma.outboxEmail.count({ where: { status: "KEPT" } })).toBe((result as { kept: number }).kept);
    } finally {
      if (saved.url !== undefined) process.env.SMTP_URL = saved.url;
      if (saved.host !== undefined) process.env.SMTP_HOST = saved.host;
    }
  });
});
