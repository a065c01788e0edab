// npm run db:restore -- <file>: loads a backup made by `npm run db:backup` into an EMPTY database
// (DATABASE_URL, or the embedded database in DATA_DIR): migrates it, inserts every row in one
// transaction (parents first), resets the sequences, and commits only when every table's row
// count and checksum equal the backup's.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applicationTables, checksumRows, decodeBackup, insertRows, nonEmptyTables, readRows, resetSequences } from "./lib/backup-format";
import { StartupError, runWithDatabase } from "./lib/database";
import { applyMigrations, readMigrations } from "./lib/schema-engine";

/** Raised inside the load transaction to roll it back with one clear sentence. */
const refuse = (message: string) => new StartupError(message);

const args = process.argv.slice(2);
if (args.length !== 1 || args[0].startsWith("-")) {
  console.error("Error: usage: npm run db:restore -- <backup file>.");
  process.exit(1);
}
const file = path.resolve(args[0]);
let backup: ReturnType<typeof decodeBackup>;
try {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new StartupError(`Cannot read the backup file ${file} (${(e as NodeJS.ErrnoException).code ?? "unreadable"}); nothing was restored.`);
  }
  backup = decodeBackup(bytes, file);
  const repo = readMigrations().migrationDirectories.map((d) => d.path);
  const unknown = backup.header.migrations.filter((m, i) => repo[i] !== m);
  if (backup.header.migrations.length > repo.length || unknown.length) {
    throw new StartupError(
      `The backup was made by a tracker version with migrations this one does not have (${unknown.join(", ") || "more migrations than here"}); restore it with that version or a newer one.`,
    );
  }
} catch (e) {
  if (!(e instanceof StartupError)) throw e;
  console.error(`Error: ${e.message}`);
  process.exit(1);
}

await runWithDatabase(async (db) => {
  const started = Date.now();
  const full = async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return await nonEmptyTables(client);
    } finally {
      await client.end();
    }
  };
  const notEmpty = (tables: string[]) =>
    refuse(`The target database (${db.describe}) is not empty (rows in ${tables.slice(0, 3).join(", ")}${tables.length > 3 ? ", …" : ""}); restore only into an empty database, e.g. a new DATA_DIR or a newly created PostgreSQL database.`);
  // Checked before migrating, so a refused restore changes nothing.
  const before = await full();
  if (before.length) throw notEmpty(before);
  await applyMigrations(db.url);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const again = await nonEmptyTables(client);
    if (again.length) throw notEmpty(again);
    const here = new Map((await applicationTables(client)).map((t) => [t.name, t]));
    const order = [...here.keys()];
    // Insert in this database's dependency order, whatever order the file lists.
    const tables = [...backup.tables].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    for (const t of tables) {
      const target = here.get(t.name);
      const missing = target ? t.columns.filter((c) => !target.columns.includes(c)) : [];
      if (!target || missing.length) {
        throw refuse(`This tracker version has no ${target ? `column ${missing[0]} in table ${t.name}` : `table ${t.name}`}, which the backup holds; nothing was restored.`);
      }
      try {
        await insertRows(client, t.name, t.columns, t.data);
      } catch (e) {
        throw refuse(`The rows of table ${t.name} could not be loaded (${(e as Error).message}); nothing was restored.`);
      }
    }
    await resetSequences(client);
    for (const t of tables) {
      const rows = await readRows(client, here.get(t.name)!, t.columns);
      if (rows.length !== t.rows || checksumRows(rows) !== t.sha256) {
        throw refuse(`After loading, table ${t.name} does not match the backup (${rows.length} rows, ${t.rows} expected, or different values); nothing was restored.`);
      }
    }
    await client.query("COMMIT");
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    console.log(`Restored ${rows} rows in ${tables.length} tables from ${file} (made ${backup.header.createdAt}) into ${db.describe}; row counts and checksums verified (${Date.now() - started} ms).`);
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
});
// The schema engine's connection pool keeps the process alive for its 10 s idle timeout; all work is done.
process.exit();
