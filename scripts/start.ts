// npm start: the whole product on one machine with no setup. Without DATABASE_URL it runs
// the embedded PGlite database in DATA_DIR; then it applies pending migrations, seeds an
// empty database, builds if needed and runs `next start`. Ctrl-C stops everything cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { isEmpty, seedDatabase } from "../lib/db/seed";
import { parseEnv } from "../lib/env";
import { SeedValidationError, parseSeed } from "../lib/schemas/seed";
import { ensureAuthSecret } from "./lib/auth-secret";
import { StartupError, openDatabase, type Database } from "./lib/database";
import { scriptClient } from "./lib/prisma";
import { applyMigrations } from "./lib/schema-engine";
import { readSeedFiles } from "./lib/seed-files";

const dev = process.argv.includes("--dev");
const rebuild = process.argv.includes("--rebuild");
const log = (msg: string) => console.log(`[tracker] ${msg}`);
const nextBin = path.join(process.cwd(), "node_modules/next/dist/bin/next");

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { env, stdio: "inherit" });
}

let db: Database | null = null;
let child: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // Never hang on the way out: after 20 s the process ends whatever is still closing.
  setTimeout(() => process.exit(code || 1), 20_000).unref();
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => {
      const t = setTimeout(() => {
        child?.kill("SIGKILL");
        r(null);
      }, 10_000);
      child!.once("exit", () => {
        clearTimeout(t);
        r(null);
      });
    });
  }
  await db?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  const t0 = Date.now();
  let env;
  try {
    env = parseEnv({ ...process.env, NODE_ENV: dev ? "development" : "production" });
  } catch (e) {
    throw new StartupError((e as Error).message);
  }
  if (!(await portFree(env.PORT))) {
    throw new StartupError(`Port ${env.PORT} is already in use. Stop the other server, or choose another port with PORT=3001 npm start.`);
  }
  const seed = parseSeed(readSeedFiles());

  db = await openDatabase();
  log(`Database: ${db.describe}`);
  const applied = await applyMigrations(db.url);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);

  const prisma = scriptClient(db.url);
  try {
    if (await isEmpty(prisma)) {
      const counts = await seedDatabase(prisma, seed);
      log(`Seeded the empty database: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    }
  } finally {
    await prisma.$disconnect();
  }

  const authSecret = ensureAuthSecret(env.DATA_DIR, env.AUTH_SECRET);
  if (authSecret.created) log(`Created a session secret in ${path.join(env.DATA_DIR, "auth-secret")} (set AUTH_SECRET to choose one).`);
  const childEnv = { ...process.env, DATABASE_URL: db.url, PORT: String(env.PORT), AUTH_SECRET: authSecret.secret, NEXT_TELEMETRY_DISABLED: "1" };
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  // The data may have changed while the app was down (seed, reset, another database): start
  // with an empty data cache rather than serve reads cached from before.
  rmSync(path.join(distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  if (!dev && (rebuild || !existsSync(path.join(distDir, "BUILD_ID")))) {
    log("Building the app (first start only; `npm start -- --rebuild` forces it)…");
    const build = run(["build"], { ...childEnv, NODE_ENV: "production" });
    child = build;
    const code: number = await new Promise((r) => build.once("exit", (c) => r(c ?? 1)));
    child = null;
    if (code !== 0) throw new StartupError(`next build failed (exit ${code}); see the output above.`);
  }
  if (stopping) return;
  child = run([dev ? "dev" : "start", "-p", String(env.PORT)], { ...childEnv, NODE_ENV: dev ? "development" : "production" });
  log(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s of setup: http://localhost:${env.PORT}`);
  child.once("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (e) => {
  if (e instanceof StartupError || e instanceof SeedValidationError) console.error(`Error: ${e.message}`);
  else console.error(e);
  await shutdown(1);
});
