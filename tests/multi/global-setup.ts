// `npm run test:multi`: two `next start` instances behind nginx, sharing one PostgreSQL database
// (created on DATABASE_URL's server for this run and dropped after it) and one Redis data cache
// (a key prefix of this run's own, deleted after it). Returns the teardown.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createClient } from "redis";
import { assertPortFree, ensureBuild, startInstance, startNginx, stop, waitHealthy, type Running } from "./cluster";

export const EDITOR = "multi-editor@example.org";
export const REVIEWER = "multi-reviewer@example.org";
export const PASSWORD = "correct horse battery staple";

const log = (s: string) => console.log(`[multi] ${s}`);

export default async function globalSetup() {
  const t0 = Date.now();
  const server = process.env.DATABASE_URL;
  if (!server) {
    throw new Error("npm run test:multi needs a PostgreSQL server: set DATABASE_URL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres (the test creates and drops its own database there).");
  }
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  const nginxBin = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
  if (!existsSync(nginxBin)) throw new Error(`nginx is not installed at ${nginxBin} (apt-get install nginx, or set NGINX_PATH).`);
  const base = Number(process.env.MULTI_PORT ?? 3480);
  const ports = { nginx: base, a: base + 1, b: base + 2 };
  await assertPortFree(ports.nginx, "nginx");
  await assertPortFree(ports.a, "instance A");
  await assertPortFree(ports.b, "instance B");

  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  redis.on("error", () => {});
  try {
    await redis.connect();
  } catch (e) {
    throw new Error(`npm run test:multi needs Redis at ${redisUrl} (set REDIS_URL): ${(e as Error).message}`);
  }

  const run = `${process.pid}_${Date.now()}`;
  const prefix = `sgt_multi_${run}:`;
  const work = path.join(process.env.MULTI_TMP ?? "/tmp/multi", run);
  mkdirSync(work, { recursive: true });
  const dbName = `sgt_multi_${run}`;
  const dbUrl = (() => {
    const u = new URL(server);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const publicUrl = `http://127.0.0.1:${ports.nginx}`;
  const distDir = process.env.NEXT_DIST_DIR || ".next-multi";
  const running: Running[] = [];

  const teardown = async () => {
    for (const r of running.reverse()) await stop(r);
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await redis.del(keys);
    redis.destroy();
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.end();
    if (!process.env.MULTI_KEEP_LOGS) rmSync(work, { recursive: true, force: true });
  };
  // A run stopped with Ctrl-C must not leave servers behind.
  process.once("exit", () => running.forEach((r) => r.child.kill("SIGKILL")));

  try {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();

    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, PUBLIC_URL: publicUrl };
    delete env.REDIS_URL; // the build does not depend on the cache; the instances get it below
    const [built] = await Promise.all([
      ensureBuild(distDir, { ...env, DATABASE_URL: dbUrl }, log),
      (async () => {
        const script = [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/multi/prepare-database.ts", EDITOR, REVIEWER];
        await promisify(execFile)(process.execPath, script, { env: { ...process.env, DATABASE_URL: dbUrl, SGT_USER_PASSWORD: PASSWORD } }).catch((e) => {
          throw new Error(`Preparing the database failed: ${e.stderr || e.message}`);
        });
        log(`Database ${dbName}: migrated, seeded, editor and reviewer created.`);
      })(),
    ]);
    const tBuilt = Date.now();

    const instanceEnv = {
      ...env,
      DATABASE_URL: dbUrl,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      DB_POOL_SIZE: "5",
    };
    const a = startInstance("instance-a", ports.a, instanceEnv, work);
    running.push(a);
    const b = startInstance("instance-b", ports.b, instanceEnv, work);
    running.push(b);
    const nginx = startNginx(nginxBin, path.join(work, "nginx"), `127.0.0.1:${ports.nginx}`, [`127.0.0.1:${ports.a}`, `127.0.0.1:${ports.b}`]);
    running.push(nginx);
    await Promise.all([
      waitHealthy(`http://127.0.0.1:${ports.a}/api/v1/health`, a),
      waitHealthy(`http://127.0.0.1:${ports.b}/api/v1/health`, b),
      waitHealthy(`${publicUrl}/api/v1/health`, nginx),
    ]);
    log(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${built ? "built" : "reused the build"}: ${((tBuilt - t0) / 1000).toFixed(1)} s; servers up in ${((Date.now() - tBuilt) / 1000).toFixed(1)} s).`);

    Object.assign(process.env, {
      MULTI_A: `http://127.0.0.1:${ports.a}`,
      MULTI_B: `http://127.0.0.1:${ports.b}`,
      MULTI_NGINX: publicUrl,
      MULTI_NGINX_LOG: path.join(work, "nginx", "access.log"),
      MULTI_DATABASE_URL: dbUrl,
      MULTI_REDIS_URL: redisUrl,
      MULTI_PREFIX: prefix,
    });
  } catch (e) {
    await teardown().catch(() => {});
    throw e;
  }
  return teardown;
}
