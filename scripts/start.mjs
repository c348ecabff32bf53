// npm start: serve 网签 on PORT (default 3000).
// Without DATABASE_URL it runs the embedded PostgreSQL (PGlite, data in .data/pglite),
// migrates it, seeds the demo university if empty, builds the app when the sources
// changed since the last build, and starts `next start`. `--dev` runs `next dev` instead.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-pg.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dev = process.argv.includes("--dev");
const dataDir = path.resolve(root, process.env.WQ_DATA_DIR ?? ".data");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

function log(message) {
  console.log(`[网签] ${message}`);
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} 退出码 ${code}`))));
  });
}

/** A secret that survives restarts, kept in .data when the environment gives none. */
function persistentSecret(name) {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** A fingerprint of everything `next build` reads, so a stale build is rebuilt. */
function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.name === "tests") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(root, full)}:${statSync(full).size}:${statSync(full).mtimeMs}\n`);
    }
  };
  for (const dir of ["app", "components", "lib", "jobs", "public"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["next.config.js", "package.json", "postcss.config.mjs", "proxy.ts", "tsconfig.json"]) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(`${file}:${statSync(full).mtimeMs}\n`);
  }
  return hash.digest("hex");
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
    if (await isEmpty(env.DATABASE_URL)) {
      log("数据库为空，写入演示数据 (npm run db:seed)");
      await run(tsx, ["prisma/seed.ts"], env);
    }
    const next = path.join(root, "node_modules", ".bin", "next");
    if (!dev) {
      const fingerprint = sourceFingerprint();
      const stamp = path.join(root, distDir, "wangqian-source");
      const built = existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
      if (!built) {
        log("构建应用 (next build)…");
        await run(next, ["build"], env);
        writeFileSync(stamp, fingerprint);
      }
    }
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
