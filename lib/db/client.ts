// One PrismaClient per process, on @prisma/adapter-pg for both the embedded PGlite
// server and a real PostgreSQL: the same code path everywhere.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：请用 npm start 启动（内置数据库），或设置 DATABASE_URL 指向 PostgreSQL");
  return url;
}

/** Pool size: the embedded PGlite server serves one session, so it sets DATABASE_POOL_MAX=1. */
export function createPrisma(connectionString = databaseUrl(), max = Number(process.env.DATABASE_POOL_MAX ?? 10)) {
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: 10_000 });
  return new PrismaClient({
    adapter,
    // PGlite serialises every transaction; a generous wait keeps short bursts from failing.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

export type Db = ReturnType<typeof createPrisma>;

const globalForPrisma = globalThis as unknown as { wqPrisma?: Db };

/** Lazily created so that importing a module never needs a database. */
export const prisma: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForPrisma.wqPrisma ??= createPrisma();
    const value = Reflect.get(globalForPrisma.wqPrisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.wqPrisma) : value;
  },
});

/** The client a service writes through inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

/**
 * A unique constraint refused the write: P2002 from a model query, P2010 with PostgreSQL's
 * 23505 from a raw statement (the set-based writers).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e.code === "P2002" || (e.code === "P2010" && e.meta?.driverAdapterError?.cause?.originalCode === "23505");
}
