// Starts the app as production does (`next start` on a build of the current sources) on a
// fresh migrated and seeded database. Used by the e2e global setup and by benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { migrate } from "../../lib/db/migrate";

const root = path.resolve(__dirname, "..", "..");

export type AppServer = { url: string; databaseUrl: string; databaseName: string | null; pid: number; child: ChildProcess };

export async function createDatabase(adminUrl: string, prefix: string): Promise<{ url: string; name: string }> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  return { url: parsed.toString(), name };
}

export async function dropDatabase(adminUrl: string, name: string) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

function runNode(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}`))));
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Migrates and seeds `databaseUrl`, builds into `distDir` if needed, starts `next start`. */
export async function startApp(opts: {
  databaseUrl: string;
  databaseName: string | null;
  port: number;
  distDir: string;
  env?: Record<string, string | undefined>;
  /** false: serve `distDir` as it is (a second instance of a build another process made) */
  build?: boolean;
  /** the server's stdout and stderr go to this file instead of the terminal */
  logFile?: string;
  /** node's own options for the server process (e.g. --cpu-prof, which NODE_OPTIONS refuses) */
  nodeArgs?: string[];
}): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: opts.databaseUrl,
    NEXT_DIST_DIR: opts.distDir,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789",
    AUTH_TRUST_HOST: "true",
    // as behind one reverse proxy: the client address is the X-Forwarded-For the tests send
    WQ_TRUSTED_PROXIES: "1",
    PORT: String(opts.port),
    ...opts.env,
  };
  // A server left over on this port would answer instead of ours, with other code and data.
  if (await fetch(`http://127.0.0.1:${opts.port}/login`).then(() => true, () => false)) {
    throw new Error(`端口 ${opts.port} 已被占用（可能是上次测试留下的 next start 进程），请先停止它`);
  }
  await migrate(opts.databaseUrl);
  await runNode([path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts"], env);
  if (opts.build !== false) {
    await runNode(["--input-type=module", "-e", `import { buildIfNeeded } from "${path.join(root, "scripts", "build-if-needed.mjs")}"; await buildIfNeeded(process.env);`], env);
  }
  const out = opts.logFile ? openSync(opts.logFile, "a") : "inherit";
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), next, "start", "-p", String(opts.port)], { cwd: root, env, stdio: ["ignore", out, out], detached: true });
  if (typeof out === "number") closeSync(out); // the child has its own copy
  const url = `http://127.0.0.1:${opts.port}`;
  await waitForHttp(`${url}/login`);
  return { url, databaseUrl: opts.databaseUrl, databaseName: opts.databaseName, pid: child.pid!, child };
}
