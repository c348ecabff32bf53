// npm run bench:import — a whole class through the production build (`next start` on its own
// fresh database): a 20,000-row file of the import template is uploaded over HTTP as the
// office's import page does, and the clock runs until the background job has written every
// row; the server's resident memory (its whole process tree) is sampled every 50 ms. Then a
// zip bomb (≤ 1 MB compressed, 300 MB inflated, its central directory lying about the size)
// is uploaded the same way, and timed until it is refused. In the same run: the server's
// idle memory before either (the baseline the growth is measured from).
// BENCH_ROWS (20000), BENCH_PORT (3132), NEXT_DIST_DIR (.next-bench; built if the sources
// changed), BENCH_KEEP_DB=1.
// Last line: BENCH import rows=<n> ms=<t> peak_rss_mb=<m> bomb_ms=<b> bomb_rss_mb=<r>
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrisma } from "../lib/db/client";
import { generatedClass, templateWorkbook } from "../tests/fixtures/import-files";
import { zipBomb } from "../tests/fixtures/zip-bomb";
import { stopApp } from "../tests/e2e/proof-world";
import { createDatabase, dropDatabase, startApp } from "../tests/e2e/server";

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 3132);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function log(line: string) {
  console.log(`[bench:import] ${line}`);
}

/** Resident memory of a process and all its descendants, in MB. */
function treeRssMb(pid: number): number {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" });
  const rows = out.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of rows) {
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

function sampler(pid: number) {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, treeRssMb(pid));
    } catch {
      /* the sample failed: the next one counts */
    }
  }, 50);
  return { stop: () => (clearInterval(timer), peak) };
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }).toString(),
  });
  keep(res);
  return cookie();
}

type JobView = { status: string; phase: string | null; done: number; total: number; summary: { total: number; created: number; updated: number; unchanged: number; fileError?: string } | null; error: string | null };

/** Uploads as the import page does and waits for the job's end; ms from the first byte sent. */
async function importOnce(base: string, cookie: string, file: Buffer, name: string, pid?: number): Promise<{ ms: number; job: JobView }> {
  const started = performance.now();
  const res = await fetch(`${base}/api/imports?kind=students&mode=strict`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(name) },
    body: new Uint8Array(file),
  });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  let lastPhase = "";
  for (;;) {
    const job = (await (await fetch(`${base}/api/imports/${jobId}`, { headers: { cookie } })).json()) as JobView;
    if (job.phase && job.phase !== lastPhase) {
      lastPhase = job.phase;
      log(`  ${name}: ${job.phase} at ${Math.round(performance.now() - started)} ms${pid ? `, server ${treeRssMb(pid).toFixed(0)} MB` : ""}`);
    }
    if (job.status === "DONE" || job.status === "FAILED") return { ms: performance.now() - started, job };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  log(`building a ${ROWS}-row file of the template…`);
  const file = await templateWorkbook(generatedClass(ROWS));
  const bomb = await zipBomb(300 * 1024 * 1024, { lie: true });
  log(`file ${(file.length / 1024 / 1024).toFixed(2)} MB; zip bomb ${(bomb.length / 1024).toFixed(0)} KB → 300 MB inflated (declares 1 KB)`);

  const db = await createDatabase(ADMIN_URL, "wq_bench_import");
  const logFile = path.join(tmpdir(), `wq-bench-import-${process.pid}.log`);
  const server = await startApp({ databaseUrl: db.url, databaseName: db.name, port: PORT, distDir: DIST_DIR, env: { WQ_IN_PROCESS_JOBS: "1" }, logFile });
  log(`server log: ${logFile}`);
  server.child.on("exit", (code, signal) => log(`the server exited (code ${code}, signal ${signal})`));
  try {
    const cookie = await signIn(server.url, "jyc01", "Demo@2026");
    // warm the routes once (first requests compile nothing in production, but load modules)
    await importOnce(server.url, cookie, await templateWorkbook(generatedClass(1, "1999")), "warm.xlsx");
    await new Promise((r) => setTimeout(r, 2000));
    const idle = treeRssMb(server.pid);
    log(`baseline: the server at rest ${idle.toFixed(0)} MB`);

    const s1 = sampler(server.pid);
    const { ms, job } = await importOnce(server.url, cookie, file, "全校毕业生.xlsx", server.pid);
    const peak = s1.stop();
    const rows = job.summary ? job.summary.created + job.summary.updated + job.summary.unchanged : 0;
    log(`import: ${job.status}, ${JSON.stringify(job.summary)} in ${Math.round(ms)} ms; peak ${peak.toFixed(0)} MB (+${(peak - idle).toFixed(0)} over the baseline)`);
    const prisma = createPrisma(db.url, 1);
    const inDb = await prisma.student.count({ where: { studentNo: { startsWith: "2027" } } });
    await prisma.$disconnect();
    if (inDb !== ROWS) throw new Error(`the database holds ${inDb} of the ${ROWS} graduates`);

    await new Promise((r) => setTimeout(r, 3000));
    const before = treeRssMb(server.pid);
    const s2 = sampler(server.pid);
    const b = await importOnce(server.url, cookie, bomb, "bomb.xlsx");
    const bombPeak = s2.stop();
    log(`zip bomb: ${b.job.summary?.fileError ?? b.job.error} in ${Math.round(b.ms)} ms; memory ${before.toFixed(0)} → peak ${bombPeak.toFixed(0)} MB`);
    if (!/压缩炸弹|解压后超过/.test(b.job.summary?.fileError ?? "")) throw new Error("the zip bomb was not refused as one");
    console.log(`BENCH import rows=${rows} ms=${Math.round(ms)} peak_rss_mb=${Math.round(peak)} bomb_ms=${Math.round(b.ms)} bomb_rss_mb=${Math.round(Math.max(0, bombPeak - before))}`);
  } finally {
    await stopApp(server);
    if (process.env.BENCH_KEEP_DB !== "1") await dropDatabase(ADMIN_URL, db.name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
