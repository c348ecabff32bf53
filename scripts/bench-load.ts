// npm run bench:load — the production build (`next start`) on loopback, on its own fresh
// database, measured against the framework's floor in the same run: the same Next.js with a
// page, a server action and a route handler that do no work at all (scripts/bench-floor-app)
// — no page or action of ours can be cheaper than that. The machine is shared and its speed
// drifts, so the floor and ours run in turns, round after round (BENCH_ROUNDS), each for
// BENCH_ROUND_SECONDS under BENCH_CLIENTS concurrent clients:
//   floor page → database floor's list → our pages (the five list/detail pages of the mixed
//   traffic, in rotation) → floor action → database floor's transition → our transitions (the unit's 确定签约 and the student's 确定签约信息 through
//   their HTTP server actions; signed agreements are then confirmed).
// The floor app also holds the database floor, on its own database: a list page (the live
// session read, then 20 rows and their total) and a transition (the session read, then one
// transaction: the row, one version-checked statement writing it with its event and a
// notification) that do the least ours must do, in raw SQL through the pg driver — what
// the stack's web framework and database cost together before any ORM, validation or page
// of ours. It runs in the same rounds and is reported beside the floor (not in the BENCH line).
// Before the rounds: each page alone (one request at a time, median of BENCH_ALONE), the
// floor page alone likewise, in turns. After them: the mixed traffic of people at work (4
// page views and 2 transitions per client round) for BENCH_SECONDS, and pgbench's TPS for a
// two-statement transaction (UPDATE one row + INSERT one row) on the same PostgreSQL.
// BENCH_SECONDS (20), BENCH_CLIENTS (50), BENCH_ROUNDS (3), BENCH_ROUND_SECONDS (8),
// BENCH_ALONE (15), BENCH_AGREEMENTS (2000), BENCH_PORT (3300; the floor app BENCH_PORT + 1),
// NEXT_DIST_DIR (.next-bench; built if the sources changed), BENCH_KEEP_DB=1.
// Last line: BENCH load clients=50 rps=<r> p95_ms=<p> p99_ms=<q> errors=<e> pgbench_tps=<t>
//   floor_page_rps=<a> floor_action_rps=<b> page_ratio=<x> transition_ratio=<y> p95_ratio=<z>
// page_ratio = our pages' throughput / the no-op page's; transition_ratio = our transitions/s /
// the no-op action's; p95_ratio = our transitions' p95 / the no-op action's p95 (all rounds).
import { stopApp } from "../tests/e2e/proof-world";
import { createDatabase, dropDatabase, startApp } from "../tests/e2e/server";
import { actionIds, ADMIN_URL, AUTH_SECRET, autocannon, DIST_DIR, log, pgbenchTps, PORT, prepare, prepareFloorDatabase, sessionCheckCost, signFormOf, startFloor, trafficOf, type AutocannonRequest } from "./load-world";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 8);
const ALONE = Number(process.env.BENCH_ALONE ?? 15);
const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 2000);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/** One load run: its answers counted, every latency kept (for percentiles across rounds). */
type Run = { ok: number; seconds: number; latencies: number[]; errors: number; statuses: Record<string, number> };

async function load(url: string, requests: AutocannonRequest[], seconds: number, connections = CLIENTS): Promise<Run> {
  const latencies: number[] = [];
  const run = autocannon({ url, connections, duration: seconds, requests, timeout: 10 });
  run.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  const started = Date.now();
  const r = await run;
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return { ok: r.requests.total, seconds: (Date.now() - started) / 1000, latencies, errors: r.non2xx + r.errors + r.timeouts, statuses };
}

/** Rounds of one kind, together: requests per second over all of them, latencies over all of them. */
function total(runs: Run[]) {
  const ok = runs.reduce((s, r) => s + r.ok, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const latencies = runs.flatMap((r) => r.latencies);
  return { rps: ok / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: runs.reduce((s, r) => s + r.errors, 0) };
}

/** One request at a time: the median time of `n`. */
async function alone(base: string, make: () => AutocannonRequest, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = make();
    const t0 = performance.now();
    const res = await fetch(`${base}${r.path}`, { method: r.method, headers: r.headers, body: r.body, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${r.path} answered ${res.status} alone`);
    times.push(performance.now() - t0);
  }
  return times;
}

async function main() {
  log(`framework floor: the same Next.js doing no work (port ${PORT + 1}), and the database floor (raw SQL), built and started…`);
  const floorDb = await createDatabase(ADMIN_URL, "wq_bench_floor");
  await prepareFloorDatabase(floorDb.url, AGREEMENTS);
  const floor = await startFloor([], { url: floorDb.url, rows: AGREEMENTS });
  const db = await createDatabase(ADMIN_URL, "wq_bench");
  let server: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    server = await startApp({ databaseUrl: db.url, databaseName: db.name, port: PORT, distDir: DIST_DIR, env: { AUTH_SECRET } as unknown as NodeJS.ProcessEnv });
    log(`preparing ${AGREEMENTS} agreements waiting for the unit…`);
    const data = await prepare(db.url, AGREEMENTS);
    await sessionCheckCost(db.url, data.sessionIds);
    const traffic = trafficOf(data, actionIds(), await signFormOf(db.url));
    const pageRequests: AutocannonRequest[] = traffic.pages.map(([, make]) => ({ setupRequest: (r) => ({ ...r, ...make() }) }));

    log("warm-up (5 s each)…");
    await load(floor.url, [floor.page], 5, 10);
    await load(floor.url, [floor.list], 5, 10);
    await load(server.url, pageRequests, 5, 10);

    // each page alone against the empty page alone, in turns
    const aloneTimes = new Map<string, number[]>([["floor", []], ["floor list", []], ...traffic.pages.map(([name]) => [name, []] as [string, number[]])]);
    for (let turn = 0; turn < 3; turn++) {
      aloneTimes.get("floor")!.push(...(await alone(floor.url, () => floor.page, ALONE)));
      aloneTimes.get("floor list")!.push(...(await alone(floor.url, () => floor.list, ALONE)));
      for (const [name, make] of traffic.pages) aloneTimes.get(name)!.push(...(await alone(server.url, make, ALONE)));
    }
    const floorAlone = median(aloneTimes.get("floor")!);
    log(`alone (one request at a time, median of ${3 * ALONE}): the empty page ${f1(floorAlone)} ms; the database floor's list page ${f1(median(aloneTimes.get("floor list")!))} ms = ${f2(median(aloneTimes.get("floor list")!) / floorAlone)}×`);
    const perPage: string[] = [];
    for (const [name] of traffic.pages) {
      const ms = median(aloneTimes.get(name)!);
      perPage.push(`${name.replace(/ .*/, "")}=${f2(ms / floorAlone)}`);
      log(`alone: ${name} ${f1(ms)} ms = ${f2(ms / floorAlone)}× the empty page${ms / floorAlone > 3 ? "  (goal ≤ 3×: missed)" : ""}`);
    }

    log(`rounds: ${ROUNDS} × (floor page, database floor's list, our pages, floor action, database floor's transition, our transitions), ${ROUND_SECONDS} s each, ${CLIENTS} clients`);
    const floorPage: Run[] = [];
    const floorList: Run[] = [];
    const ourPages: Run[] = [];
    const floorAction: Run[] = [];
    const floorTransition: Run[] = [];
    const ourTransitions: Run[] = [];
    let transitionsDone = 0;
    for (let round = 0; round < ROUNDS; round++) {
      floorPage.push(await load(floor.url, [floor.page], ROUND_SECONDS));
      floorList.push(await load(floor.url, [floor.list], ROUND_SECONDS));
      ourPages.push(await load(server.url, pageRequests, ROUND_SECONDS));
      floorAction.push(await load(floor.url, [floor.action], ROUND_SECONDS));
      floorTransition.push(await load(floor.url, [floor.transition], ROUND_SECONDS));
      const before = traffic.transitions.sign + traffic.transitions.confirm;
      const t = await load(server.url, [traffic.sign, traffic.confirm], ROUND_SECONDS);
      const moved = traffic.transitions.sign + traffic.transitions.confirm - before;
      transitionsDone += moved;
      ourTransitions.push({ ...t, ok: moved });
      const [fp, op, fa, ot] = [floorPage, ourPages, floorAction, ourTransitions].map((runs) => runs[round]);
      log(
        `round ${round + 1}: floor page ${f1(fp.ok / fp.seconds)}/s, our pages ${f1(op.ok / op.seconds)}/s (${f2(op.ok / op.seconds / (fp.ok / fp.seconds))}); ` +
          `floor action ${f1(fa.ok / fa.seconds)}/s p95 ${f1(percentile(fa.latencies, 95))} ms, our transitions ${f1(ot.ok / ot.seconds)}/s p95 ${f1(percentile(ot.latencies, 95))} ms (${f2(ot.ok / ot.seconds / (fa.ok / fa.seconds))})`,
      );
      if (traffic.left() === 0) log("note: every prepared agreement was signed (raise BENCH_AGREEMENTS): later transitions rounds partly served pages");
    }
    const [fp, op, fa, ot, fl, ft] = [floorPage, ourPages, floorAction, ourTransitions, floorList, floorTransition].map(total);
    log(`floor (no-op): page ${f1(fp.rps)}/s p95 ${f1(fp.p95)} ms; server action ${f1(fa.rps)}/s p50 ${f1(fa.p50)} ms p95 ${f1(fa.p95)} ms`);
    log(
      `database floor (raw SQL): list page ${f1(fl.rps)}/s = ${f2(fl.rps / fp.rps)} of the empty page's; transition ${f1(ft.rps)}/s = ${f2(ft.rps / fa.rps)} of the no-op action's, ` +
        `p95 ${f1(ft.p95)} ms = ${f2(ft.p95 / fa.p95)}× (errors ${fl.errors + ft.errors}) — the most any list page and transition can reach on this machine`,
    );
    log(`ours: pages ${f1(op.rps)}/s p95 ${f1(op.p95)} ms; transitions ${f1(ot.rps)}/s (${transitionsDone}: ${traffic.transitions.sign} 确定签约, ${traffic.transitions.confirm} 确定签约信息 so far) p50 ${f1(ot.p50)} ms p95 ${f1(ot.p95)} ms; refused ${traffic.transitions.failed}`);

    log(`mixed traffic (4 page views + 2 transitions per client round): ${CLIENTS} clients for ${SECONDS} s…`);
    const failedBefore = traffic.transitions.failed;
    const mixed = await load(server.url, [pageRequests[0], pageRequests[1], traffic.sign, pageRequests[2], pageRequests[3], traffic.confirm], SECONDS);
    const mixedP95 = percentile(mixed.latencies, 95);
    const mixedP99 = percentile(mixed.latencies, 99);
    log(`mixed: ${mixed.ok} requests in ${f1(mixed.seconds)} s; p50 ${f1(percentile(mixed.latencies, 50))} ms, p95 ${f1(mixedP95)} ms, p99 ${f1(mixedP99)} ms; refused transitions ${traffic.transitions.failed - failedBefore}`);

    const errors = [...floorPage, ...floorAction, ...floorList, ...floorTransition].reduce((s, r) => s + r.errors, 0) + op.errors + ot.errors + mixed.errors + traffic.transitions.failed;
    if (errors) log(`errors: floor ${fp.errors + fa.errors + fl.errors + ft.errors}, pages ${op.errors}, transitions ${ot.errors}, mixed ${mixed.errors}, refused transitions ${traffic.transitions.failed}; statuses ${JSON.stringify([...ourPages, ...ourTransitions, mixed].map((r) => r.statuses))}`);

    await stopApp(server);
    server = null;
    await stopApp(floor);
    log("pgbench (the database's ceiling)…");
    const pgTps = pgbenchTps();
    log(`pgbench: ${pgTps.toFixed(0)} TPS (UPDATE + INSERT per transaction, 10 clients)`);
    log(`per page alone vs the empty page alone: ${perPage.join(" ")}`);
    console.log(
      `BENCH load clients=${CLIENTS} rps=${f1(mixed.ok / mixed.seconds)} p95_ms=${f1(mixedP95)} p99_ms=${Math.round(mixedP99)} errors=${errors} pgbench_tps=${pgTps.toFixed(0)} ` +
        `floor_page_rps=${f1(fp.rps)} floor_action_rps=${f1(fa.rps)} page_ratio=${f2(op.rps / fp.rps)} transition_ratio=${f2(ot.rps / fa.rps)} p95_ratio=${f2(ot.p95 / fa.p95)}`,
    );
  } finally {
    if (server) await stopApp(server);
    await stopApp(floor);
    if (process.env.BENCH_KEEP_DB !== "1") {
      await dropDatabase(ADMIN_URL, db.name);
      await dropDatabase(ADMIN_URL, floorDb.name);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
