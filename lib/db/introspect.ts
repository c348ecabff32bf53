// Reads the shape of a migrated database in the same terms as lib/db/schema-model.ts, so
// the drift test can compare what the migrations built with what schema.prisma says.
import type { Column, DataModel, Table } from "./schema-model";

export type Query = <T>(sql: string) => Promise<T[]>;

const UDT_TO_SQL: Record<string, string> = {
  text: "TEXT",
  int4: "INTEGER",
  int8: "BIGINT",
  bool: "BOOLEAN",
  jsonb: "JSONB",
  uuid: "UUID",
  float8: "DOUBLE PRECISION",
};

export async function introspect(query: Query): Promise<DataModel> {
  const enumRows = await query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
  const enums = new Map<string, string[]>();
  for (const r of enumRows) enums.set(r.name, [...(enums.get(r.name) ?? []), r.value]);

  const columnRows = await query<{
    table_name: string;
    column_name: string;
    udt_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    datetime_precision: number | null;
  }>(`
    SELECT c.table_name, c.column_name, c.udt_name, c.data_type, c.is_nullable, c.column_default, c.datetime_precision
    FROM information_schema.columns c JOIN information_schema.tables t
      ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'
    ORDER BY c.table_name, c.ordinal_position`);

  const indexRows = await query<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; is_partial: boolean; columns: string }>(`
    SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           (ix.indpred IS NOT NULL) AS is_partial,
           string_agg(a.attname, ',' ORDER BY k.ord) AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary, ix.indpred`);

  const fkRows = await query<{ table_name: string; name: string; columns: string; ref_table: string; ref_columns: string; on_delete: string }>(`
    SELECT cl.relname AS table_name, c.conname AS name,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
           rt.relname AS ref_table,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_columns,
           CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'
                              WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END AS on_delete
    FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);

  const tables = new Map<string, Table>();
  const table = (name: string) => {
    if (!tables.has(name)) tables.set(name, { name, columns: [], primaryKey: [], uniques: [], indexes: [], foreignKeys: [] });
    return tables.get(name)!;
  };
  for (const r of columnRows) {
    const isEnum = r.data_type === "USER-DEFINED";
    const sqlType = isEnum
      ? `"${r.udt_name}"`
      : r.udt_name === "timestamp"
        ? `TIMESTAMP(${r.datetime_precision})`
        : (UDT_TO_SQL[r.udt_name] ?? r.udt_name.toUpperCase());
    const column: Column = {
      name: r.column_name,
      sqlType,
      nullable: r.is_nullable === "YES",
      defaultSql: r.column_default,
      enumType: isEnum ? r.udt_name : null,
    };
    table(r.table_name).columns.push(column);
  }
  for (const r of indexRows) {
    const t = table(r.table_name);
    const columns = r.columns.split(",");
    if (r.is_primary) t.primaryKey = columns;
    else if (r.is_partial) continue; // partial indexes are extra rules of the integrity migration
    else if (r.is_unique) t.uniques.push({ name: r.index_name, columns });
    else t.indexes.push({ name: r.index_name, columns });
  }
  for (const r of fkRows) {
    table(r.table_name).foreignKeys.push({
      name: r.name,
      columns: r.columns.split(","),
      refTable: r.ref_table,
      refColumns: r.ref_columns.split(","),
      onDelete: r.on_delete,
    });
  }
  return { enums: [...enums].map(([name, values]) => ({ name, values })), tables: [...tables.values()] };
}
