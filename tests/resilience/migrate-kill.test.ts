import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { readMigrations } from "../../scripts/lib/schema-engine";
import { migrationRows, schemaDump } from "./catalog";
import { emptyTemplate } from "./databases";
import { SEED, copyDataDir, freePort, percentile, recordResult, rng, serverDatabase, sleep, trials, tsxChild, withClient, type Child, type Env } from "./harness";

// `npm run db:migrate` (scripts/migrate.ts) on an empty database is SIGKILLed at a seeded moment
// while it migrates, then run again: the rerun must succeed and leave exactly the schema of an
// uninterrupted migration, with every migration recorded as finished. On the embedded path the
// command hosts the database itself, so the kill takes the database down with it.

const kind = inject("crashDbKind");
const runDir = inject("crashRunDir");
// An embedded trial opens a data folder three times (run, rerun, inspection; 10–20 s in all):
// fewer by default, CRASH_MIGRATE_TRIALS=20 for the full set.
const TRIALS = trials("CRASH_MIGRATE_TRIALS", kind === "pglite" ? 4 : 10);
const MIGRATIONS = readMigrations().migrationDirectories.map((d) => d.path);

type Target = { env: Env; url: string; inspect: <T>(fn: (c: pg.Client) => Promise<T>) => Promise<T>; cleanup: () => Promise<void> };
const cleanups: (() => Promise<void>)[] = [];

/** An empty database for one run of the command. */
async function emptyDatabase(name: string): Promise<Target> {
  if (kind === "pglite") {
    const dir = path.join(runDir, `migrate-${name}`);
    copyDataDir(await emptyTemplate(runDir), dir);
    const port = await freePort();
    const cleanup = async () => rmSync(dir, { recursive: true, force: true });
    cleanups.push(cleanup);
    return {
      env: { DATABASE_URL: undefined, DATA_DIR: dir, PGLITE_PORT: String(port) },
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      inspect: async (fn) => {
        const db = await startEmbeddedDatabase({ dataDir: dir });
        try {
          return await withClient(db.url, fn);
        } finally {
          await db.stop();
        }
      },
      cleanup,
    };
  }
  const db = await serverDatabase(inject("crashServer"), `${inject("crashDbPrefix")}_mig_${name}`);
  cleanups.push(db.drop);
  return { env: { DATABASE_URL: db.url }, url: db.url, inspect: (fn) => withClient(db.url, fn), cleanup: db.drop };
}

const migrate = (t: Target) => tsxChild("scripts/migrate.ts", [], t.env);

/** Milliseconds from the command's start until _prisma_migrations exists; null if it exited first. */
async function migrationsBegan(t: Target, child: Child): Promise<number | null> {
  let client: pg.Client | null = null;
  const gone = () => child.proc.exitCode !== null || child.proc.signalCode !== null;
  try {
    while (!gone()) {
      try {
        if (!client) {
          const c = new pg.Client({ connectionString: t.url });
          c.on("error", () => {});
          await c.connect();
          client = c;
        }
        const r = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS ok`);
        if (r.rows[0].ok) return performance.now() - child.started;
      } catch {
        client = null; // not serving yet
      }
      await sleep(10);
    }
    return null;
  } finally {
    void (client as pg.Client | null)?.end().catch(() => {});
  }
}

afterAll(async () => {
  for (const c of cleanups) await c().catch(() => {});
});

describe(`db:migrate killed while it migrates an empty database (${kind})`, () => {
  it(`succeeds when rerun and leaves the schema of an uninterrupted migration, ${TRIALS} trials`, async () => {
    // The uninterrupted reference, and how long the migrations take once the bookkeeping table exists.
    const ref = await emptyDatabase("reference");
    const first = migrate(ref);
    const began = await migrationsBegan(ref, first);
    await first.waitFor((l) => l.startsWith("Applied"), 300_000, "the reference migration");
    const window = performance.now() - first.started - (began ?? 0);
    const done = await first.exited;
    expect(done.code, first.stderr).toBe(0);
    const reference = await ref.inspect(schemaDump);
    expect(reference.some((l) => l.startsWith('column Commitment |'))).toBe(true);
    await ref.cleanup();

    const random = rng(SEED + 2);
    const perTrial: { trial: number; killAfterMs: number; moment: string; rolledBack: string[]; rerunMs: number }[] = [];
    for (let t = 1; t <= TRIALS; t++) {
      const target = await emptyDatabase(`t${t}`);
      const run = migrate(target);
      const killAfterMs = random.int(0, Math.round(window));
      const startedAt = await migrationsBegan(target, run);
      let finishedFirst = startedAt === null;
      if (!finishedFirst) {
        await sleep(killAfterMs);
        finishedFirst = run.proc.exitCode !== null;
      }
      await run.kill();
      if (finishedFirst) expect(run.proc.exitCode, run.stderr).toBe(0);

      const rerun = migrate(target);
      const { code } = await rerun.exited;
      const rerunMs = performance.now() - rerun.started;
      expect(code, `trial ${t}: the rerun failed: ${rerun.stderr}`).toBe(0);
      const applied = Number(/Applied (\d+) migration/.exec(rerun.lines.join("\n"))?.[1] ?? 0);

      const { schema, rows } = await target.inspect(async (c) => ({ schema: await schemaDump(c), rows: await migrationRows(c) }));
      expect(schema, `trial ${t}: schema after kill + rerun`).toEqual(reference);
      // Every migration finished exactly once; an interrupted attempt stays only as rolled back.
      for (const name of MIGRATIONS) {
        expect(rows.filter((r) => r.migration_name === name && r.finished && !r.rolled_back), `trial ${t}: ${name}`).toHaveLength(1);
      }
      expect(rows.filter((r) => !r.finished && !r.rolled_back)).toEqual([]);
      const rolledBack = rows.filter((r) => r.rolled_back).map((r) => r.migration_name);
      // Where the kill landed, as the database saw it (a PostgreSQL server finishes a script
      // whose client died mid-way, so "inside" shows up mostly on the embedded path).
      const moment = finishedFirst
        ? "after the command finished"
        : rolledBack.length
          ? `inside ${rolledBack.join(", ")} (rolled back)`
          : `${MIGRATIONS.length - applied} of ${MIGRATIONS.length} migrations committed`;
      perTrial.push({ trial: t, killAfterMs, moment, rolledBack, rerunMs: Math.round(rerunMs) });
      await target.cleanup();
    }

    const reruns = perTrial.map((p) => p.rerunMs);
    const moments = new Map<string, number>();
    for (const p of perTrial) moments.set(p.moment, (moments.get(p.moment) ?? 0) + 1);
    recordResult(path.join(runDir, "results"), {
      scenario: "3-migration-killed",
      db: kind,
      trials: TRIALS,
      seed: SEED,
      lost: 0,
      halfWritten: 0,
      recoveryWhat: "rerun of db:migrate, start → exit",
      recoveryMsP50: percentile(reruns, 50),
      recoveryMsMax: percentile(reruns, 100),
      notes: [
        `killed 0–${Math.round(window)} ms after _prisma_migrations appeared (seeded; the reference run took that long from there to its last migration); schema identical to the uninterrupted reference every time`,
        `moments hit: ${[...moments].map(([m, n]) => `${m} ×${n}`).join("; ")}`,
      ],
      perTrial,
    });
  });
});
