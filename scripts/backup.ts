// npm run db:backup [-- <file>]: writes a logical backup of every application table (a consistent
// snapshot, read through the pg driver; no pg_dump) to one gzipped file, by default
// backups/backup-<UTC timestamp>.sgt.jsonl.gz. Format: scripts/lib/backup-format.ts.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BACKUP_FORMAT, BACKUP_VERSION, applicationTables, checksumRows, encodeBackup, readRows, type BackupTable } from "./lib/backup-format";
import { StartupError, runWithDatabase } from "./lib/database";

const args = process.argv.slice(2);
if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
  console.error("Error: usage: npm run db:backup [-- <file>] (default: backups/backup-<UTC timestamp>.sgt.jsonl.gz).");
  process.exit(1);
}
const createdAt = new Date().toISOString();
const file = path.resolve(args[0] ?? path.join("backups", `backup-${createdAt.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.sgt.jsonl.gz`));
if (existsSync(file)) {
  console.error(`Error: ${file} already exists; choose another file name (a backup never overwrites one).`);
  process.exit(1);
}

await runWithDatabase(async (db) => {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const started = Date.now();
  let tables: BackupTable[];
  let migrations: string[];
  try {
    // One read-only snapshot, so rows written meanwhile cannot leave a child without its parent.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const hasMigrations = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS ok`);
    if (!hasMigrations.rows[0].ok) throw new StartupError(`The database (${db.describe}) has no tracker tables; there is nothing to back up.`);
    const done = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
    );
    migrations = done.rows.map((r) => r.migration_name);
    tables = [];
    for (const t of await applicationTables(client)) {
      const data = await readRows(client, t);
      tables.push({ name: t.name, columns: t.columns, rows: data.length, sha256: checksumRows(data), data });
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  const bytes = encodeBackup({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt, source: db.embedded ? "pglite" : "postgresql", migrations }, tables);
  const partial = `${file}.partial`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(partial, bytes, { mode: 0o600 }); // password hashes inside: owner-only
    renameSync(partial, file);
  } catch (e) {
    throw new StartupError(`Cannot write the backup to ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); choose a writable place.`);
  }
  const rows = tables.reduce((n, t) => n + t.rows, 0);
  const kb = (statSync(file).size / 1024).toFixed(1);
  console.log(`Backed up ${db.describe}: ${rows} rows in ${tables.length} tables to ${file} (${kb} KiB, ${Date.now() - started} ms). It contains password hashes: keep it private.`);
});
