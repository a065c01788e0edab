// The pieces of a several-instance deployment on one machine, for `npm run test:multi`: a
// production build (reused when it matches the sources), `next start` instances, and nginx run
// from the documented template docs/deploy/nginx.conf.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const STAMP = "sgt-build-stamp";

/** A hash of everything a build depends on: tracked and new source files (not tests or docs), Next's version, the build-time environment. */
export function sourceStamp(buildEnv: Record<string, string | undefined>): string {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && !/^(tests|docs|\.ci|backups)\//.test(f) && !/\.md$|^(Dockerfile|\.dockerignore|\.env\.example)$/.test(f) && !/^(playwright|vitest)[^/]*\.config\.ts$/.test(f))
    .sort();
  const h = createHash("sha256");
  for (const f of files) {
    if (!existsSync(path.join(root, f))) continue; // deleted but still in the index
    h.update(f).update("\0").update(readFileSync(path.join(root, f))).update("\0");
  }
  h.update(readFileSync(path.join(root, "node_modules/next/package.json")));
  h.update(JSON.stringify(Object.entries(buildEnv).sort()));
  return h.digest("hex");
}

/** Builds into distDir unless it already holds a build of exactly these sources; returns whether it built. */
export async function ensureBuild(distDir: string, env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<boolean> {
  const stamp = sourceStamp({ PUBLIC_URL: env.PUBLIC_URL, NEXT_DIST_DIR: distDir });
  const stampFile = path.join(root, distDir, STAMP);
  if (existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    log(`Reusing the build in ${distDir} (it matches the sources).`);
    return false;
  }
  log(`Building into ${distDir}…`);
  // next build adds the build folder's types to tsconfig.json; keep the checkout unchanged.
  const tsconfig = readFileSync(path.join(root, "tsconfig.json"));
  const output: Buffer[] = [];
  const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, env: { ...env, NEXT_DIST_DIR: distDir }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d: Buffer) => output.push(d));
  child.stderr.on("data", (d: Buffer) => output.push(d));
  const code: number = await new Promise((r) => child.once("exit", (c) => r(c ?? 1)));
  writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${Buffer.concat(output).toString().slice(-4000)}`);
  writeFileSync(stampFile, stamp);
  return true;
}

/** Fails with one sentence when a port is taken (another run, another helper). */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
  if (!free) throw new Error(`Port ${port} (${what}) is in use: stop whatever holds it, or choose other ports with MULTI_PORT=<base>.`);
}

export type Running = { name: string; child: ChildProcess; logFile: string };

function startLogged(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Running {
  const out = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return { name, child, logFile };
}

/** Starts `next start` on 127.0.0.1:port with the given environment. */
export function startInstance(name: string, port: number, env: NodeJS.ProcessEnv, logDir: string): Running {
  return startLogged(name, process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], { ...env, NODE_ENV: "production" }, path.join(logDir, `${name}.log`));
}

/** docs/deploy/nginx.conf with its placeholders filled in. */
export function renderNginxConfig(prefix: string, listen: string, upstreams: string[]): string {
  const template = readFileSync(path.join(root, "docs/deploy/nginx.conf"), "utf8");
  const servers = upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=5s;`).join("\n    ");
  // Comment lines name the placeholders; only the directives are filled in.
  const fill = (line: string) =>
    line.trimStart().startsWith("#") ? line : line.replaceAll("{{PREFIX}}", prefix).replaceAll("{{LISTEN}}", listen).replaceAll("{{UPSTREAMS}}", servers);
  const text = template.split("\n").map(fill).join("\n");
  const left = /^[^#]*\{\{[A-Z_]+\}\}/m.exec(text);
  if (left) throw new Error(`docs/deploy/nginx.conf has a placeholder the test does not fill: ${left[0]}`);
  return text;
}

/** Runs Debian's nginx in the foreground with a generated config in `prefix` (checked with -t first). */
export function startNginx(nginxBin: string, prefix: string, listen: string, upstreams: string[]): Running {
  mkdirSync(prefix, { recursive: true });
  const conf = path.join(prefix, "nginx.conf");
  writeFileSync(conf, renderNginxConfig(prefix, listen, upstreams));
  try {
    execFileSync(nginxBin, ["-t", "-p", prefix, "-c", conf], { stdio: "pipe" });
  } catch (e) {
    throw new Error(`nginx rejected the generated config ${conf}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
  return startLogged("nginx", nginxBin, ["-p", prefix, "-c", conf], process.env, path.join(prefix, "nginx.out"));
}

/** Waits until url answers 200, or fails with the tail of the process's log. */
export async function waitHealthy(url: string, running: Running, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) break;
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = existsSync(running.logFile) ? readFileSync(running.logFile, "utf8").slice(-3000) : "";
  throw new Error(`${running.name} did not become healthy at ${url}${running.child.exitCode !== null ? ` (exited ${running.child.exitCode})` : ""}:\n${tail}`);
}

/** Stops a process: SIGTERM, then SIGKILL after 10 s. */
export async function stop(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
