// Prisma's schema engine, WebAssembly build, driven through the pg driver adapter.
// The native engine binary cannot be downloaded here; this is the same engine the CLI
// uses elsewhere, pinned to the CLI's version (docs/decisions/002-migrations-wasm-schema-engine.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startEmbeddedDatabase } from "./embedded-db";

const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

type MigrationList = {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: "ok"; value: string } | { tag: "error"; value: string } } }[];
};

type Engine = {
  applyMigrations(input: { migrationsList: MigrationList; filters: Filters }): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: { from: unknown; to: unknown; script: boolean; exitCode: boolean | null; filters: Filters }): Promise<{ exitCode: number; stdout: string | null }>;
  markMigrationRolledBack(input: { migrationName: string }): Promise<unknown>;
  free(): void;
};
type Filters = { externalTables: string[]; externalEnums: string[] };
const NO_FILTERS: Filters = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<{ SchemaEngine: { new: (o: unknown, log: (s: string) => void, adapter: object) => Promise<Engine> } }> | null = null;

/** Loads the wasm module once: its package hides schema_engine_bg.js behind `exports`, so load it by path. */
function loadWasm() {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    // The engine reports Rust panics through this global; keep the message for the error.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        console.error(`Prisma schema engine panic: ${message}`);
      },
    };
    const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
    const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return wasmReady;
}

// The engine's catalogue queries return columns of PostgreSQL's internal one-byte "char"
// type (OID 18), which adapter-pg refuses to map. In this tooling process only, such
// columns are passed through as text and then typed as Character for the engine.
const CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const charColumns = new WeakMap<object, number[]>();
let pgPatched = false;
async function patchCharColumns() {
  if (pgPatched) return;
  pgPatched = true;
  const pg = (await import("pg")).default;
  const proto = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const out = original.apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<{ fields?: { dataTypeID: number }[]; rows?: object }>).then((res) => {
        const idx: number[] = [];
        (res?.fields ?? []).forEach((f, i) => {
          if (f.dataTypeID === 18) {
            f.dataTypeID = 25;
            idx.push(i);
          }
        });
        if (idx.length && res.rows) charColumns.set(res.rows, idx);
        return res;
      });
    }
    return out;
  };
}

type RawResult = { columnTypes: number[]; rows: object };
type ScriptAdapter = {
  executeScript(script: string): Promise<void>;
  dispose(): Promise<void>;
  queryRaw(q: unknown): Promise<RawResult>;
};

// adapter-pg runs a script by splitting it on ";" and sending the pieces one by one: that
// breaks dollar-quoted function bodies and leaves a half-applied migration after a kill.
// Sent whole as one simple query, PostgreSQL runs the script as one implicit transaction.
//
// The engine records a migration as finished only after its script committed, in separate
// statements: a kill between the two left a migration applied but unfinished, and every rerun
// then failed on "type … already exists" (found by tests/resilience/migrate-kill.test.ts). So the
// script also marks its own row finished, in the same transaction; the engine's own updates
// follow as before. The row is the one the engine inserted just before: unfinished rows of
// earlier, interrupted attempts are marked rolled back before any script runs. The shadow
// database of `diff` has no _prisma_migrations table, hence the guard.
export const MARK_FINISHED = `
;DO $sgt_mark_finished$ BEGIN
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    UPDATE "_prisma_migrations" SET finished_at = now() WHERE finished_at IS NULL AND rolled_back_at IS NULL;
  END IF;
END $sgt_mark_finished$;`;

function wholeScripts<T extends ScriptAdapter>(adapter: T): T {
  const raw = adapter as unknown as { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await raw.client.query(script + MARK_FINISHED);
    } catch (e) {
      raw.onError(e);
    }
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (q: unknown) => {
    const r = await queryRaw(q);
    for (const i of charColumns.get(r.rows) ?? []) r.columnTypes[i] = CHARACTER;
    return r;
  };
  return adapter;
}

/** Adapter factory with whole-script execution, whose shadow database is a throw-away in-memory PGlite. */
function adapterFactory(connectionString: string) {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  const wrapped = Object.assign(Object.create(Object.getPrototypeOf(factory)), factory, {
    async connect() {
      return wholeScripts(await connect());
    },
    async connectToShadowDb() {
      const shadow = await startEmbeddedDatabase({ dataDir: null });
      const adapter = wholeScripts(await new PrismaPg({ connectionString: shadow.url }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.stop();
      };
      return adapter;
    },
  });
  return bindMigrationAwareSqlAdapterFactory(wrapped);
}

async function withEngine<T>(connectionString: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  await patchCharColumns();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (line: string) => logs.push(line),
    adapterFactory(connectionString),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Reads prisma/migrations into the engine's format. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

/**
 * Applies pending migrations. A migration interrupted by a kill left its row unfinished
 * while PostgreSQL rolled its script back (script and finish mark are one implicit
 * transaction), so it is marked rolled back and applied again: rerunning after a kill
 * completes the job.
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString });
  await client.connect();
  let unfinished: string[] = [];
  try {
    const exists = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS ok`);
    if (exists.rows[0].ok) {
      const res = await client.query(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL`,
      );
      unfinished = res.rows.map((r) => r.migration_name as string);
    }
  } finally {
    await client.end();
  }
  return withEngine(connectionString, async (engine) => {
    for (const name of unfinished) await engine.markMigrationRolledBack({ migrationName: name });
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes a database built from prisma/migrations to prisma/schema.prisma ("" when they agree). */
export async function diffMigrationsToSchema(): Promise<string> {
  const scratch = await startEmbeddedDatabase({ dataDir: null });
  try {
    return await withEngine(scratch.url, async (engine) => {
      const out = await engine.diff({
        from: { tag: "migrations", ...readMigrations() },
        to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return (out.stdout ?? "").trim();
    });
  } finally {
    await scratch.stop();
  }
}

const EMPTY_DIFF = /^-- This is an empty migration\.?$/;

/** True when the diff script has no statements. */
export function isEmptyDiff(sql: string): boolean {
  return sql === "" || EMPTY_DIFF.test(sql.trim());
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema diff. */
export async function createMigration(name: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Name the migration with lower-case letters, digits and underscores.");
  const sql = await diffMigrationsToSchema();
  if (isEmptyDiff(sql)) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : sql + "\n");
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) {
    writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dir;
}
