// npm run bench:dashboard — times every view of 查询统计 on the province-scale data set
// (1,000,000 agreements; made by prisma/seed-large.ts in DATABASE_URL if it has them, else in
// a dedicated database wq_bench_dashboard), the median of RUNS runs each:
//   with    — what the dashboard runs: the summary tables, the backlog partial indexes;
//   without — the same figures from the base tables, backlogs with the partial indexes
//             dropped inside a transaction that is rolled back.
// Each view under the office's default filter (one graduation year) and a counselor's
// (year + own 学院). Last line: BENCH dashboard agreements=… max_ms=… baseline_max_ms=…
import { Client } from "pg";
import { createPrisma, type Db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import {
  collegeBacklogView,
  distributionView,
  employerBacklogView,
  funnelView,
  rateView,
  trendView,
  type Source,
} from "../lib/statistics/dashboard";
import type { StatsFilter } from "../lib/statistics/filters";
import { refreshStatistics } from "../lib/statistics/refresh";
import { LARGE, seedLarge } from "../prisma/seed-large";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BENCH_DB = "wq_bench_dashboard";

async function agreementCount(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query(`SELECT count(*)::int AS n FROM "Agreement"`);
    return r.rows[0].n;
  } catch {
    return -1;
  } finally {
    await c.end().catch(() => {});
  }
}

async function benchDatabase(): Promise<string> {
  const own = process.env.DATABASE_URL;
  if (own && (await agreementCount(own)) >= LARGE.agreements) return own;
  const admin = new URL(own ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  admin.pathname = "/postgres";
  const url = new URL(admin.toString());
  url.pathname = `/${BENCH_DB}`;
  if ((await agreementCount(url.toString())) < LARGE.agreements) {
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${BENCH_DB}"`);
    await c.query(`CREATE DATABASE "${BENCH_DB}"`);
    await c.end();
    await migrate(url.toString());
    console.log(`生成大规模数据到 ${BENCH_DB} …`);
    const { seconds } = await seedLarge(url.toString());
    console.log(`生成用时 ${seconds.toFixed(1)} s`);
  } else {
    await migrate(url.toString());
  }
  return url.toString();
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: plan cache, buffers
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

type View = { name: string; run: (f: StatsFilter, source: Source, db: Db) => Promise<unknown> };

const VIEWS: View[] = [
  { name: "漏斗/总览", run: (f, s, db) => funnelView(f, s, db) },
  { name: "签约率-学院", run: (f, s, db) => rateView(f, "college", s, db) },
  { name: "签约率-专业", run: (f, s, db) => rateView(f, "major", s, db) },
  { name: "单位性质", run: (f, s, db) => distributionView(f, "nature", s, db) },
  { name: "生源地", run: (f, s, db) => distributionView(f, "originProvince", s, db) },
  { name: "单位所在省", run: (f, s, db) => distributionView(f, "unitProvince", s, db) },
  { name: "每日趋势(30天)", run: (f, s, db) => trendView(f, s, 30, undefined, db) },
];
const BACKLOGS: { name: string; run: (f: StatsFilter, db: Db) => Promise<unknown> }[] = [
  { name: "积压-单位>7天", run: (f, db) => employerBacklogView(f, new Date(), db) },
  { name: "积压-待学院审核", run: (f, db) => collegeBacklogView(f, db) },
];

async function main() {
  const url = await benchDatabase();
  const db = createPrisma(url, 4);
  const agreements = await db.agreement.count();
  const refresh = await refreshStatistics(db);
  console.log(`协议 ${agreements} 份；统计汇总重建 ${refresh.durationMs} ms（后台任务，不计入页面）`);
  const busiest = await db.$queryRaw<{ collegeId: string }[]>`
    SELECT "collegeId" FROM "Student" WHERE "graduationYear" = 2027 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const scenarios: [string, StatsFilter][] = [
    ["就业处 2027届", { graduationYear: 2027 }],
    ["辅导员 2027届+本学院", { graduationYear: 2027, collegeId: busiest[0].collegeId }],
    ["就业处 全部", {}],
  ];
  const results: { view: string; scenario: string; withMs: number; withoutMs: number }[] = [];
  for (const [scenario, f] of scenarios) {
    for (const v of VIEWS) {
      const withMs = await time(() => v.run(f, "summary", db));
      const withoutMs = await time(() => v.run(f, "base", db));
      results.push({ view: v.name, scenario, withMs, withoutMs });
    }
    for (const b of BACKLOGS) {
      const withMs = await time(() => b.run(f, db));
      let withoutMs = 0;
      await db
        .$transaction(
          async (tx) => {
            await tx.$executeRawUnsafe(`DROP INDEX "Agreement_backlog_employer"`);
            await tx.$executeRawUnsafe(`DROP INDEX "Agreement_backlog_review"`);
            withoutMs = await time(() => b.run(f, tx as unknown as Db));
            throw new Error("rollback");
          },
          { timeout: 600_000 },
        )
        .catch((e) => {
          if ((e as Error).message !== "rollback") throw e;
        });
      results.push({ view: b.name, scenario, withMs, withoutMs });
    }
  }
  const w = Math.max(...results.map((r) => r.view.length)) + 2;
  console.log(`${"视图".padEnd(w)}${"场景".padEnd(18)}${"with(ms)".padStart(10)}${"without(ms)".padStart(13)}`);
  for (const r of results) console.log(`${r.view.padEnd(w)}${r.scenario.padEnd(18)}${r.withMs.toFixed(1).padStart(10)}${r.withoutMs.toFixed(1).padStart(13)}`);
  const max = Math.max(...results.map((r) => r.withMs));
  const baseMax = Math.max(...results.map((r) => r.withoutMs));
  await db.$disconnect();
  console.log(`BENCH dashboard agreements=${agreements} max_ms=${max.toFixed(1)} baseline_max_ms=${baseMax.toFixed(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
