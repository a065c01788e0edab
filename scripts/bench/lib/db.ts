// Benchmark databases: never the default one. On a PostgreSQL server (DATABASE_URL) each is a new
// database created for the run and dropped after it; otherwise an embedded PGlite database in a
// temporary folder, hosted by this process behind its loopback socket (as `npm start` does).
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { seedDatabase } from "../../../lib/db/seed";
import { parseSeed } from "../../../lib/schemas/seed";
import { startEmbeddedDatabase } from "../../lib/embedded-db";
import { scriptClient } from "../../lib/prisma";
import { applyMigrations } from "../../lib/schema-engine";
import { readSeedFiles } from "../../lib/seed-files";
import { bulkLoad } from "./bulk-load";

export type BenchDb = { name: string; url: string; kind: "embedded" | "postgresql"; stop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Migrates one empty database once and clones it per dataset (PGlite: a copy of the closed data
 * folder; PostgreSQL: CREATE DATABASE … TEMPLATE), which saves a migration run per dataset.
 */
export async function migratedTemplate(opts: { serverUrl?: string; dir: string }): Promise<{ clone: (name: string) => Promise<BenchDb>; stop: () => Promise<void> }> {
  if (opts.serverUrl) {
    const serverUrl = opts.serverUrl;
    const template = `sgt_bench_template_${process.pid}`;
    const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        return await fn(c);
      } finally {
        await c.end();
      }
    };
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${template}"`);
    });
    await applyMigrations(withDatabase(serverUrl, template));
    return {
      clone: async (name) => {
        const database = `sgt_bench_${name}_${process.pid}`;
        await admin(async (c) => {
          await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          for (let attempt = 0; ; attempt++) {
            try {
              await c.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
              break;
            } catch (e) {
              // The migration's connections may take a moment to close.
              if (attempt > 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
              await new Promise((r) => setTimeout(r, 250));
            }
          }
        });
        return {
          name,
          url: withDatabase(serverUrl, database),
          kind: "postgresql",
          stop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))),
        };
      },
      stop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`))),
    };
  }
  const templateDir = path.join(opts.dir, "template");
  const t = await startEmbeddedDatabase({ dataDir: templateDir });
  try {
    await applyMigrations(t.url);
  } finally {
    await t.stop();
  }
  return {
    clone: async (name) => {
      const dataDir = path.join(opts.dir, name);
      cpSync(templateDir, dataDir, { recursive: true });
      const db = await startEmbeddedDatabase({ dataDir });
      return { name, url: db.url, kind: "embedded", stop: db.stop };
    },
    stop: async () => rmSync(templateDir, { recursive: true, force: true }),
  };
}

/** Loads today's seed (the seed's own loader) or synthetic input (bulk, see bulk-load.ts), both validated by the seed's zod schemas. */
export async function loadDataset(db: BenchDb, raw: Record<string, unknown[]> | "seed"): Promise<Record<string, number>> {
  const data = parseSeed(raw === "seed" ? readSeedFiles() : (raw as never));
  if (raw !== "seed") return bulkLoad(db.url, data);
  const prisma = scriptClient(db.url);
  try {
    return await seedDatabase(prisma, data);
  } finally {
    await prisma.$disconnect();
  }
}
