// The world of `npm run bench:load` and `npm run profile:load`: the framework's floor app
// (scripts/bench-floor-app: the same Next.js doing nothing), pgbench's ceiling, and the app's
// data — one 学院, one unit, N graduates whose agreements wait for the unit, every client
// holding a real server-side session — with the HTTP requests people make on it.
// Ports: BENCH_PORT (3300) for the app, BENCH_FLOOR_PORT (BENCH_PORT + 1) for the floor app.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { loadLiveSession } from "../lib/auth/sessions";
import { createPrisma } from "../lib/db/client";
import { makeIdNumber } from "../lib/validation/id-card";
import { reviewedGraduate } from "../tests/fixtures/graduate";
import { saveDraft, submitAgreement } from "../lib/workflow";
import type { WorkflowActor } from "../lib/workflow/actor";
import { waitForHttp } from "../tests/e2e/server";

export const root = path.resolve(__dirname, "..");
export const PORT = Number(process.env.BENCH_PORT ?? 3300);
export const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? PORT + 1);
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench";
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const AUTH_SECRET = process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef0123456789";
const COOKIE = "authjs.session-token";

export type AutocannonRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};
export type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
};
type Tracker = Promise<AutocannonResult> & { on(event: "response", f: (client: unknown, status: number, bytes: number, ms: number) => void): void };
export const autocannon = createRequire(__filename)("autocannon") as (opts: Record<string, unknown>) => Tracker;

export function log(line: string) {
  console.log(`[bench:load] ${line}`);
}

// ---- the ceiling: pgbench ----

export function pgbenchTps(): number {
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

// ---- the floor: the same Next.js doing nothing ----

export type FloorServer = {
  url: string;
  pid: number;
  child: ChildProcess;
  page: AutocannonRequest;
  action: AutocannonRequest;
  route: AutocannonRequest;
  /** the database floor (with `databaseUrl`): a list page and a transition in raw SQL */
  list: AutocannonRequest;
  transition: AutocannonRequest;
};

/**
 * The database floor's data (scripts/bench-floor-app/app/db.js FLOOR_SCHEMA): one unit's
 * `rows` waiting agreements, the person and the live session its list and transition read.
 */
export async function prepareFloorDatabase(databaseUrl: string, rows: number) {
  const { FLOOR_SCHEMA } = (await import(path.join(root, "scripts", "bench-floor-app", "app", "db.js"))) as { FLOOR_SCHEMA: string };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(FLOOR_SCHEMA);
    await client.query("INSERT INTO floor_user VALUES (1, '压测单位经办人', 'EMPLOYER')");
    await client.query("INSERT INTO floor_session VALUES (1, 1, now() + interval '12 hours', NULL)");
    await client.query(
      "INSERT INTO floor_agreement SELECT g, 1, 'PENDING', 1, '压测学生' || g, now() - g * interval '1 minute' FROM generate_series(1, $1::int) g",
      [rows],
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

/**
 * Builds and starts the floor app: a dynamic page, a server action and a route handler that
 * do no work; with `databaseUrl` (prepared by prepareFloorDatabase for `rows` agreements) also
 * the database floor — a list page and a transition that do the least ours do, in raw SQL.
 */
export async function startFloor(nodeArgs: string[] = [], database?: { url: string; rows: number }): Promise<FloorServer> {
  const dir = path.join(root, "scripts", "bench-floor-app");
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_DIST_DIR: "", WQ_IN_PROCESS_JOBS: "", FLOOR_DATABASE_URL: database?.url ?? "" };
  execFileSync(process.execPath, [next, "build"], { cwd: dir, stdio: "ignore", env });
  const child = spawn(process.execPath, [...nodeArgs, next, "start", "-p", String(FLOOR_PORT)], { cwd: dir, stdio: "ignore", detached: true, env });
  const url = `http://127.0.0.1:${FLOOR_PORT}`;
  await waitForHttp(url);
  const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
  const actionId = (name: string) => Object.entries(manifest.node).find(([, e]) => e.exportedName === name)![0];
  const post = (name: string, args: unknown[]): AutocannonRequest => ({
    method: "POST",
    path: "/",
    headers: { "next-action": actionId(name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    body: JSON.stringify(args),
  });
  return {
    url,
    pid: child.pid!,
    child,
    page: { method: "GET", path: "/" },
    action: post("noop", [{ n: 1 }]),
    list: { method: "GET", path: "/list" },
    transition: post("transition", [{ rows: database?.rows ?? 1 }]),
    route: { method: "POST", path: "/api/ping", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: 1 }) },
  };
}

// ---- the app's data: one 学院, one unit, N graduates waiting for the unit ----

function forgeTokens(claims: Record<string, unknown>[]): string[] {
  const script = `import { encode } from "next-auth/jwt";
    import { readFileSync } from "node:fs";
    const list = JSON.parse(readFileSync(0, "utf8"));
    const out = [];
    for (const claims of list) out.push(await encode({ token: claims, secret: ${JSON.stringify(AUTH_SECRET)}, salt: "${COOKIE}", maxAge: 12 * 3600 }));
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, input: JSON.stringify(claims), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

export type Pending = { agreementId: string; version: number; studentCookie: string };

export type Prepared = {
  /** the server-side sessions the clients hold */
  sessionIds: string[];
  unitCookie: string;
  counselorCookie: string;
  pending: Pending[];
  detailIds: string[];
};

/** `count` graduates of one 学院 whose agreements wait for the demo unit; a live session for each, the unit and the counselor. */
export async function prepare(databaseUrl: string, count: number): Promise<Prepared> {
  const prisma = createPrisma(databaseUrl, 10);
  (globalThis as unknown as { wqPrisma?: unknown }).wqPrisma = prisma; // the services use it
  try {
    const college = await prisma.college.create({ data: { code: "B1", name: "压测学院" } });
    const major = await prisma.major.create({ data: { code: "B1M", name: "压测专业", collegeId: college.id } });
    const counselor = await prisma.user.create({ data: { username: "bench-fdy", passwordHash: "x", role: "COUNSELOR", name: "压测辅导员", collegeId: college.id } });
    const unit = await prisma.employer.findFirstOrThrow({ where: { status: "APPROVED" }, include: { staff: true } });
    const staff = unit.staff[0];
    await prisma.user.createMany({
      data: Array.from({ length: count }, (_, i) => ({ username: `B${String(i).padStart(8, "0")}`, passwordHash: "x", role: "STUDENT" as const, name: `压测学生${i}` })),
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
 * What the per-request session check costs by itself, on this database: the primary-key read
 * every page, action and route handler makes (lib/auth/sessions.ts loadLiveSession), against
 * the cheapest round trip (SELECT 1) on the same connection.
 */
export async function sessionCheckCost(databaseUrl: string, sessionIds: string[]) {
  const prisma = createPrisma(databaseUrl, 1);
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

export function actionIds(): { sign: string; confirm: string } {
  const manifest = JSON.parse(readFileSync(path.join(root, DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const find = (file: string, name: string) => Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === name)![0];
  return { sign: find("app/employer/actions.ts", "signAction"), confirm: find("app/student/agreement/actions.ts", "confirmAction") };
}

/** The action's result out of the RSC answer (`1:{"ok":…}`). */
export function actionOk(body: string): boolean {
  return /^1:\{"ok":true/m.test(body);
}

/** What the unit's 确定签约 form sends: its profile as it is, with its opinion. */
export async function signFormOf(databaseUrl: string) {
  const prisma = createPrisma(databaseUrl, 1);
  const e = await prisma.employer.findFirstOrThrow({ where: { status: "APPROVED" } });
  await prisma.$disconnect();
  return {
    unitName: e.name, unitOrgCode: e.orgCode, unitDepartment: e.department, unitContactName: e.contactName, unitContactPhone: e.contactPhone,
    unitEmail: e.email, unitAddress: e.address, unitPostalCode: e.postalCode, unitNatureCode: e.natureCode, unitReportTitle: e.reportTitle,
    unitPartyOrgReceiver: e.partyOrgReceiver, unitArchiveAddress: e.archiveAddress, unitSettleCity: e.settleCity, employerOpinion: "同意接收", authorityOpinion: null,
  };
}

export type Traffic = {
  /** the five pages people open, by name */
  pages: [string, () => AutocannonRequest][];
  /** the unit's 确定签约 of the next waiting agreement (a page view once none is left) */
  sign: AutocannonRequest;
  /** the student's 确定签约信息 of the next signed agreement (a page view while none is signed) */
  confirm: AutocannonRequest;
  transitions: { sign: number; confirm: number; failed: number };
  left: () => number;
};

/** The requests of the load: pages by role, and the two transitions feeding each other (signed ones are then confirmed). */
export function trafficOf(data: Prepared, ids: { sign: string; confirm: string }, signForm: Awaited<ReturnType<typeof signFormOf>>): Traffic {
  const toSign = [...data.pending];
  const toConfirm: Pending[] = [];
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
  const pages: [string, () => AutocannonRequest][] = [
    ["待签约信息 list", () => get("/employer/pending", data.unitCookie)],
    ["办理 detail", () => get(`/employer/pending/${pick(data.detailIds)}`, data.unitCookie)],
    ["网上签约审核 list", () => get("/counselor/review", data.counselorCookie)],
    ["我的签约", () => get("/student/agreement", anyStudent())],
    ["审核 detail", () => get(`/counselor/review/${pick(data.detailIds)}`, data.counselorCookie)],
  ];
  const sign: AutocannonRequest = {
    setupRequest: (r, context) => {
      const next = toSign.shift();
      context.signing = next ?? null;
      if (!next) return { ...r, ...get("/employer/signed", data.unitCookie) };
      return { ...r, ...action(`/employer/pending/${next.agreementId}`, ids.sign, [{ agreementId: next.agreementId, version: next.version }, signForm], data.unitCookie) };
    },
    onResponse: (_status, body, context) => {
      const done = context.signing as Pending | null;
      if (!done) return;
      if (actionOk(body)) {
        transitions.sign++;
        toConfirm.push({ ...done, version: done.version + 1 });
      } else transitions.failed++;
    },
  };
  const confirm: AutocannonRequest = {
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
  };
  return { pages, sign, confirm, transitions, left: () => toSign.length };
}
