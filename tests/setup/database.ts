// Integration tests get their own database for the run: a fresh database on the PostgreSQL
// server named by DATABASE_URL (created and dropped here), or an in-memory embedded PGlite.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { applyMigrations } from "../../scripts/lib/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgresql" | "pglite";
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (server) {
    const name = `sgt_it_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const db = await startEmbeddedDatabase({ dataDir: null });
    url = db.url;
    teardown = db.stop;
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("databaseKind", server ? "postgresql" : "pglite");
  return teardown;
}
