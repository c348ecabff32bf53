// npm start: serve 网签 on PORT (default 3000).
// Without DATABASE_URL it runs the embedded PostgreSQL (PGlite, data in .data/pglite),
// migrates it, seeds the demo university if empty (with DATABASE_URL only when
// WQ_DEMO_SEED=1: a production database never gets demo passwords by accident), builds the app when the sources
// changed since the last build, and starts `next start`. `--dev` runs `next dev` instead.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIfNeeded, root, run } from "./build-if-needed.mjs";
import { startEmbeddedPostgres } from "./embedded-pg.mjs";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(root, process.env.WQ_DATA_DIR ?? ".data");

function log(message) {
  console.log(`[网签] ${message}`);
}

/** A secret that survives restarts, kept in .data when the environment gives none. */
function persistentSecret(name) {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function isEmpty(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Setting"`);
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

async function main() {
  const port = process.env.PORT ?? "3000";
  let embedded = null;
  const env = { ...process.env };
  if (!env.DATABASE_URL) {
    log(`使用内置数据库 (PGlite, ${path.relative(root, dataDir) || "."}/pglite)`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: Number(env.EMBEDDED_DB_PORT ?? 0) });
    env.DATABASE_URL = embedded.url;
    env.DATABASE_POOL_MAX = "1"; // PGlite serves one session at a time
  }
  env.AUTH_SECRET ??= persistentSecret("auth-secret");
  env.AUTH_TRUST_HOST ??= "true";
  env.WQ_IN_PROCESS_JOBS ??= env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? "0" : "1";

  const stop = async (code) => {
    if (embedded) await embedded.stop();
    process.exit(code);
  };
  try {
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    await run(tsx, ["scripts/db-migrate.ts"], env);
    // the certificate official PDFs are signed with (a demo one is generated on first start)
    await run(tsx, ["scripts/signing-certificate.ts"], env);
    // Demo accounts (known password) go only into the embedded demo database, or where asked.
    const seedDemo = embedded !== null || env.WQ_DEMO_SEED === "1";
    if (seedDemo && (await isEmpty(env.DATABASE_URL))) {
      log("数据库为空，写入演示数据 (npm run db:seed)");
      await run(tsx, ["prisma/seed.ts", "--with-agreements"], env);
    }
    const next = path.join(root, "node_modules", ".bin", "next");
    if (!dev) await buildIfNeeded(env, log);
    log(`服务地址 http://localhost:${port}`);
    const server = spawn(next, [dev ? "dev" : "start", "-p", port], { cwd: root, stdio: "inherit", env });
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
    server.on("exit", (code) => stop(code ?? 0));
  } catch (error) {
    console.error(`[网签] 启动失败: ${error.message}`);
    await stop(1);
  }
}

main();
