// Gives the whole run a fresh, migrated database and points DATABASE_URL at it.
// On a PostgreSQL server: a new database per run (dropped afterwards unless KEEP_TEST_DB=1).
// On the embedded PGlite (one database only): the in-memory instance is fresh already.
import { Client } from "pg";
import { migrate } from "../../lib/db/migrate";

export default async function globalSetup() {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  let url = adminUrl;
  if (process.env.TEST_DB_MODE !== "embedded") {
    const name = `wq_test_${Date.now()}_${process.pid}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    process.env.TEST_DATABASE_NAME = name;
  }
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "test-secret-0123456789abcdef0123456789abcdef";
}
