// Races across two app instances: two more `next start` processes of the same build on the
// same PostgreSQL, both running the in-process jobs (the auto-confirmation sweep on a short
// timer). Conflicting actions on one agreement are sent at the same moment, one to each
// instance, many times: exactly one wins, every other gets the conflict (or the state)
// message, and the audit trail stays contiguous — no lost and no doubled transition.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import {
  autoConfirmDue,
  returnAsCounselor,
  returnAsEmployer,
  saveDraft,
  signAsEmployer,
  submitAgreement,
  takeBackForResign,
} from "@/lib/workflow";
import { ARTIFACTS, HttpSession, baseUrl } from "./helpers";
import {
  actionKey,
  auditVersions,
  callAction,
  counselorOf,
  createProofWorld,
  openPrisma,
  outcome,
  sessionsFor,
  stopApp,
  studentForm,
  unitSignForm,
  type ActionResponse,
  type ProofWorld,
  type WorldStudent,
} from "./proof-world";
import { startApp, type AppServer } from "./server";

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 20);
const CONFLICT = "该协议已被他人更新，请刷新后重试";
// a loser that read the row after the winner committed is told the new state instead
const STATE = /^协议当前状态为“[^”]+”，不能进行“[^”]+”操作$/;
// 批量签约's per-row answer for a row someone acted on meanwhile (#17.3: who did what, when)
const DONE_BY = /^已由.+于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}“[^”]+”[，：]/;
const LATE = "已超过复核确认期限，系统正在自动确认签约信息";

const KEYS = {
  submit: actionKey("app/student/agreement/actions.ts", "submitAction"),
  confirm: actionKey("app/student/agreement/actions.ts", "confirmAction"),
  sign: actionKey("app/employer/actions.ts", "signAction"),
  batchSign: actionKey("app/employer/actions.ts", "batchSignAction"),
  returnByEmployer: actionKey("app/employer/actions.ts", "returnAction"),
  takeBack: actionKey("app/employer/actions.ts", "takeBackAction"),
};

let prisma: Db;
let world: ProofWorld;
const instances: AppServer[] = [];
let sessions: Map<string, HttpSession>;
const logs: string[] = [];

beforeAll(async () => {
  prisma = openPrisma();
  world = await createProofWorld(prisma, { studentsPerCollege: 30, colleges: 1 });
  const port = Number(new URL(baseUrl()).port) + 50;
  const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
  for (const i of [0, 1]) {
    const logFile = path.join(ARTIFACTS, `races-instance-${i}-${process.pid}.log`);
    logs.push(logFile);
    instances.push(
      await startApp({
        databaseUrl: process.env.DATABASE_URL!,
        databaseName: null,
        port: port + i,
        distDir,
        build: false,
        logFile,
        env: { WQ_IN_PROCESS_JOBS: "1", WQ_JOBS_INTERVAL_MS: "300" } as unknown as NodeJS.ProcessEnv,
      }),
    );
  }
  sessions = await sessionsFor([...world.students, world.units[0].staff, world.units[1].staff]);
}, 180_000);

afterAll(async () => {
  await Promise.all(instances.map(stopApp));
  await prisma?.$disconnect();
});

type Ref = { agreementId: string; version: number };
let next = 0;
function takeStudent(): WorldStudent {
  return world.students[next++];
}

async function ref(agreementId: string): Promise<Ref> {
  const a = await prisma.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { version: true } });
  return { agreementId, version: a.version };
}

/** Sends one action to each instance at the same moment. */
function race(calls: { session: HttpSession; key: string; args: unknown[] }[], agreementId: string): Promise<ActionResponse[]> {
  return Promise.all(calls.map((c, i) => callAction(c.session, c.key, c.args, { base: instances[i % instances.length].url, pageId: agreementId })));
}

function verdicts(responses: ActionResponse[]) {
  return responses.map((r) => {
    const o = outcome(r);
    if (!o) throw new Error(`no action result: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    return o;
  });
}

function expectOneWinner(results: ReturnType<typeof verdicts>, allowedLosers: (string | RegExp)[] = [CONFLICT, STATE]) {
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  for (const r of results) {
    if (r.ok) continue;
    const message = (r as { error: string }).error;
    expect([message, allowedLosers.some((m) => (typeof m === "string" ? m === message : m.test(message)))]).toEqual([message, true]);
  }
}

async function expectContiguous(agreementId: string) {
  const audit = await auditVersions(prisma, agreementId);
  expect(audit).toMatchObject({ contiguous: true });
}

const studentSession = (s: WorldStudent) => sessions.get(s.userId)!;
const unit = () => world.units[0];
const unitSession = () => sessions.get(unit().staff.userId)!;

describe(`conflicting actions on one agreement, one on each of two instances (${ROUNDS} rounds each)`, () => {
  it("double submit: 正式提交 twice at once", async () => {
    const s = takeStudent();
    let r = await saveDraft(s, studentForm(unit().id));
    for (let round = 0; round < ROUNDS; round++) {
      const before = await ref(r.agreementId);
      const results = verdicts(await race([0, 1].map(() => ({ session: studentSession(s), key: KEYS.submit, args: [before] })), r.agreementId));
      expectOneWinner(results);
      expect((await ref(r.agreementId)).version).toBe(before.version + 1);
      // back to a draft for the next round, through the workflow
      r = await returnAsEmployer(unit().staff, await ref(r.agreementId), "请修改");
      r = await saveDraft(s, studentForm(unit().id), await ref(r.agreementId));
    }
    await expectContiguous(r.agreementId);
    expect(await prisma.agreementEvent.count({ where: { agreementId: r.agreementId, action: "submit" } })).toBe(ROUNDS);
  });

  it("double sign: two staff members sign the same agreement at once", async () => {
    const s = takeStudent();
    let r = await saveDraft(s, studentForm(unit().id));
    r = await submitAgreement(s, await ref(r.agreementId));
    for (let round = 0; round < ROUNDS; round++) {
      const before = await ref(r.agreementId);
      const results = verdicts(await race([0, 1].map(() => ({ session: unitSession(), key: KEYS.sign, args: [before, unitSignForm(unit())] })), r.agreementId));
      expectOneWinner(results);
      expect((await ref(r.agreementId)).version).toBe(before.version + 1);
      r = await takeBackForResign(unit().staff, await ref(r.agreementId));
    }
    await expectContiguous(r.agreementId);
    expect(await prisma.agreementEvent.count({ where: { agreementId: r.agreementId, action: "sign" } })).toBe(ROUNDS);
  });

  it("batch sign vs return: 批量签约 of three while one of them is returned", async () => {
    const three = [takeStudent(), takeStudent(), takeStudent()];
    const ids: string[] = [];
    for (const s of three) {
      const d = await saveDraft(s, studentForm(unit().id));
      ids.push((await submitAgreement(s, await ref(d.agreementId))).agreementId);
    }
    const contested = ids[1];
    for (let round = 0; round < ROUNDS; round++) {
      const refs = await Promise.all(ids.map(ref));
      const [batch, ret] = await race(
        [
          { session: unitSession(), key: KEYS.batchSign, args: [refs] },
          { session: unitSession(), key: KEYS.returnByEmployer, args: [refs[1], "信息有误，退回修改"] },
        ],
        contested,
      );
      const items = (outcome(batch) as { ok: true; data: { agreementId: string; ok: boolean; message: string }[] }).data;
      const contestedItem = items.find((i) => i.agreementId === contested)!;
      const returned = outcome(ret)!;
      // exactly one of the two got the contested agreement; the others in the batch were signed
      expect([contestedItem.ok, returned.ok].filter(Boolean)).toHaveLength(1);
      const loser = contestedItem.ok ? (returned as { error: string }).error : contestedItem.message;
      expect([CONFLICT, "未找到该协议"].includes(loser) || STATE.test(loser) || DONE_BY.test(loser)).toBe(true);
      expect(items.filter((i) => i.agreementId !== contested).every((i) => i.ok)).toBe(true);
      const after = await prisma.agreement.findUniqueOrThrow({ where: { id: contested } });
      expect(after.status).toBe(contestedItem.ok ? "PENDING_STUDENT_CONFIRM" : "RETURNED");
      expect(after.version).toBe(refs[1].version + 1);
      // everything back to 待用人单位签约
      for (const id of ids) {
        const a = await prisma.agreement.findUniqueOrThrow({ where: { id }, include: { student: true } });
        const owner = three.find((s) => s.studentId === a.studentId)!;
        if (a.status === "PENDING_STUDENT_CONFIRM") await takeBackForResign(unit().staff, await ref(id));
        if (a.status === "RETURNED") {
          await saveDraft(owner, studentForm(unit().id), await ref(id));
          await submitAgreement(owner, await ref(id));
        }
      }
    }
    for (const id of ids) await expectContiguous(id);
  });

  it("take-back vs confirm: 拿回重签 and 确定签约信息 at once", async () => {
    const s = takeStudent();
    let r = await saveDraft(s, studentForm(unit().id));
    r = await submitAgreement(s, await ref(r.agreementId));
    r = await signAsEmployer(unit().staff, await ref(r.agreementId), unitSignForm(unit()) as never);
    const wins = { takeBack: 0, confirm: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const before = await ref(r.agreementId);
      // alternate which instance gets which, so neither has a head start
      const calls = [
        { session: unitSession(), key: KEYS.takeBack, args: [before] },
        { session: studentSession(s), key: KEYS.confirm, args: [before] },
      ];
      const results = verdicts(await race(round % 2 ? calls.reverse() : calls, r.agreementId));
      expectOneWinner(results);
      const after = await prisma.agreement.findUniqueOrThrow({ where: { id: r.agreementId } });
      expect(after.version).toBe(before.version + 1);
      if (after.status === "PENDING_EMPLOYER") {
        wins.takeBack++;
      } else {
        expect(after.status).toBe("PENDING_COLLEGE_REVIEW");
        wins.confirm++;
        r = await returnAsCounselor(counselorOf(world, s), await ref(r.agreementId), "请重新办理");
        r = await saveDraft(s, studentForm(unit().id), await ref(r.agreementId));
        r = await submitAgreement(s, await ref(r.agreementId));
      }
      r = await signAsEmployer(unit().staff, await ref(r.agreementId), unitSignForm(unit()) as never);
    }
    await expectContiguous(r.agreementId);
    console.log(`[races] take-back vs confirm: take-back won ${wins.takeBack}, confirm won ${wins.confirm}`);
  });

  it("confirm vs auto-confirm: the student confirms as the 7 days run out (sweeps in both instances and here)", async () => {
    const s = takeStudent();
    let r = await saveDraft(s, studentForm(unit().id));
    r = await submitAgreement(s, await ref(r.agreementId));
    r = await signAsEmployer(unit().staff, await ref(r.agreementId), unitSignForm(unit()) as never);
    const wins = { confirm: 0, autoConfirm: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      // the deadline is moved close (a column of the fixture, not the status); at it, both go
      const dueAt = new Date(Date.now() + 400);
      await prisma.agreement.update({ where: { id: r.agreementId }, data: { autoConfirmAt: dueAt } });
      const before = await ref(r.agreementId);
      // the student clicks just before the deadline; two sweeps here run as of the deadline,
      // starting 0–190 ms later (varying by round), so which reaches the row first varies
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt.getTime() - Date.now() - 150)));
      const lag = 20 * (round % 10);
      const sweep = () => new Promise((resolve) => setTimeout(resolve, lag)).then(() => autoConfirmDue(dueAt));
      const [confirm] = await Promise.all([callAction(studentSession(s), KEYS.confirm, [before], { base: instances[round % 2].url }), sweep(), sweep()]);
      // the instances' own sweeps run every 300 ms: give them the chance to double it
      await new Promise((resolve) => setTimeout(resolve, 700));
      const student = outcome(confirm)!;
      const after = await prisma.agreement.findUniqueOrThrow({ where: { id: r.agreementId } });
      expect(after.status).toBe("PENDING_COLLEGE_REVIEW");
      expect(after.version).toBe(before.version + 1);
      const event = await prisma.agreementEvent.findUniqueOrThrow({ where: { agreementId_version: { agreementId: r.agreementId, version: after.version } } });
      if (student.ok) {
        expect(event.action).toBe("confirm");
        wins.confirm++;
      } else {
        expect([CONFLICT, LATE].includes((student as { error: string }).error) || STATE.test((student as { error: string }).error)).toBe(true);
        expect(event.action).toBe("autoConfirm");
        wins.autoConfirm++;
      }
      r = await returnAsCounselor(counselorOf(world, s), await ref(r.agreementId), "请重新办理");
      r = await saveDraft(s, studentForm(unit().id), await ref(r.agreementId));
      r = await submitAgreement(s, await ref(r.agreementId));
      r = await signAsEmployer(unit().staff, await ref(r.agreementId), unitSignForm(unit()) as never);
    }
    await expectContiguous(r.agreementId);
    console.log(`[races] confirm vs auto-confirm: student won ${wins.confirm}, sweep won ${wins.autoConfirm}`);
  });
});

describe("the in-process sweep running in both instances", () => {
  it("confirms each overdue agreement exactly once", async () => {
    const overdue: string[] = [];
    while (next < world.students.length) {
      const s = takeStudent();
      let r = await saveDraft(s, studentForm(unit().id));
      r = await submitAgreement(s, await ref(r.agreementId));
      r = await signAsEmployer(unit().staff, await ref(r.agreementId), unitSignForm(unit()) as never);
      overdue.push(r.agreementId);
    }
    expect(overdue.length).toBeGreaterThanOrEqual(10);
    const logStart = logs.map((file) => statSync(file).size); // count only what the instances log from now on
    // they fall due one after another over ~3 s, so both instances' timers (300 ms, not in
    // step) find some; only those timers confirm them
    const start = Date.now();
    for (const [i, id] of overdue.entries()) await prisma.agreement.update({ where: { id }, data: { autoConfirmAt: new Date(start + i * 130) } });
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (await prisma.agreement.count({ where: { id: { in: overdue }, status: "PENDING_STUDENT_CONFIRM" } })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await prisma.agreement.count({ where: { id: { in: overdue }, status: "PENDING_COLLEGE_REVIEW", autoConfirmed: true } })).toBe(overdue.length);
    for (const id of overdue) {
      expect(await prisma.agreementEvent.count({ where: { agreementId: id, action: "autoConfirm" } })).toBe(1);
      await expectContiguous(id);
    }
    // each instance logs how many it confirmed: together exactly the overdue ones (none twice)
    await new Promise((resolve) => setTimeout(resolve, 300));
    const confirmedBy = logs.map((file) => [...readFileSync(file).subarray(logStart[logs.indexOf(file)]).toString("utf8").matchAll(/系统自动确认 (\d+) 份协议/g)].reduce((n, m) => n + Number(m[1]), 0));
    console.log(`[races] sweep: instance 1 confirmed ${confirmedBy[0]}, instance 2 confirmed ${confirmedBy[1]} of ${overdue.length}`);
    expect(confirmedBy[0] + confirmedBy[1]).toBe(overdue.length);
  });
});
