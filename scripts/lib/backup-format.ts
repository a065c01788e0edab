// The logical backup format of `npm run db:backup` / `db:restore` (docs/decisions/013-backups.md):
// a gzipped JSON Lines file. Line 1 is the header; then, table by table in the header's order,
// one line per row exactly as PostgreSQL's row_to_json renders it. Rows are never parsed by
// JavaScript: PostgreSQL writes them and reads them back (json_populate_recordset), so BigInt,
// Decimal, timestamp(3), JSONB and enum arrays round-trip as exact text.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type pg from "pg";
import { z } from "zod";
import { StartupError } from "./embedded-db";

export const BACKUP_FORMAT = "sgt-backup";
export const BACKUP_VERSION = 1;

const TableEntry = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const Header = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  source: z.enum(["postgresql", "pglite"]),
  migrations: z.array(z.string()),
  tables: z.array(TableEntry),
});
export type BackupHeader = z.infer<typeof Header>;
export type BackupTable = z.infer<typeof TableEntry> & { data: string[] };

/** An application table: its columns in table order and its primary key (collatable columns marked). */
export type TableInfo = { name: string; columns: string[]; key: { column: string; collatable: boolean }[] };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** SHA-256 over a table's rows in backup order, one row per line; the header (and its timestamp) is not part of it. */
export function checksumRows(rows: string[]): string {
  const hash = createHash("sha256");
  for (const row of rows) hash.update(row).update("\n");
  return hash.digest("hex");
}

/**
 * Every table of the public schema except _prisma_migrations, parents before children (by the
 * foreign keys in pg_constraint), so inserting in this order never breaks a constraint.
 */
export async function applicationTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const cols = await client.query<{ table: string; column: string; collatable: boolean; key_pos: number | null }>(`
    SELECT c.relname AS table, a.attname AS column, a.attcollation <> 0 AS collatable,
           array_position(i.indkey::int2[], a.attnum) AS key_pos
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
    WHERE c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname COLLATE "C", a.attnum`);
  const tables = new Map<string, TableInfo>();
  const keyPos = new Map<string, number>(); // "table.column" → position in the primary key
  for (const r of cols.rows) {
    const t = tables.get(r.table) ?? { name: r.table, columns: [], key: [] };
    tables.set(r.table, t);
    t.columns.push(r.column);
    if (r.key_pos !== null) {
      t.key.push({ column: r.column, collatable: r.collatable });
      keyPos.set(`${r.table}.${r.column}`, r.key_pos);
    }
  }
  for (const t of tables.values()) t.key.sort((a, b) => keyPos.get(`${t.name}.${a.column}`)! - keyPos.get(`${t.name}.${b.column}`)!);
  const fks = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT ch.relname AS child, pa.relname AS parent
    FROM pg_constraint k
    JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = ch.relnamespace AND n.nspname = 'public'
    WHERE k.contype = 'f' AND ch.oid <> pa.oid`);
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of fks.rows) parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  // Depth-first topological order; names are visited in sorted order so the order is stable.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name) || !tables.has(name)) return;
    done.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p);
    ordered.push(tables.get(name)!);
  };
  for (const name of tables.keys()) visit(name);
  return ordered;
}

/** SQL returning a table's given columns as row_to_json text, one row per line, in primary-key order (byte order for text keys). */
export function rowsQuery(table: TableInfo, columns: string[]): string {
  const order = table.key.length
    ? table.key.map((k) => `x.${ident(k.column)}${k.collatable ? ' COLLATE "C"' : ""}`).join(", ")
    : `row_to_json(x)::text COLLATE "C"`;
  return `SELECT row_to_json(x)::text AS j FROM (SELECT ${columns.map(ident).join(", ")} FROM ${ident(table.name)}) x ORDER BY ${order}`;
}

/** Reads a table's rows (the given columns) in backup order. */
export async function readRows(client: pg.ClientBase, table: TableInfo, columns = table.columns): Promise<string[]> {
  const res = await client.query<{ j: string }>(rowsQuery(table, columns));
  return res.rows.map((r) => r.j);
}

/** The names of the application tables that hold at least one row. */
export async function nonEmptyTables(client: pg.ClientBase): Promise<string[]> {
  const found: string[] = [];
  for (const t of await applicationTables(client)) {
    const res = await client.query(`SELECT 1 FROM ${ident(t.name)} LIMIT 1`);
    if (res.rowCount) found.push(t.name);
  }
  return found;
}

/** Inserts rows (row_to_json text) into a table in batches; PostgreSQL parses the values. */
export async function insertRows(client: pg.ClientBase, table: string, columns: string[], rows: string[]): Promise<void> {
  const list = columns.map(ident).join(", ");
  for (let i = 0; i < rows.length; i += 500) {
    await client.query(`INSERT INTO ${ident(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [
      `[${rows.slice(i, i + 500).join(",")}]`,
    ]);
  }
}

/** Sets every serial/identity sequence of the application tables to max + 1 of its column. */
export async function resetSequences(client: pg.ClientBase): Promise<void> {
  const res = await client.query<{ table: string; column: string; seq: string }>(`
    SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind = 'r' AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
  for (const r of res.rows) {
    await client.query(`SELECT setval($1, COALESCE((SELECT max(${ident(r.column)}) FROM ${ident(r.table)}), 0) + 1, false)`, [r.seq]);
  }
}

/** Serialises a backup: gzip of the header line and the row lines. */
export function encodeBackup(header: Omit<BackupHeader, "tables">, tables: BackupTable[]): Buffer {
  const head: BackupHeader = { ...header, tables: tables.map(({ name, columns, rows, sha256 }) => ({ name, columns, rows, sha256 })) };
  const lines = [JSON.stringify(head)];
  for (const t of tables) {
    for (const row of t.data) {
      // row_to_json escapes newlines inside strings; a raw one would split a row in two.
      if (row.includes("\n")) throw new Error(`A row of ${t.name} contains a raw newline; the backup format cannot hold it.`);
      lines.push(row);
    }
  }
  return gzipSync(lines.join("\n") + "\n");
}

/** Parses and verifies a backup file's bytes (gzip, header, row counts, checksums); throws one clear sentence. */
export function decodeBackup(bytes: Buffer, file: string): { header: BackupHeader; tables: BackupTable[] } {
  const damaged = (why: string) => new StartupError(`The backup file ${file} is damaged or not a tracker backup (${why}); nothing was restored.`);
  let text: string;
  try {
    text = gunzipSync(bytes).toString("utf8");
  } catch {
    throw damaged("it is not a valid gzip file");
  }
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  let header: BackupHeader;
  try {
    header = Header.parse(JSON.parse(lines[0] ?? ""));
  } catch {
    throw damaged("its first line is not a backup header of format version 1");
  }
  const expected = header.tables.reduce((n, t) => n + t.rows, 0);
  if (lines.length - 1 !== expected) throw damaged(`it holds ${lines.length - 1} rows where its header lists ${expected}`);
  let at = 1;
  const tables = header.tables.map((t) => {
    const data = lines.slice(at, at + t.rows);
    at += t.rows;
    if (checksumRows(data) !== t.sha256) throw damaged(`the rows of table ${t.name} do not match their checksum`);
    return { ...t, data };
  });
  return { header, tables };
}
