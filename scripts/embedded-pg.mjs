// The embedded database of `npm start` and of tests on a machine without PostgreSQL:
// PGlite (PostgreSQL compiled to WASM) served over TCP, so the app talks to it through
// the same pg driver and Prisma adapter as to a real server.
// PGlite has no lock of its own and two servers on one directory silently lose writes,
// so this process takes a lock file and refuses to start while another owner lives.
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function takeLock(dataDir) {
  const lockFile = path.join(dataDir, "wangqian.lock");
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new Error(`内置数据库 ${dataDir} 正被进程 ${pid} 使用；请先停止它（一个数据目录只能有一个服务进程）`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile);
    } catch {
      /* already gone */
    }
  };
  process.on("exit", release);
  return release;
}

/**
 * Starts PGlite on `dataDir` (or in memory when dataDir is null) and serves it on
 * 127.0.0.1:`port` (0 = any free port). Returns the connection URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port = 0 }) {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = takeLock(dataDir);
  }
  const db = await PGlite.create(dataDir ? path.join(dataDir, "pgdata") : undefined);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
  await server.start();
  // getServerConn() is "host:port" with the port the OS chose when asked for 0
  const actualPort = Number(String(server.getServerConn()).split(":").pop());
  const url = `postgresql://postgres:postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`;
  return {
    url,
    port: actualPort,
    async stop() {
      await server.stop().catch(() => {});
      await db.close().catch(() => {});
      release();
    },
  };
}
