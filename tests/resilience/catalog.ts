// A text dump of a database's schema from the catalog, to compare a migration that was killed
// and rerun with one that ran uninterrupted (same server kind: PGlite 18 and PostgreSQL 15 word
// some definitions differently).
import type pg from "pg";

const QUERIES: [string, string][] = [
  [
    "column",
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, ''), coalesce(character_maximum_length::text, ''), coalesce(numeric_precision::text, '')
       FROM information_schema.columns WHERE table_schema = 'public'`,
  ],
  ["constraint", `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace`],
  ["index", `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`],
  ["enum", `SELECT t.typname, e.enumsortorder::text, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace`],
  ["trigger", `SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal`],
  ["function", `SELECT proname, md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace`],
  ["sequence", `SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = 'public'`],
];

/** One sorted line per column, constraint, index, enum value, trigger, function and sequence of the public schema. */
export async function schemaDump(client: pg.Client): Promise<string[]> {
  const lines: string[] = [];
  for (const [kind, sql] of QUERIES) {
    const res = await client.query({ text: sql, rowMode: "array" });
    for (const row of res.rows as unknown[][]) lines.push(`${kind} ${row.join(" | ")}`);
  }
  return lines.sort();
}

export type MigrationRow = { migration_name: string; finished: boolean; rolled_back: boolean; checksum: string };

/** The rows of _prisma_migrations, oldest first. */
export async function migrationRows(client: pg.Client): Promise<MigrationRow[]> {
  const res = await client.query(
    `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, checksum FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return res.rows;
}
