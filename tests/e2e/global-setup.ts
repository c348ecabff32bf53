import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, startApp } from "./server";

// One state file per port: two e2e runs at once (two engineers, or CI and a benchmark) must
// not stop each other's server or drop each other's database in their teardown.
export const STATE_FILE = path.join(__dirname, "..", "artifacts", `e2e-server-${process.env.E2E_PORT ?? 3100}.json`);

export const OIDC_CLIENT = { id: "wangqian-e2e", secret: "wangqian-e2e-secret-0123456789" };

/** panva's oidc-provider on loopback (E2E_OIDC_PORT, default E2E_PORT + 1), the app's SSO provider. */
async function startOidcProvider(port: number, appUrl: string): Promise<{ pid: number; issuer: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, "oidc-provider.mjs"), String(port), `${appUrl}/api/auth/callback/oidc`], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("oidc-provider did not start within 20 s")), 20_000);
    child.on("exit", (code) => reject(new Error(`oidc-provider exited ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = /oidc-provider ready (\S+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  child.stdout!.resume();
  child.unref();
  return { pid: child.pid!, issuer };
}

export default async function globalSetup() {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const db = process.env.TEST_DB_MODE === "embedded" ? { url: adminUrl, name: null } : await createDatabase(adminUrl, "wq_e2e");
  const port = Number(process.env.E2E_PORT ?? 3100);
  const oidc = await startOidcProvider(Number(process.env.E2E_OIDC_PORT ?? port + 1), `http://127.0.0.1:${port}`);
  const server = await startApp({
    databaseUrl: db.url,
    databaseName: db.name,
    port,
    distDir: process.env.E2E_DIST_DIR ?? ".next-e2e",
    // every PDF of the suite renders with the Chromium inside the npm package (the fallback of
    // `npm install` alone); paperless.e2e.test.ts checks it among the server's processes
    env: { WQ_CHROMIUM: "npm", OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: OIDC_CLIENT.id, OIDC_CLIENT_SECRET: OIDC_CLIENT.secret, OIDC_USERNAME_CLAIM: "preferred_username" },
  });
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeFileSync(
    STATE_FILE,
    JSON.stringify({ url: server.url, databaseUrl: server.databaseUrl, databaseName: server.databaseName, pid: server.pid, oidcPid: oidc.pid, oidcIssuer: oidc.issuer }),
  );
  process.env.E2E_BASE_URL = server.url;
  process.env.DATABASE_URL = server.databaseUrl;
  process.env.E2E_OIDC_ISSUER = oidc.issuer;
  console.log(`\n[e2e] app on ${server.url}, database ${db.name ?? "(embedded)"}, OpenID provider ${oidc.issuer}`);
}
