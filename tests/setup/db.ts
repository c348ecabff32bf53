// Each test file gets its own database, cloned from the run's freshly migrated one
// (CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other's rows.
// On the embedded PGlite (one database, files run in band) each file starts from an empty,
// freshly migrated schema instead.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { createPrisma, type Db } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";

let current: Db | undefined;

export async function getTestPrisma(): Promise<Db> {
  if (current) return current;
  let url = process.env.DATABASE_URL!;
  const template = process.env.TEST_DATABASE_NAME;
  if (template) {
    const name = `${template}_${randomBytes(4).toString("hex")}`;
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    const parsed = new URL(url);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    process.env.DATABASE_URL = url;
  } else if (process.env.TEST_DB_MODE === "embedded") {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await client.end();
    await migrate(url);
  }
  current = createPrisma(url, Number(process.env.DATABASE_POOL_MAX ?? 5));
  // lib/db/client's shared `prisma` is the one the services use: make it this one.
  (globalThis as unknown as { wqPrisma?: Db }).wqPrisma = current;
  return current;
}

afterAll(async () => {
  await current?.$disconnect();
});
