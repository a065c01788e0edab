// Resolves the database for a command: the PostgreSQL server in DATABASE_URL when set,
// otherwise the embedded PGlite database in DATA_DIR.
import pg from "pg";
import { parseEnv } from "../../lib/env";
import { StartupError, startEmbeddedDatabase } from "./embedded-db";

export { StartupError };
export type Database = { url: string; embedded: boolean; describe: string; stop: () => Promise<void> };

/** Checks that a PostgreSQL server answers within a few seconds; throws one clear sentence otherwise. */
export async function checkReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  const where = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return "the configured server";
    }
  })();
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const reason = (e as Error).message.split("\n")[0];
    throw new StartupError(`Cannot reach the PostgreSQL database at ${where} (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openDatabase(): Promise<Database> {
  let env;
  try {
    env = parseEnv();
  } catch (e) {
    throw new StartupError((e as Error).message);
  }
  if (env.DATABASE_URL) {
    await checkReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, describe: "PostgreSQL (DATABASE_URL)", stop: async () => {} };
  }
  const db = await startEmbeddedDatabase({ dataDir: env.DATA_DIR, port: env.PGLITE_PORT });
  return { url: db.url, embedded: true, describe: `embedded PGlite in ${db.dataDir}`, stop: db.stop };
}

/** Runs a command body with a database, printing StartupErrors as one line and exiting 1. */
export async function runWithDatabase(fn: (db: Database) => Promise<void>): Promise<void> {
  let db: Database | null = null;
  try {
    db = await openDatabase();
    await fn(db);
  } catch (e) {
    if (e instanceof StartupError) {
      console.error(`Error: ${e.message}`);
      process.exitCode = 1;
    } else throw e;
  } finally {
    await db?.stop();
  }
}
