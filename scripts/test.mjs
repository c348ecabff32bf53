// npm test: picks the database the tests use, then runs jest.
// Order: TEST_DATABASE_URL, else a PostgreSQL on 127.0.0.1:5432 if one answers, else the
// embedded PGlite (so the suite passes on a machine with no database server; TEST_DB=embedded
// forces that path).
// `--e2e` runs the browser suite (tests/e2e) against a production build instead.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-pg.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const e2e = process.argv.includes("--e2e");
const passThrough = process.argv.slice(2).filter((a) => a !== "--e2e");

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  const env = { ...process.env };
  let embedded = null;
  if (env.TEST_DATABASE_URL) {
    env.TEST_DB_MODE = "server";
    console.log(`[test] 数据库: TEST_DATABASE_URL`);
  } else if (env.TEST_DB !== "embedded" && (await answers("postgresql://postgres@127.0.0.1:5432/postgres"))) {
    env.TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    env.TEST_DB_MODE = "server";
    console.log("[test] 数据库: PostgreSQL 127.0.0.1:5432");
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: null });
    env.TEST_DATABASE_URL = embedded.url;
    env.TEST_DB_MODE = "embedded";
    env.DATABASE_POOL_MAX = "1";
    console.log(`[test] 数据库: 内置 PGlite（${env.TEST_DB === "embedded" ? "TEST_DB=embedded" : "未找到 PostgreSQL 服务"}）`);
  }
  const jest = path.join(root, "node_modules", ".bin", "jest");
  const args = e2e ? ["--config", "tests/e2e/jest.config.mjs", "--runInBand"] : [];
  if (embedded && !e2e) args.push("--runInBand"); // one PGlite session serves one worker
  const child = spawn(jest, [...args, ...passThrough], { cwd: root, stdio: "inherit", env });
  child.on("exit", async (code) => {
    if (embedded) await embedded.stop();
    process.exit(code ?? 1);
  });
}

main();
