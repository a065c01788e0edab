// The embedded default database: PGlite (PostgreSQL in WebAssembly) persisted in a data
// folder and served on loopback by pglite-socket, so the app connects with the same
// driver adapter as to a PostgreSQL server (docs/decisions/001-postgresql-with-pglite-default.md).
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepExchangesTogether } from "./socket-queue";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}

export type EmbeddedDatabase = { url: string; port: number; dataDir: string | null; stop: () => Promise<void> };

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the data folder's lock file, refusing when a live process holds it. */
function lockDataDir(dataDir: string): () => void {
  const lock = path.join(dataDir, "tracker.lock");
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
      throw new StartupError(
        `The data folder ${dataDir} is already in use by another process (pid ${pid}), usually the running app: ` +
          `stop the app first (Ctrl-C where \`npm start\` runs), or set DATABASE_URL or DATA_DIR to use another database.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => {
    try {
      if (readFileSync(lock, "utf8").trim() === String(process.pid)) rmSync(lock);
    } catch {
      /* already gone */
    }
  };
}

/** mkdir -p without { recursive: true }, which loops forever on some paths (e.g. under /proc) on Node 20. */
function makeDirs(dir: string) {
  if (existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeDirs(parent);
  mkdirSync(dir);
}

/** Starts PGlite (persisted in `dataDir`, or in memory when null) behind a loopback socket. */
export async function startEmbeddedDatabase(opts: {
  dataDir: string | null;
  port?: number;
  host?: string;
}): Promise<EmbeddedDatabase> {
  const host = opts.host ?? "127.0.0.1";
  let unlock = () => {};
  let dataDir: string | null = null;
  if (opts.dataDir) {
    dataDir = path.resolve(opts.dataDir);
    try {
      makeDirs(dataDir);
      accessSync(dataDir, constants.W_OK);
    } catch {
      throw new StartupError(`The data folder ${dataDir} cannot be created or written. Set DATA_DIR to a writable folder.`);
    }
    unlock = lockDataDir(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? path.join(dataDir, "pgdata") : "memory://");
  } catch (e) {
    unlock();
    throw new StartupError(`The embedded database in ${dataDir} could not be opened: ${(e as Error).message}`);
  }
  const server = new PGLiteSocketServer({ db, host, port: opts.port ?? 0, maxConnections: 64 });
  keepExchangesTogether(server);
  try {
    await server.start();
  } catch (e) {
    await db.close();
    unlock();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new StartupError(`Port ${opts.port} for the embedded database is already in use. Set PGLITE_PORT to a free port, or 0 for any.`);
    }
    throw e;
  }
  const port = Number(server.getServerConn().split(":").pop());
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    port,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
