// The in-process timer (the jobs of `npm start` without Inngest): the job list of
// jobs/list.ts on a real database — the sweep confirms what fell due, a failing job does not
// stop the others, a slow round is never overlapped, each job runs on its own ticks.
import type { Db } from "@/lib/db/client";
import { runJobsOnce, startInProcessJobs, stopInProcessJobs, type JobResults } from "@/jobs/in-process";
import { JOBS, type Job } from "@/jobs/list";
import { seedDemo } from "@/prisma/seed-data";
import { getTestPrisma } from "../setup/db";
import { makeOverdue, makePendingConfirm } from "./helpers/pending-confirm";

let prisma: Db;

beforeAll(async () => {
  prisma = await getTestPrisma();
  await seedDemo(prisma);
});

afterEach(async () => {
  await stopInProcessJobs();
  jest.restoreAllMocks();
});

const statusOf = async (id: string) => (await prisma.agreement.findUniqueOrThrow({ where: { id } })).status;

describe("one round (runJobsOnce)", () => {
  it("runs every job of the list: the sweep confirms the overdue agreement, the others report", async () => {
    const [due, waiting] = await makePendingConfirm(prisma, 2);
    await makeOverdue(prisma, [due.agreementId]);
    const results = await runJobsOnce();
    expect(Object.keys(results)).toEqual(JOBS.map((j) => j.id));
    expect((results["auto-confirm-sweep"] as { confirmed: number }).confirmed).toBeGreaterThanOrEqual(1);
    expect(await statusOf(due.agreementId)).toBe("PENDING_COLLEGE_REVIEW");
    expect(await statusOf(waiting.agreementId)).toBe("PENDING_STUDENT_CONFIRM");
  });

  it("a failing job is reported and logged; the jobs after it still run", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const ran: string[] = [];
    const jobs: Job[] = [
      { id: "broken", name: "坏任务", everyMinutes: 1, run: async () => Promise.reject(new Error("数据库不可用")) },
      { id: "fine", name: "好任务", everyMinutes: 1, run: async () => (ran.push("fine"), { ok: true }) },
    ];
    expect(await runJobsOnce(jobs)).toEqual({ broken: { error: "数据库不可用" }, fine: { ok: true } });
    expect(ran).toEqual(["fine"]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("坏任务失败"), expect.any(Error));
  });

  it("a job runs on the ticks of its schedule", async () => {
    const ran: number[] = [];
    const every2: Job = { id: "every2", name: "每两分钟", everyMinutes: 2, run: async () => ran.push(ran.length) };
    for (let tick = 0; tick < 5; tick++) await runJobsOnce([every2], tick);
    expect(ran).toHaveLength(3); // ticks 0, 2, 4
  });
});

describe("the timer (startInProcessJobs)", () => {
  it("confirms an agreement that falls due while it runs, without being asked", async () => {
    jest.spyOn(console, "log").mockImplementation(() => undefined);
    const [a] = await makePendingConfirm(prisma, 1);
    const rounds: JobResults[] = [];
    expect(startInProcessJobs({ intervalMs: 100, firstDelayMs: 0, onRound: (r) => rounds.push(r) })).toBe(true);
    expect(startInProcessJobs({ intervalMs: 100 })).toBe(false); // once per process
    await makeOverdue(prisma, [a.agreementId]);
    for (let i = 0; i < 100 && (await statusOf(a.agreementId)) !== "PENDING_COLLEGE_REVIEW"; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await statusOf(a.agreementId)).toBe("PENDING_COLLEGE_REVIEW");
    // the sweep is the round's first job: the round (with the jobs after it) may still be running
    for (let i = 0; i < 100 && rounds.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(rounds.length).toBeGreaterThan(0);
    expect(await prisma.agreementEvent.count({ where: { agreementId: a.agreementId, action: "autoConfirm" } })).toBe(1);
  });

  it("never overlaps a slow round with the next, and stops", async () => {
    jest.spyOn(console, "log").mockImplementation(() => undefined);
    let running = 0;
    let most = 0;
    let runs = 0;
    const slow: Job = {
      id: "slow",
      name: "慢任务",
      everyMinutes: 1,
      run: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 120));
        running--;
        runs++;
      },
    };
    startInProcessJobs({ intervalMs: 20, firstDelayMs: 0, jobs: [slow] });
    await new Promise((r) => setTimeout(r, 500));
    await stopInProcessJobs();
    const stoppedAt = runs;
    expect(most).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThan(10); // 25 ticks came by; most found the round still running
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(stoppedAt);
    expect(running).toBe(0);
  });
});
