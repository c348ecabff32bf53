import { defineConfig } from "prisma/config";

// The datasource URL is only needed by `prisma migrate deploy` (where the native
// engine exists); generate and validate work without it. See README.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/wangqian" },
});
