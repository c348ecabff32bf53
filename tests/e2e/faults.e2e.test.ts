// Faults, over HTTP against the production build (this file runs LAST: see sequencer.cjs).
//
// 1. The database goes away in the middle of a stream of transitions: requests fail with
//    服务暂时不可用，请稍后重试 while it is down (never a 500, never another message), succeed
//    after, and every transition the app acknowledged is in the database.
//    Under CI (or E2E_RESTART_POSTGRES=1) the machine's PostgreSQL itself is stopped and
//    started again. Elsewhere — a shared development machine, where a restart would break
//    everybody else's tests — the e2e database alone is cut off the same way a restart cuts
//    it off: every connection to it terminated, new ones refused, then allowed again.
// 2. Chromium is killed while the app renders a print: that print, or the retry, succeeds.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { Client } from "pg";
import type { Db } from "@/lib/db/client";
import { ERROR_CODES } from "@/lib/errors";
import { approveAsCounselor, confirmAsStudent, saveDraft, signAsEmployer, submitAgreement } from "@/lib/workflow";
import { STATE_FILE } from "./global-setup";
import type { HttpSession } from "./helpers";
import {
  actionKey,
  approveForm,
  auditVersions,
  callAction,
  createProofWorld,
  openPrisma,
  outcome,
  sessionsFor,
  studentForm,
  unitSignForm,
  type ProofWorld,
} from "./proof-world";

const UNAVAILABLE = ERROR_CODES.UNAVAILABLE;
const CONFLICT = ERROR_CODES.CONFLICT;
const STATE = /^协议当前状态为“[^”]+”，不能进行“[^”]+”操作$/;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REAL_RESTART = !!process.env.CI || process.env.E2E_RESTART_POSTGRES === "1";
const embedded = process.env.TEST_DB_MODE === "embedded";

let prisma: Db;
let world: ProofWorld;
let sessions: Map<string, HttpSession>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const databaseName = () => decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1));

function pgCluster(): { version: string; cluster: string } {
  const version = readdirSync("/etc/postgresql").sort().at(-1)!;
  return { version, cluster: "main" };
}

function pgIsReady(): boolean {
  try {
    execFileSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-q"]);
    return true;
  } catch {
    return false;
  }
}

async function admin<T>(run: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** Takes the database away; returns how to bring it back. */
async function outage(): Promise<() => Promise<void>> {
  if (REAL_RESTART) {
    const { version, cluster } = pgCluster();
    execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, cluster, "stop", "-m", "fast"]);
    return async () => {
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, cluster, "start"]);
      for (let i = 0; i < 60 && !pgIsReady(); i++) await sleep(250);
    };
  }
  const name = databaseName();
  await admin(async (c) => {
    await c.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
  });
  return () => admin(async (c) => void (await c.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`)));
}

/** Whatever happened, PostgreSQL runs and the e2e database takes connections again. */
async function ensureDatabaseBack() {
  if (embedded) return;
  if (!pgIsReady()) {
    const { version, cluster } = pgCluster();
    try {
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, cluster, "start"]);
    } catch {
      /* already starting */
    }
    for (let i = 0; i < 60 && !pgIsReady(); i++) await sleep(250);
  }
  await admin(async (c) => void (await c.query(`ALTER DATABASE "${databaseName()}" WITH ALLOW_CONNECTIONS true`))).catch(() => {});
}

beforeAll(async () => {
  prisma = openPrisma();
  world = await createProofWorld(prisma, { studentsPerCollege: 8, colleges: 1 });
  sessions = await sessionsFor([world.units[0].staff, world.colleges[0].counselor]);
}, 60_000);

afterAll(async () => {
  await ensureDatabaseBack();
  await prisma?.$disconnect();
});

(embedded ? describe.skip : describe)("the database goes away during a stream of transitions", () => {
  it(`requests say ${UNAVAILABLE} while it is down, succeed after, and nothing acknowledged is lost (${REAL_RESTART ? "PostgreSQL restarted" : "e2e database cut off"})`, async () => {
    const unit = world.units[0];
    const unitSession = sessions.get(unit.staff.userId)!;
    // three agreements waiting for the unit; the stream signs and takes back, over and over
    const ids: string[] = [];
    for (const s of world.students.slice(0, 3)) {
      const d = await saveDraft(s, studentForm(unit.id));
      ids.push((await submitAgreement(s, { agreementId: d.agreementId, version: d.version })).agreementId);
    }
    const acked: { agreementId: string; version: number; action: string }[] = [];
    const seen = { unavailable: 0, afterRecovery: 0, http500: 0, other: [] as string[] };
    let phase: "before" | "down" | "after" = "before";
    let stop = false;

    const currentRef = async (agreementId: string) => {
      for (;;) {
        try {
          const a = await prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } });
          return { ref: { agreementId, version: a.version }, status: a.status };
        } catch {
          await sleep(200); // the test's own connection is down too
        }
      }
    };

    const stream = async (agreementId: string) => {
      let { ref, status } = await currentRef(agreementId);
      while (!stop) {
        const action = status === "PENDING_EMPLOYER" ? "sign" : "takeBack";
        const key = action === "sign" ? actionKey("app/employer/actions.ts", "signAction") : actionKey("app/employer/actions.ts", "takeBackAction");
        const args = action === "sign" ? [ref, unitSignForm(unit)] : [ref];
        let r;
        try {
          r = await callAction(unitSession, key, args, { pageId: agreementId });
        } catch (error) {
          seen.other.push(`network: ${String(error)}`);
          await sleep(100);
          continue;
        }
        const o = outcome(r);
        if (!o) {
          if (r.status >= 500) seen.http500++;
          else seen.other.push(`HTTP ${r.status}`);
          await sleep(100);
          continue;
        }
        if (o.ok) {
          const data = o.data as { version: number; status: string };
          acked.push({ agreementId, version: data.version, action });
          if (phase === "after") seen.afterRecovery++;
          ref = { agreementId, version: data.version };
          status = data.status as typeof status;
        } else if (o.error === UNAVAILABLE) {
          seen.unavailable++;
          await sleep(50);
        } else if (o.error === CONFLICT || STATE.test(o.error)) {
          // an attempt whose answer was lost did commit after all: read where it stands
          ({ ref, status } = await currentRef(agreementId));
        } else {
          seen.other.push(o.error);
          await sleep(100);
        }
      }
    };

    const streams = ids.map(stream);
    let restore: (() => Promise<void>) | null = null;
    try {
      // the stream runs before the fault (the first requests of a fresh server are slow)
      for (let i = 0; i < 100 && acked.length < 6; i++) await sleep(150);
      expect([acked.length >= 6, seen]).toEqual([true, seen]);
      phase = "down";
      restore = await outage();
      await sleep(3_000);
      await restore();
      restore = null;
      phase = "after";
      await sleep(4_000);
    } finally {
      if (restore) await restore().catch(() => {});
      await ensureDatabaseBack();
      stop = true;
      await Promise.all(streams);
    }

    console.log(`[faults] ${acked.length} transitions acknowledged, ${seen.unavailable} answered ${UNAVAILABLE}, ${seen.afterRecovery} after recovery`);
    expect(seen.other).toEqual([]);
    expect(seen.http500).toBe(0);
    expect(seen.unavailable).toBeGreaterThan(0);
    expect(seen.afterRecovery).toBeGreaterThan(0);
    // every acknowledged transition is in the database, as the very transition it claimed
    for (const a of acked) {
      const event = await prisma.agreementEvent.findUnique({ where: { agreementId_version: { agreementId: a.agreementId, version: a.version } } });
      expect([a, event?.action]).toEqual([a, a.action]);
    }
    for (const id of ids) expect(await auditVersions(prisma, id)).toMatchObject({ contiguous: true });
    // and the pages work again
    expect((await unitSession.fetch("/employer/pending")).status).toBe(200);
  });
});

describe("Chromium killed while the app renders a print", () => {
  /** Chromium processes started by the app server (puppeteer gives them their own group). */
  function chromiumOfServer(): number[] {
    const serverPid = (JSON.parse(readFileSync(STATE_FILE, "utf8")) as { pid: number }).pid;
    const rows = execFileSync("ps", ["-eo", "pid=,ppid=,comm="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((l) => l.trim().split(/\s+/))
      .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm }));
    const mine = new Set([serverPid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of rows) {
        if (!mine.has(r.pid) && mine.has(r.ppid)) {
          mine.add(r.pid);
          grew = true;
        }
      }
    }
    return rows.filter((r) => mine.has(r.pid) && /chrom/i.test(r.comm)).map((r) => r.pid);
  }

  it("the print succeeds (at once or on retry), is recorded once per PDF served, and Chromium comes back", async () => {
    const unit = world.units[1];
    const counselor = world.colleges[0].counselor;
    const c = sessions.get(counselor.userId)!;
    // fresh approved agreements: each print must really render (no cached PDF to fall back on)
    const approved: string[] = [];
    for (const s of world.students.slice(3, 8)) {
      let r = await saveDraft(s, studentForm(unit.id));
      r = await submitAgreement(s, { agreementId: r.agreementId, version: r.version });
      r = await signAsEmployer(unit.staff, { agreementId: r.agreementId, version: r.version }, unitSignForm(unit) as never);
      r = await confirmAsStudent(s, { agreementId: r.agreementId, version: r.version });
      r = await approveAsCounselor(counselor, { agreementId: r.agreementId, version: r.version }, approveForm);
      approved.push(r.agreementId);
    }
    const print = (id: string) => c.fetch(`/api/agreements/${id}/pdf`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const isPdf = (res: Response) => (res.headers.get("content-type") ?? "").includes("application/pdf");
    // the app's Chromium up and warm
    expect(isPdf(await c.fetch(`/api/agreements/${approved[0]}/pdf?preview=1`))).toBe(true);
    const before = chromiumOfServer();
    expect(before.length).toBeGreaterThan(0);

    const outcomes: string[] = [];
    for (const [attempt, id] of approved.slice(0, 4).entries()) {
      const pending = print(id);
      await sleep(10 + attempt * 30); // the request has reached the renderer, or is about to
      const killed = chromiumOfServer();
      for (const pid of killed) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* gone already */
        }
      }
      const res = await pending;
      if (isPdf(res)) {
        outcomes.push(`served (killed ${killed.length})`);
        await res.arrayBuffer();
      } else {
        const body = (await res.json()) as { error: string };
        expect(body.error).toMatch(/[\u4e00-\u9fa5]/);
        outcomes.push(`refused ${res.status} ${body.error} (killed ${killed.length})`);
        const retry = await print(id); // what a person does next
        expect(isPdf(retry)).toBe(true);
        await retry.arrayBuffer();
      }
      // one print record per agreement: a failed attempt recorded nothing
      expect(await prisma.printRecord.count({ where: { agreementId: id } })).toBe(1);
    }
    console.log(`[faults] prints with Chromium killed mid-render: ${outcomes.join("; ")}`);
    // a new Chromium serves the next print
    const last = await print(approved[4]);
    expect(isPdf(last)).toBe(true);
    const after = chromiumOfServer();
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((pid) => before.includes(pid))).toBe(false);
  });
});
