import { readFileSync } from "node:fs";
import { dropDatabase } from "./server";
import { STATE_FILE } from "./global-setup";

export default async function globalTeardown() {
  const state = JSON.parse(readFileSync(STATE_FILE, "utf8")) as { pid: number; databaseName: string | null };
  try {
    process.kill(-state.pid, "SIGTERM"); // the whole `next start` process group
  } catch {
    /* already gone */
  }
  await new Promise((r) => setTimeout(r, 500));
  if (state.databaseName && process.env.KEEP_TEST_DB !== "1") {
    await dropDatabase(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", state.databaseName);
  }
}
