import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, startApp } from "./server";

// One state file per port: two e2e runs at once (two engineers, or CI and a benchmark) must
// not stop each other's server or drop each other's database in their teardown.
export const STATE_FILE = path.join(__dirname, "..", "artifacts", `e2e-server-${process.env.E2E_PORT ?? 3100}.json`);

export default async function globalSetup() {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const db = process.env.TEST_DB_MODE === "embedded" ? { url: adminUrl, name: null } : await createDatabase(adminUrl, "wq_e2e");
  const server = await startApp({
    databaseUrl: db.url,
    databaseName: db.name,
    port: Number(process.env.E2E_PORT ?? 3100),
    distDir: process.env.E2E_DIST_DIR ?? ".next-e2e",
    // every PDF of the suite renders with the Chromium inside the npm package (the fallback of
    // `npm install` alone); paperless.e2e.test.ts checks it among the server's processes
    env: { WQ_CHROMIUM: "npm" },
  });
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ url: server.url, databaseUrl: server.databaseUrl, databaseName: server.databaseName, pid: server.pid }));
  process.env.E2E_BASE_URL = server.url;
  process.env.DATABASE_URL = server.databaseUrl;
  console.log(`\n[e2e] app on ${server.url}, database ${db.name ?? "(embedded)"}`);
}
