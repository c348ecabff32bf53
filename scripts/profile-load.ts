// npm run profile:load — where a page's and a transition's time goes. The production build
// (`next start`) under `node --cpu-prof`, on its own database with the world of bench:load;
// then, one at a time (no load):
// - the SQL statements each kind of request sends (PostgreSQL's log_statement for this
//   database only, counted per request),
// - PROFILE_N (100) sequential requests of one page (PROFILE_PAGE: 待签约信息) and PROFILE_N 确定签约 through
//   its server action; the CPU profile of each phase summed by where the code lives (React's
//   server rendering, Next.js, Prisma, pg, the session cookie's crypto, our code, GC) and the
//   top functions. The profile files stay in PROFILE_DIR for a flame graph (Chrome DevTools,
//   speedscope).
// Ports from BENCH_PORT (3300); NEXT_DIST_DIR (.next-bench, built if the sources changed,
// unless BENCH_NO_BUILD=1).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "pg";
import { stopApp } from "../tests/e2e/proof-world";
import { createDatabase, dropDatabase, startApp } from "../tests/e2e/server";
import { actionIds, actionOk, ADMIN_URL, AUTH_SECRET, DIST_DIR, PORT, prepare, root, signFormOf, startFloor, trafficOf, type AutocannonRequest } from "./load-world";

const N = Number(process.env.PROFILE_N ?? 100);
/** which page of the mixed traffic to profile (by the start of its name: 待签约信息, 办理, 网上签约审核, 我的签约, 审核) */
const PAGE = process.env.PROFILE_PAGE ?? "待签约信息";
const DIR = process.env.PROFILE_DIR ?? path.join(root, ".profiles", String(Date.now()));
const PG_LOG = process.env.PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

// The bundles (Next.js's runtime with React inside, the app's chunks with Prisma's client
// inside) come with source maps: each frame is placed by the original file it comes from.
const maps = new Map<string, SourceMap | null>();
function originalOf(url: string, line: number, column: number): string {
  if (!url.startsWith("file://")) return url;
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  const entry = maps.get(file)?.findEntry(line, column) as { originalSource?: string } | undefined;
  return entry?.originalSource ?? file;
}

/** Where a frame's code comes from (by its original source file). */
function areaOf(source: string, fn: string): string | null {
  if (!source) return fn === "(garbage collector)" ? "GC" : fn === "(idle)" ? "idle" : null; // native: its caller's
  if (source.startsWith("node:") || !/[/\\]/.test(source)) return null; // Node.js core: its caller's
  if (/hkdf|jose|@auth[/\\]core|next-auth|@panva/.test(source)) return "session cookie (next-auth JWT: HKDF + AES)";
  if (/react-server-dom|react-dom|[/\\]react[/\\]|scheduler/.test(source)) return "React (RSC render, Flight, HTML)";
  if (/@prisma|generated[/\\]prisma|query_compiler|client-engine-runtime|src[/\\]runtime[/\\]core|klona|driver-adapter/.test(source)) return "Prisma client";
  if (/(^|[/\\])(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z-]+)[/\\]|^\.\.[/\\]src[/\\](parser|serializer|buffer-reader|buffer-writer)\.ts/.test(source)) return "pg driver";
  if (/zod/.test(source)) return "zod";
  if (/date-fns/.test(source)) return "date-fns (formatting)";
  if (/next[/\\]dist|next[/\\]src|webpack:\/\/next|src[/\\](server|client|shared|lib)[/\\]|\[turbopack\]|turbopack/.test(source)) return "Next.js (server, proxy, compression)";
  if (/(^|[/\\])(app|components|lib|proxy\.ts|instrumentation)/.test(source) && !/node_modules/.test(source)) return "our code (app, components, lib)";
  return `other: ${source.replace(/^.*node_modules[/\\]/, "").split(/[/\\]/).slice(0, 2).join("/")}`;
}

function summarise(file: string, from: bigint, to: bigint, label: string, requests: number) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let t = BigInt(p.startTime);
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += BigInt(p.timeDeltas[i]);
    if (t < from || t > to) continue;
    const dt = p.timeDeltas[i + 1] ?? 0;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
    total += dt;
  }
  const sourceOf = (n: Node) => originalOf(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const leaf = byId.get(id)!;
    // native and Node.js core time goes to the nearest caller of ours or of a package
    let area: string | null = null;
    let via = "";
    for (let n: Node | undefined = leaf; n && area === null; n = byId.get(parent.get(n.id) ?? -1)) {
      area = areaOf(sourceOf(n), n.callFrame.functionName);
      if (area === null && !via && n.callFrame.url.startsWith("node:")) via = n.callFrame.url;
    }
    area ??= "(program)";
    areas.set(area, (areas.get(area) ?? 0) + us);
    const src = sourceOf(leaf).replace(/^.*node_modules[/\\]/, "").replace(root + "/", "");
    const key = `${leaf.callFrame.functionName || "(anonymous)"} ${src}:${leaf.callFrame.lineNumber}  [${area}]`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const busy = total - (areas.get("idle") ?? 0);
  console.log(`\n[profile] ${label}: ${requests} requests, ${(busy / 1000 / requests).toFixed(1)} ms of CPU each (window ${(Number(to - from) / 1000 / requests).toFixed(1)} ms each)`);
  for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1])) {
    if (area === "idle") continue;
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000 / requests).toFixed(2).padStart(6)} ms/req  ${area}`);
  }
  console.log("  top functions (self time; native and Node.js core counted to their caller's area):");
  for (const [fn, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    if (fn.startsWith("(idle)")) continue;
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${fn}`);
  }
}

async function send(base: string, r: AutocannonRequest, context: Record<string, unknown> = {}) {
  const req = r.setupRequest ? r.setupRequest(r, context) : r;
  // as a browser would ask (compressed): the floor is asked the same way
  const res = await fetch(`${base}${req.path}`, { method: req.method, headers: { "accept-encoding": "gzip, br", ...req.headers }, body: req.body, redirect: "manual" });
  const body = await res.text();
  r.onResponse?.(res.status, body, context);
  return { status: res.status, body };
}

async function main() {
  if (process.env.PROFILE_PHASES) {
    const saved = JSON.parse(readFileSync(process.env.PROFILE_PHASES, "utf8")) as { profile: string; label: string; from: string; to: string }[];
    for (const p of saved) summarise(p.profile, BigInt(p.from), BigInt(p.to), p.label, N);
    return;
  }
  mkdirSync(DIR, { recursive: true });
  const db = await createDatabase(ADMIN_URL, "wq_profile");
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  // every statement of this database only is logged (new connections; the app connects after this)
  await admin.query(`ALTER DATABASE "${db.name}" SET log_statement = 'all'`);
  const logSize = () => (existsSync(PG_LOG) ? statSync(PG_LOG).size : 0);
  const statementsSince = (offset: number) => {
    const text = readFileSync(PG_LOG).subarray(offset).toString("utf8");
    return text.split("\n").filter((l) => l.includes(`@${db.name} `) && /LOG:\s+(statement|execute)/.test(l));
  };
  if (process.env.BENCH_NO_BUILD !== "1") execFileSync(process.execPath, ["--input-type=module", "-e", `import { buildIfNeeded } from "./scripts/build-if-needed.mjs"; await buildIfNeeded(process.env);`], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR },
  });
  const server = await startApp({
    databaseUrl: db.url,
    databaseName: db.name,
    port: PORT,
    distDir: DIST_DIR,
    build: false,
    env: { AUTH_SECRET },
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${DIR}`],
  });
  let stopped = false;
  try {
    const data = await prepare(db.url, N * 2 + 60);
    const traffic = trafficOf(data, actionIds(), await signFormOf(db.url));
    // warm every code path
    for (let i = 0; i < 10; i++) for (const [, make] of traffic.pages) await send(server.url, make());
    for (let i = 0; i < 10; i++) {
      await send(server.url, traffic.sign);
      await send(server.url, traffic.confirm);
    }

    console.log("[profile] SQL statements per request (one request each, PostgreSQL's log; BEGIN/COMMIT included):");
    const kinds: [string, AutocannonRequest][] = [...traffic.pages.map(([name, make]) => [name, make()] as [string, AutocannonRequest]), ["确定签约 (action)", traffic.sign], ["确定签约信息 (action)", traffic.confirm]];
    for (const [name, r] of kinds) {
      await new Promise((res) => setTimeout(res, 300));
      const offset = logSize();
      const res = await send(server.url, r);
      await new Promise((res) => setTimeout(res, 300)); // the log is written asynchronously
      const lines = statementsSince(offset);
      console.log(`  ${name}: ${lines.length} statements (HTTP ${res.status}, ${(Buffer.byteLength(res.body) / 1024).toFixed(1)} KiB${r.body ? `, ok=${actionOk(res.body)}` : ""})`);
      if (process.env.PROFILE_SQL === "1") for (const l of lines) console.log(`      ${l.replace(/^.*LOG:\s+/, "").slice(0, 240)}`);
    }

    const phase = async (label: string, make: () => AutocannonRequest, base = server.url) => {
      const from = process.hrtime.bigint() / 1000n;
      for (let i = 0; i < N; i++) await send(base, make());
      const to = process.hrtime.bigint() / 1000n;
      return { label, from, to };
    };
    // the framework's floor, profiled the same way (its own process, its own profile file)
    const floorDir = path.join(DIR, "floor");
    const floor = await startFloor(["--cpu-prof", `--cpu-prof-dir=${floorDir}`]);
    for (let i = 0; i < 20; i++) {
      await send(floor.url, floor.page);
      await send(floor.url, floor.action);
    }
    const floorPhases = [await phase("floor: the empty page", () => floor.page, floor.url), await phase("floor: the no-op server action", () => floor.action, floor.url)];
    await stopApp(floor);
    const [pageName, pageRequest] = traffic.pages.find(([name]) => name.startsWith(PAGE)) ?? traffic.pages[0];
    const page = await phase(pageName, pageRequest);
    await new Promise((res) => setTimeout(res, 500));
    const signed = traffic.transitions.sign;
    const sign = await phase("确定签约 (server action)", () => traffic.sign);
    if (traffic.transitions.sign - signed !== N) throw new Error(`only ${traffic.transitions.sign - signed} of ${N} signings succeeded`);
    await stopApp(server);
    stopped = true;
    await new Promise((res) => setTimeout(res, 1000));
    const profiles = readdirSync(DIR).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(DIR, f));
    const biggest = profiles.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (!biggest) throw new Error(`no CPU profile in ${DIR}`);
    console.log(`\n[profile] ${biggest} (the floor's: ${floorDir})`);
    const floorProfile = readdirSync(floorDir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(floorDir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
    const saved = [
      ...floorPhases.map((p) => ({ profile: floorProfile, ...p })),
      ...[page, sign].map((p) => ({ profile: biggest, ...p })),
    ];
    for (const p of saved) summarise(p.profile, p.from, p.to, p.label, N);
    writeFileSync(path.join(DIR, "phases.json"), JSON.stringify(saved.map((p) => ({ ...p, from: String(p.from), to: String(p.to) }))));
  } finally {
    if (!stopped) await stopApp(server);
    await admin.end();
    if (process.env.BENCH_KEEP_DB !== "1") await dropDatabase(ADMIN_URL, db.name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
