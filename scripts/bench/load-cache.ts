// `npm run bench:load -- --via cache`: Debian's nginx in front of the app as the CDN stand-in,
// run from the documented template docs/deploy/nginx-cache.conf in a temporary prefix, and the
// count of its cache statuses from the access log (decision 017).
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Group, Route } from "./load-mix";

export const CACHE_TEMPLATE = "docs/deploy/nginx-cache.conf";

/** The template with its placeholders filled in; comment lines (which name them) are left alone. */
export function renderCacheConfig(template: string, prefix: string, listen: string, upstreams: string[]): string {
  const servers = upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=5s;`).join("\n    ");
  const fill = (line: string) =>
    line.trimStart().startsWith("#") ? line : line.replaceAll("{{PREFIX}}", prefix).replaceAll("{{LISTEN}}", listen).replaceAll("{{UPSTREAMS}}", servers);
  const text = template.split("\n").map(fill).join("\n");
  const left = /^[^#\n]*\{\{[A-Z_]+\}\}/m.exec(text);
  if (left) throw new Error(`${CACHE_TEMPLATE} has a placeholder the load test does not fill: ${left[0].trim()}`);
  return text;
}

/** Cache statuses nginx logs ($upstream_cache_status); "-" is a request the cache never looked at (a POST). */
export const CACHE_STATUSES = ["HIT", "STALE", "UPDATING", "REVALIDATED", "MISS", "EXPIRED", "BYPASS", "-"] as const;
export type CacheStatus = (typeof CACHE_STATUSES)[number];
/** Statuses answered from the cache without waiting for the app. */
export const FROM_CACHE: readonly CacheStatus[] = ["HIT", "STALE", "UPDATING", "REVALIDATED"];

export type CacheCounts = Record<CacheStatus, number>;
export type CacheRow = { label: string; requests: number; counts: CacheCounts; fromCache: number };

const LINE = /^\S+ "(\S+) (\S+) [^"]*" (\d{3}) \d+ cache=(\S*) /;

/**
 * Counts the access log's cache statuses per group of the mix (a path belongs to the route that
 * lists it), the editors' requests (/admin) and anything else; lines not in the log's format are
 * refused rather than skipped.
 */
export function countCacheStatuses(log: string, routes: Route[]): CacheRow[] {
  const groupOf = new Map<string, Group>();
  for (const r of routes) for (const p of r.paths) groupOf.set(p, r.group);
  const labels = ["all reads", "pages", "embeds", "api", "bulk", "editors (/admin)", "other"];
  const rows = new Map(labels.map((l) => [l, { label: l, requests: 0, counts: Object.fromEntries(CACHE_STATUSES.map((s) => [s, 0])) as CacheCounts, fromCache: 0 }]));
  const add = (label: string, status: CacheStatus) => {
    const row = rows.get(label)!;
    row.requests++;
    row.counts[status]++;
    if (FROM_CACHE.includes(status)) row.fromCache++;
  };
  for (const line of log.split("\n")) {
    if (!line.trim()) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`Not a line of the tracker_cache log format: ${JSON.stringify(line.slice(0, 200))}`);
    const [, method, uri, , raw] = m;
    const status = (raw === "" ? "-" : raw) as CacheStatus;
    if (!CACHE_STATUSES.includes(status)) throw new Error(`Unknown cache status ${JSON.stringify(raw)} in: ${line.slice(0, 200)}`);
    const group = method === "GET" || method === "HEAD" ? groupOf.get(uri) : undefined;
    if (group) {
      add("all reads", status);
      add(group, status);
    } else if (uri.startsWith("/admin")) add("editors (/admin)", status);
    else add("other", status);
  }
  return [...rows.values()].filter((r) => r.requests > 0 || r.label === "all reads");
}

/** The table of cache statuses, with the share answered from the cache. */
export function cacheTable(rows: CacheRow[]): string {
  const head = `| Through the cache | requests | ${CACHE_STATUSES.join(" | ")} | from the cache |`;
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : "-");
  const lines = rows.map((r) => `| ${r.label} | ${r.requests} | ${CACHE_STATUSES.map((s) => r.counts[s]).join(" | ")} | ${pct(r.fromCache, r.requests)} |`);
  return [head, head.replace(/[^|]+/g, "---"), ...lines].join("\n");
}

export type CacheProxy = {
  baseUrl: string;
  prefix: string;
  /** The access log's size now: count from here with `countSince`. */
  mark: () => number;
  /** The log written since `mark()` (nginx writes each line as the request ends). */
  logSince: (offset: number) => string;
  stop: () => Promise<void>;
};

/** Starts nginx in the foreground with the template filled in, checked with -t first; waits until it proxies /api/v1/health. */
export async function startCacheProxy(opts: { prefix: string; port: number; upstream: string; log: (s: string) => void }): Promise<CacheProxy> {
  const nginx = process.env.NGINX_PATH || "/usr/sbin/nginx";
  if (!existsSync(nginx)) throw new Error(`--via cache needs nginx at ${nginx} (Debian package nginx), or NGINX_PATH=<path to nginx>.`);
  mkdirSync(opts.prefix, { recursive: true });
  // Started as root, nginx's workers run as an unprivileged user: they must reach the cache folder.
  chmodSync(opts.prefix, 0o755);
  const conf = path.join(opts.prefix, "nginx.conf");
  const listen = `127.0.0.1:${opts.port}`;
  writeFileSync(conf, renderCacheConfig(readFileSync(CACHE_TEMPLATE, "utf8"), opts.prefix, listen, [opts.upstream]));
  try {
    execFileSync(nginx, ["-t", "-p", opts.prefix, "-c", conf], { stdio: "pipe" });
  } catch (e) {
    throw new Error(`nginx rejected the generated config ${conf}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
  const out = createWriteStream(path.join(opts.prefix, "nginx.out"));
  const child = spawn(nginx, ["-p", opts.prefix, "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const baseUrl = `http://${listen}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(t);
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at start (exit ${child.exitCode}): ${readFileSync(path.join(opts.prefix, "error.log"), "utf8").slice(-2000)}`);
    const ok = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx at ${baseUrl} did not pass /api/v1/health through within 20 s; see ${opts.prefix}/error.log.`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const accessLog = path.join(opts.prefix, "access.log");
  const mark = () => (existsSync(accessLog) ? statSync(accessLog).size : 0);
  const logSince = (offset: number) => readFileSync(accessLog).subarray(offset).toString("utf8");
  opts.log(`nginx (${CACHE_TEMPLATE}) at ${baseUrl} in front of the app; cache and logs in ${opts.prefix}`);
  return { baseUrl, prefix: opts.prefix, mark, logSince, stop };
}
