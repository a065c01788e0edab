// Benchmark databases: never the default one. On a PostgreSQL server (DATABASE_URL) each is a new
// database created for the run and dropped after it; otherwise an embedded PGlite database in a
// temporary folder, hosted by this process behind its loopback socket (as `npm start` does).
import pg from "pg";
import { seedDatabase } from "../../../lib/db/seed";
import { parseSeed } from "../../../lib/schemas/seed";
import { startEmbeddedDatabase } from "../../lib/embedded-db";
import { scriptClient } from "../../lib/prisma";
import { applyMigrations } from "../../lib/schema-engine";
import { readSeedFiles } from "../../lib/seed-files";

export type BenchDb = { name: string; url: string; kind: "embedded" | "postgresql"; stop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Opens an empty database named for this run (PostgreSQL server when `serverUrl` is set). */
export async function openBenchDatabase(name: string, opts: { serverUrl?: string; dir: string }): Promise<BenchDb> {
  if (opts.serverUrl) {
    const database = `sgt_bench_${name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: opts.serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    return {
      name,
      url: withDatabase(opts.serverUrl, database),
      kind: "postgresql",
      stop: async () => {
        const c = new pg.Client({ connectionString: opts.serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => c.end());
      },
    };
  }
  const db = await startEmbeddedDatabase({ dataDir: `${opts.dir}/${name}` });
  return { name, url: db.url, kind: "embedded", stop: db.stop };
}

/** Applies the migrations and loads seed input (real or synthetic) through the seed's zod schemas. */
export async function loadDataset(db: BenchDb, raw: Record<string, unknown[]> | "seed"): Promise<Record<string, number>> {
  await applyMigrations(db.url);
  const data = parseSeed(raw === "seed" ? readSeedFiles() : (raw as never));
  const prisma = scriptClient(db.url);
  try {
    return await seedDatabase(prisma, data);
  } finally {
    await prisma.$disconnect();
  }
}
