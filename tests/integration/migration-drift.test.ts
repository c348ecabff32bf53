// schema.prisma and prisma/migrations must describe the same database. Migrations are
// hand-kept here (no schema engine offline), so this is what catches a forgotten or
// mistaken migration: tables, columns, types, nullability, enums, uniques, indexes, FKs.
import { Client } from "pg";
import { introspect, type Query } from "@/lib/db/introspect";
import { migrate } from "@/lib/db/migrate";
import { dataModel, type DataModel } from "@/lib/db/schema-model";
import { startEmbeddedPg } from "../helpers/embedded-pg";
import { getTestPrisma } from "../setup/db";

/** A comparable, order-independent description (defaults compared by presence: Prisma and PostgreSQL spell them differently). */
function normalise(model: DataModel) {
  const tables = Object.fromEntries(
    [...model.tables]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => [
        t.name,
        {
          columns: Object.fromEntries(
            [...t.columns]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((c) => [c.name, { type: c.sqlType, nullable: c.nullable, hasDefault: c.defaultSql !== null }]),
          ),
          primaryKey: t.primaryKey,
          uniques: t.uniques.map((u) => `${u.name}(${u.columns.join(",")})`).sort(),
          indexes: t.indexes.map((i) => `${i.name}(${i.columns.join(",")})`).sort(),
          foreignKeys: t.foreignKeys.map((f) => `${f.name}:${f.columns}->${f.refTable}(${f.refColumns}) ON DELETE ${f.onDelete}`).sort(),
        },
      ]),
  );
  const enums = Object.fromEntries([...model.enums].sort((a, b) => a.name.localeCompare(b.name)).map((e) => [e.name, e.values]));
  return { enums, tables };
}

describe("migrations match schema.prisma", () => {
  const expected = normalise(dataModel());

  it("on the test PostgreSQL", async () => {
    const prisma = await getTestPrisma();
    const query: Query = (sql) => prisma.$queryRawUnsafe(sql);
    expect(normalise(await introspect(query))).toEqual(expected);
  });

  it("on the embedded PGlite, applied from an empty database by the runner", async () => {
    const embedded = await startEmbeddedPg();
    const client = new Client({ connectionString: embedded.url });
    try {
      const first = await migrate(embedded.url);
      expect(first.applied.length).toBeGreaterThan(0);
      expect((await migrate(embedded.url)).applied).toEqual([]); // a second run applies nothing
      await client.connect();
      const query: Query = async (sql) => (await client.query(sql)).rows;
      expect(normalise(await introspect(query))).toEqual(expected);
      const { rows } = await client.query(`SELECT migration_name, length(checksum) AS len, finished_at IS NOT NULL AS done FROM "_prisma_migrations"`);
      expect(rows).toHaveLength(first.applied.length);
      expect(rows.every((r) => r.len === 64 && r.done)).toBe(true);
    } finally {
      await client.end().catch(() => {});
      await embedded.stop();
    }
  }, 180_000); // every migration from an empty PGlite: about a minute already on a loaded 2-core machine

  it("notices a difference (the comparison is not vacuous)", () => {
    const changed = structuredClone(dataModel());
    changed.tables.find((t) => t.name === "Agreement")!.columns.find((c) => c.name === "agreementNo")!.nullable = false;
    expect(normalise(changed)).not.toEqual(expected);
  });
});
