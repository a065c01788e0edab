// The app as users get it: one production build (`next build` into its own folder) served by
// `next start` against a given database. Each start begins with an empty data cache, since
// benchmark databases share one build folder.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

export type AppServer = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function waitExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

/** `next build` into `distDir`; returns the seconds it took. Output goes to `logFile`'s stream. */
export async function buildApp(distDir: string, log: NodeJS.WritableStream): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://unused@127.0.0.1:1/unused" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const code = await waitExit(child);
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see the build log.`);
  return (performance.now() - t0) / 1000;
}

export function hasBuild(distDir: string): boolean {
  return existsSync(path.join(ROOT, distDir, "BUILD_ID"));
}

/** Starts `next start` on a free port and waits until /api/v1/health answers 200. */
export async function startApp(o: { distDir: string; databaseUrl: string; env?: Record<string, string>; log: NodeJS.WritableStream }): Promise<AppServer> {
  rmSync(path.join(ROOT, o.distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_DIST_DIR: o.distDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: o.databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      PORT: String(port),
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(o.log, { end: false });
  child.stderr!.pipe(o.log, { end: false });
  const url = `http://127.0.0.1:${port}`;
  const exited = waitExit(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see the server log.`);
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error("next start did not answer /api/v1/health within 60 s.");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
