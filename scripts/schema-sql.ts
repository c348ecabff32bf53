// Prints the CREATE SQL of prisma/schema.prisma in Prisma's migration layout.
// The native schema engine that `prisma migrate diff` needs is not available offline;
// this writes the same statements for a first migration. Later migrations are written
// by hand and checked by the drift test.
import { createSql } from "../lib/db/schema-model";

process.stdout.write(createSql());
