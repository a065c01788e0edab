// The load test's own database and app: a fresh embedded PGlite data folder in a temporary
// directory, or a fresh database on DATABASE_URL's server (dropped afterwards), served by the
// product's own `npm start` (scripts/start.ts: migrations, seed, build, `next start`).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { checkReachable } from "../lib/database";

export type LoadTarget = {
  kind: "pglite" | "postgresql";
  /** The `next-server` process, to read its CPU time (null where /proc is unavailable). */
  serverPid: () => number | null;
  /** The process that runs the embedded database (`npm start`'s own), or null with PostgreSQL. */
  databasePid: () => number | null;
  /** Where the app's database is, for the script's own reads (accounts, verification). */
  databaseUrl: string;
  baseUrl: string;
  port: number;
  logFile: string;
  /** Stops the app, drops or removes the database; `keepLog` copies the app's output there first. */
  stop: (keepLog?: string) => Promise<void>;
};

/** A free loopback port, picked by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A descendant of `root` whose command line matches (Linux /proc), or null. */
function findProcess(root: number, match: (cmdline: string) => boolean): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const parents = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone */
    }
  }
  const queue = [...(parents.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift()!;
    try {
      if (match(readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " "))) return pid;
    } catch {
      /* gone */
    }
    queue.push(...(parents.get(pid) ?? []));
  }
  return null;
}

/** CPU time (user + system) a process has used, in ms, or null. */
export function cpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

async function waitHealthy(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The app stopped during start-up (exit ${child.exitCode}). Its last output (${logFile}):\n${tail(logFile)}`);
    try {
      const r = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not answer /api/v1/health within ${timeoutMs / 1000} s. Its last output (${logFile}):\n${tail(logFile)}`);
}

/**
 * Creates the database and starts the app on it with `npm start`'s script; `build` forces a fresh
 * `next build` into `distDir` (otherwise start.ts builds only when there is no BUILD_ID).
 */
export async function startTarget(opts: { distDir: string; build: boolean; serverUrl: string | undefined; log: (s: string) => void }): Promise<LoadTarget> {
  const work = mkdtempSync(path.join(os.tmpdir(), "sgt-load-"));
  const logFile = path.join(work, "app.log");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: path.join(work, "data"),
    NEXT_DIST_DIR: opts.distDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.PUBLIC_URL;

  let kind: LoadTarget["kind"];
  let databaseUrl: string;
  let dropDatabase = async () => {};
  if (opts.serverUrl) {
    kind = "postgresql";
    await checkReachable(opts.serverUrl);
    const name = `sgt_load_${process.pid}`;
    await adminQuery(opts.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(opts.serverUrl, `CREATE DATABASE ${name}`);
    databaseUrl = withDatabase(opts.serverUrl, name);
    env.DATABASE_URL = databaseUrl;
    dropDatabase = () => adminQuery(opts.serverUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    opts.log(`Database: ${name} on ${new URL(opts.serverUrl).host} (created for this run, dropped afterwards)`);
  } else {
    kind = "pglite";
    const pglitePort = await freePort();
    env.PGLITE_PORT = String(pglitePort);
    delete env.DATABASE_URL;
    databaseUrl = `postgresql://postgres@127.0.0.1:${pglitePort}/postgres?sslmode=disable`;
    opts.log(`Database: embedded PGlite in ${env.DATA_DIR} (fresh, removed afterwards)`);
  }

  const tsx = path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs");
  const args = [tsx, "--conditions=react-server", "scripts/start.ts", ...(opts.build ? ["--rebuild"] : [])];
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);

  let stopped = false;
  const stop = async (keepLog?: string) => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill("SIGKILL");
          r(null);
        }, 30_000);
        child.once("exit", () => {
          clearTimeout(t);
          r(null);
        });
      });
    }
    await dropDatabase().catch((e) => console.error(`Could not drop the load test's database: ${(e as Error).message}`));
    if (keepLog) copyFileSync(logFile, keepLog);
    if (!process.env.LOAD_KEEP_TMP) rmSync(work, { recursive: true, force: true });
  };

  opts.log(opts.build || !existsSync(path.join(opts.distDir, "BUILD_ID")) ? `Building into ${opts.distDir} and starting the app…` : `Starting the app from ${opts.distDir}…`);
  try {
    await waitHealthy(baseUrl, child, logFile, 15 * 60_000);
  } catch (e) {
    const message = (e as Error).message;
    process.env.LOAD_KEEP_TMP = "1"; // keep the log the message points to
    await stop();
    throw new Error(message);
  }
  const serverPid = () => findProcess(child.pid!, (cmd) => cmd.startsWith("next-server"));
  // tsx's cli runs start.ts in a child node process: that one serves PGlite.
  const databasePid = () => (kind === "pglite" ? findProcess(child.pid!, (cmd) => cmd.includes("scripts/start.ts") && !cmd.includes("tsx/dist/cli.mjs")) : null);
  return { kind, databaseUrl, baseUrl, port, logFile, serverPid, databasePid, stop };
}
