// npm run bench:lighthouse — Lighthouse's mobile performance score (its default: a mid-range
// phone, 4× CPU slowdown, slow 4G) of the production build (`next start`) on the seeded demo
// database, for the pages people open first: 登录, the student's 我的签约, the unit's
// 待签约信息 and the office's 查询统计. Each page signed in with a real session (the demo
// accounts, over HTTP; the cookie passed with --extra-headers), the four run back to back,
// LIGHTHOUSE_RUNS (1) times each (the median is reported). Chromium from CHROME_PATH
// (/usr/bin/chromium). Port: BENCH_PORT + 2 (3302). NEXT_DIST_DIR (.next-bench, built if the
// sources changed, unless BENCH_NO_BUILD=1). The reports stay in .lighthouse/.
// Last line: BENCH lighthouse login=<s> my_agreement=<s> pending=<s> office=<s>
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HttpSession } from "../tests/e2e/helpers";
import { stopApp } from "../tests/e2e/proof-world";
import { createDatabase, dropDatabase, startApp } from "../tests/e2e/server";
import { ADMIN_URL, AUTH_SECRET, DIST_DIR, PORT, root } from "./load-world";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
const LH_PORT = PORT + 2;
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const OUT = path.join(root, ".lighthouse");

const PAGES = [
  { key: "login", label: "登录", path: "/login", user: null },
  { key: "my_agreement", label: "我的签约", path: "/student/agreement", user: "2022010101" },
  { key: "pending", label: "待签约信息", path: "/employer/pending", user: "hr@demo-soft.example" },
  { key: "office", label: "查询统计", path: "/office", user: "jyc01" },
] as const;

type Report = {
  categories: { performance: { score: number } };
  audits: Record<string, { numericValue?: number; displayValue?: string }>;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const db = await createDatabase(ADMIN_URL, "wq_lighthouse");
  const server = await startApp({ databaseUrl: db.url, databaseName: db.name, port: LH_PORT, distDir: DIST_DIR, build: process.env.BENCH_NO_BUILD !== "1", env: { AUTH_SECRET } as unknown as NodeJS.ProcessEnv });
  try {
    // the demo university with its agreements at every step (what `npm start` seeds)
    execFileSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts", "--with-agreements"], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: db.url },
    });
    const cookies = new Map<string, string>();
    for (const page of PAGES) {
      if (!page.user) continue;
      const s = new HttpSession(server.url);
      if (!(await s.login(page.user))) throw new Error(`${page.user} could not sign in`);
      cookies.set(page.user, s.cookieHeader());
    }
    const scores = new Map<string, number[]>(PAGES.map((p) => [p.key, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const page of PAGES) {
        const file = path.join(OUT, `${page.key}-${run + 1}.json`);
        const args = [
          `${server.url}${page.path}`,
          "--only-categories=performance",
          "--output=json",
          `--output-path=${file}`,
          "--quiet",
          "--chrome-flags=--headless --no-sandbox --disable-gpu",
          ...(page.user ? [`--extra-headers=${JSON.stringify({ Cookie: cookies.get(page.user) })}`] : []),
        ];
        execFileSync(path.join(root, "node_modules", ".bin", "lighthouse"), args, { cwd: root, stdio: "inherit", env: { ...process.env, CHROME_PATH: CHROME } });
        const report = JSON.parse(readFileSync(file, "utf8")) as Report;
        const score = Math.round(report.categories.performance.score * 100);
        scores.get(page.key)!.push(score);
        const a = (id: string) => report.audits[id]?.displayValue ?? "–";
        console.log(
          `[lighthouse] ${page.label} (${page.path}) run ${run + 1}: ${score} — FCP ${a("first-contentful-paint")}, LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")}, SI ${a("speed-index")}; JS ${a("total-byte-weight")}`,
        );
      }
    }
    const line = PAGES.map((p) => `${p.key}=${median(scores.get(p.key)!)}`).join(" ");
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(`[lighthouse] load average at the end: ${load} (2 cores)`);
    console.log(`BENCH lighthouse ${line}`);
  } finally {
    await stopApp(server);
    if (process.env.BENCH_KEEP_DB !== "1") await dropDatabase(ADMIN_URL, db.name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
