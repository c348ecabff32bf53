// npm run bench:load — the production build (`next start`) on loopback, on its own fresh
// database, under autocannon with 50 concurrent clients doing mixed traffic the way people
// do: list pages, detail pages, and workflow transitions through HTTP server actions
// (the unit's 确定签约, the student's 确定签约信息). In the same run, pgbench's TPS for a
// comparable two-statement transaction (UPDATE one row + INSERT one row, what a transition
// writes at minimum) on the same server is the machine's ceiling; and the framework's floor:
// the same Next.js with a page, a server action and a route handler that do no work at all
// (scripts/bench-floor-app), under the same 50 clients — no page or action of ours can be
// cheaper than that.
// BENCH_SECONDS (20), BENCH_CLIENTS (50), BENCH_AGREEMENTS (3000), BENCH_PORT (3250),
// NEXT_DIST_DIR (.next-bench; built if the sources changed), BENCH_KEEP_DB=1.
// Last line: BENCH load clients=50 rps=<r> p95_ms=<p> p99_ms=<q> errors=<e> pgbench_tps=<t>
import { execFileSync, spawn } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadLiveSession } from "../lib/auth/sessions";
import { createPrisma } from "../lib/db/client";
import { makeIdNumber } from "../lib/validation/id-card";
import { reviewedGraduate } from "../tests/fixtures/graduate";
import { saveDraft, submitAgreement } from "../lib/workflow";
import type { WorkflowActor } from "../lib/workflow/actor";
import { stopApp } from "../tests/e2e/proof-world";
import { createDatabase, dropDatabase, startApp, waitForHttp } from "../tests/e2e/server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 3000);
const PORT = Number(process.env.BENCH_PORT ?? 3250);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const AUTH_SECRET = process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789";
const COOKIE = "authjs.session-token";
const root = path.resolve(__dirname, "..");

type AutocannonRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};
type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
};
const autocannon = createRequire(__filename)("autocannon") as (opts: Record<string, unknown>) => Promise<AutocannonResult> & { on?: unknown };

function log(line: string) {
  console.log(`[bench:load] ${line}`);
}

// ---- the ceiling: pgbench ----

function pgbenchTps(): number {
  const db = `wq_pgbench_${Date.now()}`;
  const url = new URL(ADMIN_URL);
  const conn = ["-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres")];
  execFileSync("createdb", [...conn, db]);
  try {
    execFileSync("pgbench", [...conn, "-i", "-q", "-s", "10", db], { stdio: "ignore" });
    const dir = mkdtempSync(path.join(tmpdir(), "wq-pgbench-"));
    const script = path.join(dir, "transition.sql");
    // what one transition writes at minimum: the row (optimistic version check) + its event
    writeFileSync(
      script,
      `\\set aid random(1, 100000 * :scale)
\\set delta random(-5000, 5000)
BEGIN;
UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, :aid, :delta, CURRENT_TIMESTAMP);
END;
`,
    );
    const out = execFileSync("pgbench", [...conn, "-n", "-c", "10", "-j", "2", "-T", "10", "-f", script, db], { encoding: "utf8" });
    const m = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(out);
    if (!m) throw new Error(`pgbench output not understood:\n${out}`);
    return Number(m[1]);
  } finally {
    execFileSync("dropdb", [...conn, "--if-exists", db]);
  }
}

// autocannon reports p97.5 and p99 but not p95: interpolate between p90 and p97.5
function p95Of(r: AutocannonResult): number {
  return r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * (95 - 90)) / (97.5 - 90);
}

// ---- the floor: the same Next.js doing nothing ----

type Floor = { actionRps: number; actionP50: number; actionP95: number; routeRps: number; routeP95: number; pageRps: number };

async function frameworkFloor(): Promise<Floor> {
  const dir = path.join(root, "scripts", "bench-floor-app");
  const next = path.join(root, "node_modules", ".bin", "next");
  execFileSync(next, ["build"], { cwd: dir, stdio: "ignore", env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: "" } });
  const port = PORT + 1;
  const child = spawn(next, ["start", "-p", String(port)], { cwd: dir, stdio: "ignore", detached: true, env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: "" } });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url);
    const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
    const noop = Object.entries(manifest.node).find(([, e]) => e.exportedName === "noop")![0];
    const run = (request: AutocannonRequest) => autocannon({ url, connections: CLIENTS, duration: 10, requests: [request], timeout: 10 });
    await run({ method: "GET", path: "/" }); // warm-up
    const page = await run({ method: "GET", path: "/" });
    const action = await run({
      method: "POST",
      path: "/",
      headers: { "next-action": noop, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      body: JSON.stringify([{ n: 1 }]),
    });
    const route = await run({ method: "POST", path: "/api/ping", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: 1 }) });
    for (const r of [page, action, route]) if (r.non2xx + r.errors + r.timeouts > 0) throw new Error("the framework floor app answered with errors");
    return { actionRps: action.requests.average, actionP50: action.latency.p50, actionP95: p95Of(action), routeRps: route.requests.average, routeP95: p95Of(route), pageRps: page.requests.average };
  } finally {
    await stopApp({ pid: child.pid!, child });
  }
}

// ---- the app's data: one 学院, one unit, AGREEMENTS graduates waiting for the unit ----

function forgeTokens(claims: Record<string, unknown>[]): string[] {
  const script = `import { encode } from "next-auth/jwt";
    import { readFileSync } from "node:fs";
    const list = JSON.parse(readFileSync(0, "utf8"));
    const out = [];
    for (const claims of list) out.push(await encode({ token: claims, secret: ${JSON.stringify(AUTH_SECRET)}, salt: "${COOKIE}", maxAge: 12 * 3600 }));
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, input: JSON.stringify(claims), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

type Prepared = {
  /** the server-side sessions the clients hold */
  sessionIds: string[];
  unitCookie: string;
  counselorCookie: string;
  pending: { agreementId: string; version: number; studentCookie: string }[];
  detailIds: string[];
};

async function prepare(databaseUrl: string): Promise<Prepared> {
  const prisma = createPrisma(databaseUrl, 10);
  (globalThis as unknown as { wqPrisma?: unknown }).wqPrisma = prisma; // the services use it
  try {
    const college = await prisma.college.create({ data: { code: "B1", name: "压测学院" } });
    const major = await prisma.major.create({ data: { code: "B1M", name: "压测专业", collegeId: college.id } });
    const counselor = await prisma.user.create({ data: { username: "bench-fdy", passwordHash: "x", role: "COUNSELOR", name: "压测辅导员", collegeId: college.id } });
    const unit = await prisma.employer.findFirstOrThrow({ where: { status: "APPROVED" }, include: { staff: true } });
    const staff = unit.staff[0];
    await prisma.user.createMany({
      data: Array.from({ length: AGREEMENTS }, (_, i) => ({ username: `B${String(i).padStart(8, "0")}`, passwordHash: "x", role: "STUDENT" as const, name: `压测学生${i}` })),
    });
    const users = await prisma.user.findMany({ where: { username: { startsWith: "B0" } }, orderBy: { username: "asc" } });
    await prisma.student.createMany({
      data: users.map((u, i) =>
        reviewedGraduate({
          userId: u.id,
          studentNo: u.username,
          name: u.name,
          gender: i % 2 ? "FEMALE" : "MALE",
          collegeId: college.id,
          majorId: major.id,
          idNumber: makeIdNumber(["230103", "230104", "230102", "230108"][i % 4], new Date(Date.UTC(2000 + Math.floor(i / 4 / 499 / 28) % 6, 0, 1 + (Math.floor(i / 4 / 499) % 28))), Math.floor(i / 4) % 499, i % 2 ? "FEMALE" : "MALE"),
        }),
      ),
    });
    const form = { employerId: unit.id, studentPhone: "13812345678", studentEmail: "s@bench.example", studentOpinion: "同意" };
    const pending: { agreementId: string; version: number; userId: string; name: string }[] = [];
    for (let i = 0; i < users.length; i += 20) {
      const batch = await Promise.all(
        users.slice(i, i + 20).map(async (u) => {
          const actor: WorkflowActor = { userId: u.id, role: "STUDENT", name: u.name, collegeId: null, employerId: null };
          const d = await saveDraft(actor, form);
          const s = await submitAgreement(actor, { agreementId: d.agreementId, version: d.version });
          return { agreementId: s.agreementId, version: s.version, userId: u.id, name: u.name };
        }),
      );
      pending.push(...batch);
    }
    // every client holds a real server-side session (what a sign-in creates): the app reads it on every request
    const now = new Date();
    const holders = [staff.id, counselor.id, ...pending.map((p) => p.userId)].map((userId) => ({ id: randomUUID(), userId }));
    await prisma.userSession.createMany({
      data: holders.map((h) => ({ ...h, authMethod: "PASSWORD" as const, authenticatedAt: now, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 12 * 3_600_000), ip: "127.0.0.1" })),
    });
    const tokens = forgeTokens(holders.map((h) => ({ sub: h.userId, sid: h.id, sx: Math.floor(now.getTime() / 1000) + 12 * 3600 })));
    return {
      sessionIds: holders.map((h) => h.id),
      unitCookie: `${COOKIE}=${tokens[0]}`,
      counselorCookie: `${COOKIE}=${tokens[1]}`,
      pending: pending.map((p, i) => ({ agreementId: p.agreementId, version: p.version, studentCookie: `${COOKIE}=${tokens[i + 2]}` })),
      detailIds: pending.slice(0, 200).map((p) => p.agreementId),
    };
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * What the per-request session check costs by itself, on this database in this run: the
 * primary-key read every page, action and route handler makes (lib/auth/sessions.ts
 * loadLiveSession), against the cheapest round trip (SELECT 1) on the same connection.
 */
async function sessionCheckCost(databaseUrl: string, sessionIds: string[]) {
  const prisma = createPrisma(databaseUrl, 1);
  (globalThis as unknown as { wqPrisma?: unknown }).wqPrisma = prisma;
  try {
    const time = async (n: number, f: (i: number) => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await f(i);
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      return { p50: ms[Math.floor(n / 2)], p95: ms[Math.floor(n * 0.95)] };
    };
    await time(50, () => prisma.$queryRaw`SELECT 1`); // warm
    const floor = await time(500, () => prisma.$queryRaw`SELECT 1`);
    const check = await time(500, (i) => loadLiveSession(sessionIds[i % sessionIds.length], undefined, prisma));
    log(`session check (one primary-key read with its account, 500 sequential): p50 ${check.p50.toFixed(2)} ms, p95 ${check.p95.toFixed(2)} ms; SELECT 1 on the same connection p50 ${floor.p50.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms`);
  } finally {
    await prisma.$disconnect();
  }
}

function actionIds(): { sign: string; confirm: string } {
  const manifest = JSON.parse(readFileSync(path.join(root, DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const find = (file: string, name: string) => Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === name)![0];
  return { sign: find("app/employer/actions.ts", "signAction"), confirm: find("app/student/agreement/actions.ts", "confirmAction") };
}

/** The action's result out of the RSC answer (`1:{"ok":…}`). */
function actionOk(body: string): boolean {
  return /^1:\{"ok":true/m.test(body);
}

async function main() {
  log("pgbench (ceiling)…");
  const pgTps = pgbenchTps();
  log(`pgbench: ${pgTps.toFixed(0)} TPS (UPDATE + INSERT per transaction, 10 clients); 25 % of it: ${(pgTps / 4).toFixed(0)}/s`);
  log(`framework floor: the same Next.js doing no work, ${CLIENTS} clients…`);
  const floor = await frameworkFloor();
  const pct = (x: number) => `${((100 * x) / pgTps).toFixed(1)} % of pgbench`;
  log(`floor: empty page ${floor.pageRps.toFixed(0)} rps; no-op server action ${floor.actionRps.toFixed(0)} rps (${pct(floor.actionRps)}), p50 ${floor.actionP50} ms, p95 ${floor.actionP95.toFixed(0)} ms; no-op route handler ${floor.routeRps.toFixed(0)} rps (${pct(floor.routeRps)}), p95 ${floor.routeP95.toFixed(0)} ms`);

  const db = await createDatabase(ADMIN_URL, "wq_bench");
  const server = await startApp({ databaseUrl: db.url, databaseName: db.name, port: PORT, distDir: DIST_DIR, env: { AUTH_SECRET } as unknown as NodeJS.ProcessEnv });
  try {
    log(`preparing ${AGREEMENTS} agreements waiting for the unit…`);
    const data = await prepare(db.url);
    await sessionCheckCost(db.url, data.sessionIds);
    const ids = actionIds();
    const signForm = await (async () => {
      const prisma = createPrisma(db.url, 1);
      const e = await prisma.employer.findFirstOrThrow({ where: { status: "APPROVED" } });
      await prisma.$disconnect();
      return {
        unitName: e.name, unitOrgCode: e.orgCode, unitDepartment: e.department, unitContactName: e.contactName, unitContactPhone: e.contactPhone,
        unitEmail: e.email, unitAddress: e.address, unitPostalCode: e.postalCode, unitNatureCode: e.natureCode, unitReportTitle: e.reportTitle,
        unitPartyOrgReceiver: e.partyOrgReceiver, unitArchiveAddress: e.archiveAddress, unitSettleCity: e.settleCity, employerOpinion: "同意接收", authorityOpinion: null,
      };
    })();

    const toSign = [...data.pending];
    const toConfirm: { agreementId: string; version: number; studentCookie: string }[] = [];
    const transitions = { sign: 0, confirm: 0, failed: 0 };
    const pick = <T>(list: T[]) => list[randomInt(list.length)];
    const get = (p: string, cookie: string): AutocannonRequest => ({ method: "GET", path: p, headers: { cookie }, body: undefined });
    const action = (page: string, id: string, args: unknown[], cookie: string): AutocannonRequest => ({
      method: "POST",
      path: page,
      headers: { cookie, "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      body: JSON.stringify(args),
    });
    const anyStudent = () => pick(data.pending).studentCookie;

    // one client's round: 4 page views and 2 transitions, like a unit and a graduate at work
    const requests: AutocannonRequest[] = [
      { setupRequest: (r) => ({ ...r, ...get("/employer/pending", data.unitCookie) }) },
      { setupRequest: (r) => ({ ...r, ...get(`/employer/pending/${pick(data.detailIds)}`, data.unitCookie) }) },
      {
        setupRequest: (r, context) => {
          const next = toSign.shift();
          context.signing = next ?? null;
          if (!next) return { ...r, ...get("/employer/signed", data.unitCookie) };
          return { ...r, ...action(`/employer/pending/${next.agreementId}`, ids.sign, [{ agreementId: next.agreementId, version: next.version }, signForm], data.unitCookie) };
        },
        onResponse: (_status, body, context) => {
          const done = context.signing as (typeof toSign)[number] | null;
          if (!done) return;
          if (actionOk(body)) {
            transitions.sign++;
            toConfirm.push({ ...done, version: done.version + 1 });
          } else transitions.failed++;
        },
      },
      { setupRequest: (r) => ({ ...r, ...get("/counselor/review", data.counselorCookie) }) },
      { setupRequest: (r) => ({ ...r, ...get("/student/agreement", anyStudent()) }) },
      {
        setupRequest: (r, context) => {
          const next = toConfirm.shift();
          context.confirming = next ?? null;
          if (!next) return { ...r, ...get(`/counselor/review/${pick(data.detailIds)}`, data.counselorCookie) };
          return { ...r, ...action("/student/agreement", ids.confirm, [{ agreementId: next.agreementId, version: next.version }], next.studentCookie) };
        },
        onResponse: (_status, body, context) => {
          if (!context.confirming) return;
          if (actionOk(body)) transitions.confirm++;
          else transitions.failed++;
        },
      },
    ];

    // where the time goes: each kind of request alone, one at a time (median of 10)
    const probes: [string, () => AutocannonRequest][] = [
      ["待签约信息 list", () => get("/employer/pending", data.unitCookie)],
      ["办理 detail", () => get(`/employer/pending/${pick(data.detailIds)}`, data.unitCookie)],
      ["网上签约审核 list", () => get("/counselor/review", data.counselorCookie)],
      ["我的签约", () => get("/student/agreement", anyStudent())],
      ["审核 detail", () => get(`/counselor/review/${pick(data.detailIds)}`, data.counselorCookie)],
    ];
    for (const [name, make] of probes) {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const r = make();
        const t0 = performance.now();
        const res = await fetch(`${server.url}${r.path}`, { headers: r.headers, redirect: "manual" });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      log(`alone: ${name} ${times[5].toFixed(0)} ms (median of 10)`);
    }

    log("warm-up (5 s)…");
    await autocannon({ url: server.url, connections: 10, duration: 5, requests: [requests[0], requests[1], requests[3], requests[4]] });
    log(`load: ${CLIENTS} clients for ${SECONDS} s…`);
    const started = Date.now();
    const result = await autocannon({ url: server.url, connections: CLIENTS, duration: SECONDS, requests, timeout: 10 });
    const seconds = (Date.now() - started) / 1000;
    const transitionsPerSecond = (transitions.sign + transitions.confirm) / seconds;
    const errors = result.non2xx + result.errors + result.timeouts + transitions.failed;
    log(`requests: ${result.requests.total} in ${seconds.toFixed(1)} s; latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    log(`transitions: ${transitions.sign} 确定签约 + ${transitions.confirm} 确定签约信息 = ${transitionsPerSecond.toFixed(1)}/s (${((100 * transitionsPerSecond) / pgTps).toFixed(1)} % of pgbench's ${pgTps.toFixed(0)} TPS); refused: ${transitions.failed}`);
    if (toSign.length === 0) log("note: every prepared agreement was signed before the end (raise BENCH_AGREEMENTS)");

    // the same transitions without the page views: how close the write path gets to pgbench
    const signedBefore = transitions.sign + transitions.confirm;
    const onlyTransitions = await autocannon({ url: server.url, connections: CLIENTS, duration: 10, requests: [requests[2], requests[5]], timeout: 10 });
    const onlyRate = (transitions.sign + transitions.confirm - signedBefore) / onlyTransitions.duration;
    const onlyP95 = p95Of(onlyTransitions);
    log(`transitions only (${CLIENTS} clients, 10 s): ${onlyRate.toFixed(1)}/s = ${((100 * onlyRate) / pgTps).toFixed(1)} % of pgbench; p50 ${onlyTransitions.latency.p50} ms, p95 ${onlyP95.toFixed(0)} ms, p99 ${onlyTransitions.latency.p99} ms; errors ${onlyTransitions.non2xx + onlyTransitions.errors + onlyTransitions.timeouts}`);
    log(`transitions only vs the floor: ${onlyRate.toFixed(1)}/s against a no-op server action's ${floor.actionRps.toFixed(0)}/s (${((100 * onlyRate) / floor.actionRps).toFixed(1)} %)`);
    const p95 = p95Of(result);
    console.log(
      `BENCH load clients=${CLIENTS} rps=${result.requests.average.toFixed(1)} p95_ms=${p95.toFixed(1)} p99_ms=${result.latency.p99} errors=${errors} pgbench_tps=${pgTps.toFixed(0)}`,
    );
  } finally {
    await stopApp(server);
    if (process.env.BENCH_KEEP_DB !== "1") await dropDatabase(ADMIN_URL, db.name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
