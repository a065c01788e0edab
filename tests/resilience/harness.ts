// Child processes, seeded randomness, timing and result files for the crash tests.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = ["--conditions=react-server", "--import", "tsx"];

/** mulberry32: a small seeded generator, so a trial's kill moment is reproducible from its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** The run's seed: CRASH_SEED when set, else 1 (CI reruns the same schedule). */
export const SEED = Number(process.env.CRASH_SEED ?? 1);

/** A trial count from the environment, or the default that keeps the project within its time budget. */
export function trials(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${v}".`);
  return n;
}

/** Environment overrides for a child; undefined removes a variable. */
export type Env = Record<string, string | undefined>;

/** A child process whose stdout lines are collected and can be awaited. */
export class Child {
  readonly proc: ChildProcess;
  readonly lines: string[] = [];
  stderr = "";
  readonly started = performance.now();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when stdout has been read to its end (after the process is gone). */
  readonly drained: Promise<void>;
  private waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];

  constructor(args: string[], env: Env) {
    // A key set to undefined is removed from the child's environment (e.g. DATABASE_URL).
    const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined));
    this.proc = spawn(process.execPath, args, { cwd: ROOT, env: merged as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdin!.on("error", () => {}); // a killed child closes its stdin
    this.proc.stderr!.on("data", (d) => (this.stderr += d));
    const rl = createInterface({ input: this.proc.stdout! });
    rl.on("line", (l) => {
      this.lines.push(l);
      this.waiters = this.waiters.filter((w) => (w.test(l) ? (w.resolve(l), false) : true));
    });
    this.drained = new Promise((r) => rl.once("close", () => r()));
    this.exited = new Promise((r) => this.proc.once("exit", (code, signal) => r({ code, signal })));
  }

  /** The first stdout line (already seen or coming) that passes `test`; rejects if the child exits first or after `ms`. */
  waitFor(test: (l: string) => boolean, ms: number, what: string): Promise<string> {
    const seen = this.lines.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}. stderr: ${this.stderr.slice(-2000)}`)), ms);
      this.waiters.push({ test, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        setTimeout(() => reject(new Error(`The child exited (${code ?? signal}) before ${what}. stderr: ${this.stderr.slice(-2000)}`)), 50);
      });
    });
  }

  json<T = Record<string, unknown>>(): T[] {
    return this.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as T);
  }

  send(line: object) {
    this.proc.stdin!.write(JSON.stringify(line) + "\n");
  }

  /** SIGKILL, and wait until the process is gone and its output read. */
  async kill(): Promise<void> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill("SIGKILL");
    await this.exited;
    await this.drained;
  }
}

/** Runs a TypeScript file of the project in a new Node process, as `npm run` scripts do. */
export function tsxChild(file: string, args: string[] = [], env: Env = {}): Child {
  return new Child([...TSX, path.join(ROOT, file), ...args], env);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs `fn` with a connected pg client, closing it afterwards. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // the server may be killed under it
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A database of our own on the PostgreSQL server of DATABASE_URL: created now, dropped by `drop()`. */
export async function serverDatabase(server: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  await withClient(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}) };
}

/** p-th percentile (0–100) by nearest rank; null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export type ScenarioResult = {
  scenario: string;
  db: "pglite" | "postgresql";
  trials: number;
  seed: number;
  ackedTotal?: number;
  ackedMin?: number;
  ackedMax?: number;
  lost: number;
  halfWritten: number;
  committedUnacked?: number;
  /** What "recovery" measures in this scenario. */
  recoveryWhat: string;
  recoveryMsP50: number | null;
  recoveryMsMax: number | null;
  notes: string[];
  perTrial: object[];
};

/** Writes a scenario's result where the global teardown collects it for the summary table. */
export function recordResult(dir: string, r: ScenarioResult) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${r.scenario}.json`), JSON.stringify(r, null, 2));
}

/** Copies a data folder (never one a running database holds). */
export function copyDataDir(from: string, to: string) {
  if (!existsSync(from)) throw new Error(`No data folder at ${from}.`);
  cpSync(from, to, { recursive: true });
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}
