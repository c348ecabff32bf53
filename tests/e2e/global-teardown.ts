import { readFileSync } from "node:fs";
import { dropDatabase } from "./server";
import { STATE_FILE } from "./global-setup";

export default async function globalTeardown() {
  const state = JSON.parse(readFileSync(STATE_FILE, "utf8")) as { pid: number; oidcPid?: number; databaseName: string | null };
  for (const pid of [state.pid, state.oidcPid]) {
    if (!pid) continue;
    try {
      process.kill(-pid, "SIGTERM"); // the whole process group (next start; the OpenID provider)
    } catch {
      /* already gone */
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  if (state.databaseName && process.env.KEEP_TEST_DB !== "1") {
    await dropDatabase(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", state.databaseName);
  }
}
