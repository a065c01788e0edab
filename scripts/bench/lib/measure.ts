// Measurements over HTTP: transfer sizes, client JavaScript, render latency, throughput.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export class TimeoutError extends Error {}

export type Fetched = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

/** One GET with node:http (fetch would decompress and hide the transfer size). */
export function get(url: string, headers: Record<string, string> = {}, timeoutMs = 120_000): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(timeoutMs, () => req.destroy(new TimeoutError(`GET ${url} took over ${timeoutMs / 1000} s`)));
  });
}

async function ok(url: string, headers: Record<string, string> = {}, timeoutMs?: number): Promise<Fetched> {
  const r = await get(url, headers, timeoutMs);
  if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}`);
  return r;
}

export type Size = { raw: number; gzip: number; jsGzip?: number; jsRaw?: number; scripts?: number; timedOut?: boolean };

/** Bytes of a page as served (raw, and gzip as the server compresses it) and its client JS. */
export async function pageSize(base: string, route: string, withScripts: boolean, timeoutMs = 60_000): Promise<Size> {
  let gz: Fetched;
  try {
    gz = await ok(base + route, { "Accept-Encoding": "gzip" }, timeoutMs);
  } catch (e) {
    if (e instanceof TimeoutError) return { raw: NaN, gzip: NaN, timedOut: true };
    throw e;
  }
  const raw = gz.headers["content-encoding"] === "gzip" ? gunzipSync(gz.body) : gz.body;
  const size: Size = { raw: raw.length, gzip: gz.headers["content-encoding"] === "gzip" ? gz.body.length : NaN };
  if (withScripts) {
    // Scripts a current browser downloads: `nomodule` ones (Next.js' legacy polyfills) are skipped by every browser that runs modules.
    const tags = [...raw.toString("utf8").matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((t) => !/\snomodule\b/i.test(t));
    const srcs = [...new Set(tags.flatMap((t) => /\ssrc="([^"]+)"/.exec(t)?.[1] ?? []).map((src) => src.replace(/&amp;/g, "&")))];
    let jsGzip = 0;
    let jsRaw = 0;
    for (const src of srcs) {
      const r = await ok(new URL(src, base).toString(), { "Accept-Encoding": "gzip" });
      const body = r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body;
      jsRaw += body.length;
      jsGzip += r.headers["content-encoding"] === "gzip" ? r.body.length : body.length;
    }
    Object.assign(size, { jsGzip, jsRaw, scripts: srcs.length });
  }
  return size;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}
export const median = (xs: number[]) => quantile(xs, 0.5);

export type Timing = { p50: number; p95: number; max: number; n: number; timedOut?: boolean };

/**
 * Sequential timed GETs (full response) after one warm-up: `n` of them, or fewer when they take
 * longer than `budgetMs` in all (at least 2, or 1 when the warm-up alone took half the budget); a
 * response slower than `timeoutMs` ends the series. `each` runs before every timed request (to
 * reset a counter) and `after` after it.
 */
export async function timeRequests(
  url: string,
  n: number,
  o: { budgetMs?: number; timeoutMs?: number; before?: () => void; after?: () => void } = {},
): Promise<Timing> {
  const budgetMs = o.budgetMs ?? 20_000;
  const timeoutMs = o.timeoutMs ?? 60_000;
  const ms: number[] = [];
  try {
    const warm = await ok(url, { "Accept-Encoding": "gzip" }, timeoutMs);
    const least = warm.ms > budgetMs / 2 ? 1 : 2;
    const t0 = performance.now();
    while (ms.length < n && (ms.length < least || performance.now() - t0 < budgetMs)) {
      o.before?.();
      ms.push((await ok(url, { "Accept-Encoding": "gzip" }, timeoutMs)).ms);
      o.after?.();
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    return { p50: timeoutMs, p95: timeoutMs, max: timeoutMs, n: ms.length, timedOut: true };
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms), n: ms.length };
}

export type Throughput = { requestsPerSec: number; p50: number; p99: number; errors: number; non2xx: number; bytesPerReq: number };

/** autocannon in its own process (so it does not share an event loop with anything measured). */
export async function throughput(url: string, o: { connections: number; seconds: number }): Promise<Throughput> {
  const bin = path.join(ROOT, "node_modules/autocannon/autocannon.js");
  const out: Buffer[] = [];
  const child = spawn(process.execPath, [bin, "-j", "-c", String(o.connections), "-d", String(o.seconds), url], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (c: Buffer) => out.push(c));
  const code: number = await new Promise((r) => child.once("exit", (c) => r(c ?? 1)));
  if (code !== 0) throw new Error(`autocannon exited ${code}`);
  const j = JSON.parse(Buffer.concat(out).toString("utf8"));
  return {
    requestsPerSec: j.requests.average,
    p50: j.latency.p50,
    p99: j.latency.p99,
    errors: j.errors + j.timeouts,
    non2xx: j.non2xx,
    bytesPerReq: j.throughput.total / Math.max(1, j.requests.total),
  };
}

/** A static file server (sirv, as one would put in front of prebuilt files) in its own process. */
export async function startStaticServer(dir: string): Promise<{ url: string; stop: () => void }> {
  const script = `
    import http from "node:http";
    import sirv from "sirv";
    const serve = sirv(${JSON.stringify(dir)}, { etag: true, dev: false });
    const server = http.createServer((req, res) => serve(req, res, () => { res.statusCode = 404; res.end(); }));
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const port: number = await new Promise((resolve, reject) => {
    child.stdout.once("data", (c: Buffer) => resolve(Number(c.toString().trim())));
    child.once("exit", (c) => reject(new Error(`static server exited ${c}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}
