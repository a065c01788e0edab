import { describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { applyMigrations, diffMigrationsToSchema, isEmptyDiff, readMigrations } from "../../scripts/lib/schema-engine";

describe("migrations", () => {
  it("agree with schema.prisma (a schema change without a migration fails here)", async () => {
    const sql = await diffMigrationsToSchema();
    expect(isEmptyDiff(sql), `schema.prisma and prisma/migrations disagree; run npm run db:migrate:create -- <name>:\n${sql}`).toBe(true);
  });

  it("complete a migration that a kill interrupted, and are a no-op when rerun", async () => {
    const scratch = await startEmbeddedDatabase({ dataDir: null });
    try {
      const first = readMigrations().migrationDirectories[0].path;
      // What a kill mid-migration leaves: the bookkeeping row started, the script rolled back.
      const c = new pg.Client(scratch.url);
      await c.connect();
      await c.query(`CREATE TABLE _prisma_migrations (
        id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
        migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
      await c.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'x', $1)`, [first]);

      const applied = await applyMigrations(scratch.url);
      expect(applied).toContain(first);
      const tables = await c.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Commitment'`);
      expect(tables.rows[0].n).toBe(1);
      expect(await applyMigrations(scratch.url)).toEqual([]);
      await c.end();
    } finally {
      await scratch.stop();
    }
  });
});
