// npm run bench:load [-- --rate 200 --duration 60 --editors 5 --via app|cache --no-build]
// The load test of issue 7: an open-loop rate of mixed public reads (autocannon) for a fixed time
// while editors save drafts through the admin's server action and a reviewer publishes a change;
// reports latency percentiles, errors and saves, checks every acknowledged save is in the database
// and the publish reached readers within 5 s, and writes
// bench/results/load-<date>-<pglite|postgresql>[-cache].json. Exit code 1 on any error or lost save.
// Runs on its own fresh database, straight at `next start` or through nginx's cache
// (docs/decisions/017-load-test.md).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cacheTable, countCacheStatuses, startCacheProxy, type CacheProxy, type CacheRow } from "./load-cache";
import { createEditors, createPublishers, findActionId, openForms, publishAndWatch, runEditors, signIn, verifySaves, type EditorStats, type PublishCheck, type Verification } from "./load-editors";
import { MIX, splitRate, summarize, type Group, type Route, type Summary } from "./load-mix";
import { cpuMs, freePort, startTarget, type LoadTarget } from "./load-server";

const USAGE = `Usage: npm run bench:load [-- --rate 200 --duration 60 --editors 5 --via app|cache --no-build]

  --rate N       public reads a second, all routes together (default 200)
  --duration S   seconds of load (default 60)
  --editors N    editors saving drafts meanwhile (default 5)
  --via WHERE    app: reads and editors straight at \`next start\` (default);
                 cache: through nginx with the page cache of docs/deploy/nginx-cache.conf (the CDN
                 stand-in; needs Debian's nginx, or NGINX_PATH), with its cache statuses counted
  --no-build     reuse the build in NEXT_DIST_DIR (default .next-load) when it has a BUILD_ID

Without DATABASE_URL it runs on a fresh embedded database in a temporary folder; with
DATABASE_URL it creates a database sgt_load_<pid> on that server and drops it afterwards.`;

/** Each connection sends at most this many requests a second (see decision 017). */
const PER_CONNECTION = 4;
/** A read slower than this counts as a timeout (autocannon's `timeout`, seconds). */
const TIMEOUT_S = 10;
/** The budget of DESIGN.md: a publish is visible on the site within 5 s. */
const PUBLISH_VISIBLE_MS = 5000;
/** The headers of every read, as a browser sends them (the cache keeps a copy per Accept-Encoding). */
const READ_HEADERS = { "accept-encoding": "gzip", accept: "text/html,application/json;q=0.9,*/*;q=0.8", "user-agent": "sgt-bench-load" };

type AutocannonClient = { on(event: "request", fn: () => void): void };
type AutocannonInstance = {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: "reqError", fn: (e: Error) => void): void;
  stop(): void;
};
type Autocannon = (opts: Record<string, unknown>, done: (err: Error | null, result: unknown) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

function die(message: string): never {
  console.error(`Error: ${message}`);
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        rate: { type: "string", default: "200" },
        duration: { type: "string", default: "60" },
        editors: { type: "string", default: "5" },
        via: { type: "string", default: "app" },
        "no-build": { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    die(`${(e as Error).message}. Run with --help for usage.`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) die(`--${name} must be a whole number from ${min} to ${max} (got "${v}").`);
    return n;
  };
  if (values.via !== "app" && values.via !== "cache") die(`--via must be "app" or "cache" (got "${values.via}").`);
  return {
    via: values.via as "app" | "cache",
    rate: whole("rate", values.rate!, 1, 100_000),
    duration: whole("duration", values.duration!, 1, 3600),
    editors: whole("editors", values.editors!, 1, 20),
    noBuild: values["no-build"]!,
  };
}

type RouteResult = { route: Route; rate: number; connections: number; sent: number; latencies: number[]; statuses: Record<string, number>; timeouts: number; socketErrors: number; errorSamples: string[] };

function readLoad(baseUrl: string, routes: Route[], rates: number[], duration: number): Promise<RouteResult[]> {
  const active = routes.map((route, i) => ({ route, rate: rates[i] })).filter((r) => r.rate > 0);
  return Promise.all(
    active.map(
      ({ route, rate }, k) =>
        new Promise<RouteResult>((resolve, reject) => {
          const connections = Math.max(1, Math.ceil(rate / PER_CONNECTION));
          const out: RouteResult = { route, rate, connections, sent: 0, latencies: [], statuses: {}, timeouts: 0, socketErrors: 0, errorSamples: [] };
          // Routes start spread over the first second so their per-second quotas do not all
          // fall on the same instant.
          setTimeout(() => {
            const inst = autocannon(
              {
                url: baseUrl,
                connections,
                overallRate: rate,
                duration,
                timeout: TIMEOUT_S,
                // The built-in histogram's correction assumes a rate per millisecond; keep raw times.
                ignoreCoordinatedOmission: true,
                headers: READ_HEADERS,
                requests: route.paths.map((p) => ({ method: "GET", path: p })),
                setupClient: (client: AutocannonClient) => client.on("request", () => out.sent++),
              },
              (err) => (err ? reject(err) : resolve(out)),
            );
            inst.on("response", (_c, status, _b, ms) => {
              out.statuses[status] = (out.statuses[status] ?? 0) + 1;
              if ((status >= 200 && status < 300) || status === 304) out.latencies.push(ms);
            });
            inst.on("reqError", (e) => {
              if (/timed out/.test(e.message)) out.timeouts++;
              else out.socketErrors++;
              if (out.errorSamples.length < 5) out.errorSamples.push(e.message);
            });
          }, (k * 1000) / active.length);
        }),
    ),
  );
}

async function warmUp(baseUrl: string, routes: Route[]) {
  for (const r of routes) {
    for (const p of r.paths) {
      const res = await fetch(baseUrl + p, { headers: READ_HEADERS });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status} before the load started; the mix must only name working URLs.`);
    }
  }
}

type Cost = { route: Route; requests: number; wallMs: number; cpuMs: number | null };

/**
 * What one request of each route costs the app when it is alone: sequential requests, wall time
 * and the `next-server` process's CPU time per request. The mix's weighted CPU time bounds what
 * one instance can serve (its JavaScript runs on one core).
 */
async function serviceCost(baseUrl: string, routes: Route[], pid: number | null, perRoute = 8): Promise<Cost[]> {
  const out: Cost[] = [];
  for (const route of routes) {
    const c0 = cpuMs(pid);
    const t0 = performance.now();
    for (let i = 0; i < perRoute; i++) {
      const res = await fetch(baseUrl + route.paths[i % route.paths.length], { headers: { "accept-encoding": "gzip" } });
      await res.arrayBuffer();
    }
    const c1 = cpuMs(pid);
    out.push({ route, requests: perRoute, wallMs: (performance.now() - t0) / perRoute, cpuMs: c0 === null || c1 === null ? null : (c1 - c0) / perRoute });
  }
  return out;
}

function costTable(costs: Cost[]): { table: string; weightedCpu: number | null } {
  const head = "| Route (one request at a time) | weight | wall ms | app CPU ms |";
  const lines = costs.map((c) => `| ${c.route.name} | ${c.route.weight} % | ${ms(c.wallMs)} | ${c.cpuMs === null ? "n/a" : ms(c.cpuMs)} |`);
  const known = costs.every((c) => c.cpuMs !== null);
  const sum = costs.reduce((n, c) => n + c.route.weight, 0);
  const weightedCpu = known ? costs.reduce((n, c) => n + (c.cpuMs! * c.route.weight) / sum, 0) : null;
  const wall = costs.reduce((n, c) => n + (c.wallMs * c.route.weight) / sum, 0);
  lines.push(`| **the mix, weighted** | 100 % | ${ms(wall)} | ${weightedCpu === null ? "n/a" : ms(weightedCpu)} |`);
  return { table: [head, head.replace(/[^|]+/g, "---"), ...lines].join("\n"), weightedCpu };
}

const bad = (statuses: Record<string, number>) => Object.entries(statuses).reduce((n, [s, c]) => ((+s >= 200 && +s < 300) || +s === 304 ? n : n + c), 0);
const completed = (statuses: Record<string, number>) => Object.values(statuses).reduce((n, c) => n + c, 0);

type Row = { label: string; weight: number; target: number; sent: number; completed: number; achieved: number; latency: Summary; non2xx: number; timeouts: number; socketErrors: number };

function rowOf(label: string, parts: RouteResult[], duration: number): Row {
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [s, c] of Object.entries(p.statuses)) statuses[s] = (statuses[s] ?? 0) + c;
  return {
    label,
    weight: parts.reduce((n, p) => n + p.route.weight, 0),
    target: parts.reduce((n, p) => n + p.rate, 0),
    sent: parts.reduce((n, p) => n + p.sent, 0),
    completed: completed(statuses),
    achieved: completed(statuses) / duration,
    latency: summarize(parts.flatMap((p) => p.latencies)),
    non2xx: bad(statuses),
    timeouts: parts.reduce((n, p) => n + p.timeouts, 0),
    socketErrors: parts.reduce((n, p) => n + p.socketErrors, 0),
  };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

function readTable(rows: Row[]): string {
  const head = "| Reads | weight | target req/s | sent | completed | achieved req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx/304 | timeouts | socket errors |";
  const lines = rows.map(
    (r) =>
      `| ${r.label} | ${r.weight} % | ${r.target} | ${r.sent} | ${r.completed} | ${r.achieved.toFixed(1)} | ${ms(r.latency.p50)} | ${ms(r.latency.p95)} | ${ms(r.latency.p99)} | ${ms(r.latency.max)} | ${r.non2xx} | ${r.timeouts} | ${r.socketErrors} |`,
  );
  return [head, head.replace(/[^|]+/g, "---"), ...lines].join("\n");
}

function editorTable(s: EditorStats, v: Verification): string {
  const head = "| Editor saves | attempted | acknowledged | refused (conflict) | failed | p50 ms | p95 ms | in database | lost | page reloads (p95 ms) |";
  const row = `| ${s.saves.attempted > 0 ? "saveDraftAction" : "-"} | ${s.saves.attempted} | ${s.saves.acknowledged} | ${s.saves.refused} | ${s.saves.failed} | ${ms(s.latency.p50)} | ${ms(s.latency.p95)} | ${v.found}/${v.acknowledged} | ${v.lost.length + v.refusedButWritten.length} | ${s.pageLoads.count - s.pageLoads.failed}/${s.pageLoads.count} (${ms(s.pageLoads.latency.p95)}) |`;
  return [head, head.replace(/[^|]+/g, "---"), row].join("\n");
}

function publishLine(p: PublishCheck): string {
  if (p.error) return `Publish under load: FAILED before any read (${p.error}).`;
  const seen = p.visibleAfterMs === null ? "NOT seen" : `seen after ${(p.visibleAfterMs / 1000).toFixed(1)} s`;
  const quiet = p.quiet ? ` A copy read once before, ${p.quiet.path}, ${p.quiet.seen ? "showed it" : "did NOT show it"} ${(p.quiet.afterMs / 1000).toFixed(1)} s after the publish${p.quiet.cacheStatus ? ` (cache: ${p.quiet.cacheStatus})` : ""}.` : "";
  return `Publish under load: a new title for ${p.slug}, published by the reviewer (the action took ${ms(p.publishMs)} ms), was ${seen} on ${p.path} (${p.reads} reads; budget ${PUBLISH_VISIBLE_MS / 1000} s).${quiet}`;
}

async function main() {
  const opts = options();
  const distDir = process.env.NEXT_DIST_DIR || ".next-load";
  const build = !(opts.noBuild && existsSync(path.join(distDir, "BUILD_ID")));
  const log = (s: string) => console.log(`[load] ${s}`);
  const t0 = Date.now();

  let target: LoadTarget | null = null;
  let proxy: CacheProxy | null = null;
  const cleanUp = async () => {
    const t = target;
    const p = proxy;
    target = null;
    proxy = null;
    await p?.stop();
    if (p && !process.env.LOAD_KEEP_TMP) rmSync(p.prefix, { recursive: true, force: true });
    await t?.stop();
  };
  process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  process.on("SIGTERM", () => void cleanUp().then(() => process.exit(143)));

  try {
    target = await startTarget({ distDir, build, serverUrl: process.env.DATABASE_URL || undefined, log });
    log(`App at ${target.baseUrl} (ready after ${((Date.now() - t0) / 1000).toFixed(0)} s; log ${target.logFile})`);
    if (opts.via === "cache") {
      proxy = await startCacheProxy({ prefix: mkdtempSync(path.join(os.tmpdir(), "sgt-load-cache-")), port: await freePort(), upstream: `127.0.0.1:${target.port}`, log });
    }
    // Readers and editors use this origin; the service cost is measured at the app itself.
    const site = proxy?.baseUrl ?? target.baseUrl;

    const actions = {
      save: findActionId(distDir, "saveDraftAction", "app/admin/(panel)/[entity]/actions.ts"),
      submit: findActionId(distDir, "submitDraftAction", "app/admin/(panel)/[entity]/actions.ts"),
      publish: findActionId(distDir, "publishAction", "app/admin/(panel)/[entity]/actions.ts"),
    };
    const made = await createEditors(target.databaseUrl, opts.editors);
    const [author, reviewer] = await createPublishers(target.databaseUrl);
    // Sign-in goes to the app with each person's own X-Forwarded-For: through nginx they would all
    // share 127.0.0.1 and its limit of 5 sign-ins a minute (behind a real CDN each has their own).
    const editors = await Promise.all(made.map((e) => signIn(target!.baseUrl, e)));
    const publishers = await Promise.all([author, reviewer].map((e) => signIn(target!.baseUrl, e)));
    const slugs = ["gb-military-hubs", "fr-military-hubs", "pl-logistics-hub", "tr-maritime-black-sea", "be-training", "ca-training", "lt-troops", "ee-troops", "lv-troops", "nl-troops"];
    // us-backstop is not edited by the editors and its page is in the mix: readers hold it in the cache.
    const forms = await openForms(target.databaseUrl, [...slugs.slice(0, opts.editors), "coalition-ceasefire-monitoring", "us-backstop"]);
    const publishForm = forms.pop()!;
    log(`${editors.length} editors and a reviewer signed in over HTTP; saveDraftAction is ${actions.save.slice(0, 12)}…; ${opts.via === "cache" ? "reads and saves go through nginx" : "reads and saves go straight to the app"}`);

    const t1 = Date.now();
    await warmUp(site, MIX);
    log(`Warm-up: every URL of the mix answered 200 once${proxy ? " through nginx" : ""} (${((Date.now() - t1) / 1000).toFixed(1)} s).`);

    const costs = await serviceCost(target.baseUrl, MIX, target.serverPid());
    const cost = costTable(costs);
    const ceiling = cost.weightedCpu ? 1000 / cost.weightedCpu : null;
    console.log(`\nService cost before the load (8 sequential requests per route, straight at the app):\n\n${cost.table}\n`);
    if (ceiling) log(`One app instance spends ${ms(cost.weightedCpu!)} ms of CPU per request of this mix: at most about ${ceiling.toFixed(0)} uncached reads/s on its one JavaScript thread.`);

    const rates = splitRate(opts.rate, MIX);
    log(`Load: ${opts.rate} reads/s for ${opts.duration} s over ${MIX.length} routes${proxy ? " through nginx's cache" : ""}, while ${opts.editors} editors save drafts and, half-way, a reviewer publishes…`);
    let loading = true;
    const logMark = proxy?.mark() ?? 0;
    const pid = target.serverPid();
    const dbPid = target.databasePid();
    const cpu0 = cpuMs(pid);
    const dbCpu0 = cpuMs(dbPid);
    const loadStart = performance.now();
    const editorRun = runEditors({
      baseUrl: site,
      actionId: actions.save,
      editors,
      own: forms.slice(0, opts.editors),
      shared: forms[opts.editors],
      thinkMs: [500, 1500],
      sharedShare: 0.2,
      running: () => loading,
    });
    const publishRun = new Promise<PublishCheck>((resolve) =>
      setTimeout(() => resolve(publishAndWatch({ baseUrl: site, actions, author: publishers[0], reviewer: publishers[1], form: publishForm, readHeaders: READ_HEADERS, giveUpMs: 30_000, budgetMs: PUBLISH_VISIBLE_MS })), (opts.duration * 1000) / 2),
    );
    const reads = await readLoad(site, MIX, rates, opts.duration).finally(() => (loading = false));
    const cpu1 = cpuMs(pid);
    const dbCpu1 = cpuMs(dbPid);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const saves = await editorRun;
    const published = await publishRun;
    const cacheRows: CacheRow[] | null = proxy ? countCacheStatuses(proxy.logSince(logMark), MIX) : null;
    const verification = await verifySaves(target.databaseUrl, saves);
    const appCpu = cpu0 === null || cpu1 === null ? null : { seconds: (cpu1 - cpu0) / 1000, ofWall: (cpu1 - cpu0) / 1000 / loadSeconds };
    const dbCpu = dbCpu0 === null || dbCpu1 === null ? null : { seconds: (dbCpu1 - dbCpu0) / 1000, ofWall: (dbCpu1 - dbCpu0) / 1000 / loadSeconds };

    const groups: Group[] = ["pages", "embeds", "api", "bulk"];
    const rows = [rowOf("all reads", reads, opts.duration), ...groups.map((g) => rowOf(g, reads.filter((r) => r.route.group === g), opts.duration))];
    const routeRows = reads.map((r) => rowOf(r.route.name, [r], opts.duration));
    const all = rows[0];
    const errors = all.non2xx + all.timeouts + all.socketErrors;
    const problems: string[] = [];
    if (errors > 0) problems.push(`${errors} read error(s): ${all.non2xx} non-2xx/304, ${all.timeouts} timeouts, ${all.socketErrors} socket errors`);
    if (all.achieved < 0.95 * opts.rate) problems.push(`achieved ${all.achieved.toFixed(1)} reads/s, below 95 % of the ${opts.rate} asked for: the app did not keep up`);
    if (saves.saves.failed > 0) problems.push(`${saves.saves.failed} save(s) failed`);
    if (saves.pageLoads.failed > 0) problems.push(`${saves.pageLoads.failed} editor page reload(s) failed`);
    if (saves.saves.acknowledged === 0) problems.push("no save was acknowledged");
    if (verification.lost.length) problems.push(`${verification.lost.length} acknowledged save(s) not in the database`);
    if (verification.refusedButWritten.length) problems.push(`${verification.refusedButWritten.length} refused save(s) written anyway`);
    if (verification.failedButWritten.length) problems.push(`${verification.failedButWritten.length} save(s) reported as failed but written`);
    if (published.error) problems.push(`the publish under load failed: ${published.error}`);
    else if (published.visibleAfterMs === null || published.visibleAfterMs > PUBLISH_VISIBLE_MS)
      problems.push(`the publish under load was ${published.visibleAfterMs === null ? "not seen within 30 s" : `seen only after ${(published.visibleAfterMs / 1000).toFixed(1)} s`} on ${published.path} (budget ${PUBLISH_VISIBLE_MS / 1000} s)`);
    if (published.quiet && !published.quiet.seen) problems.push(`${published.quiet.path}, read once before the publish, still showed the old page ${(published.quiet.afterMs / 1000).toFixed(1)} s after it`);

    const where = proxy ? "through nginx's cache" : "straight at next start";
    const title = `Load test on ${target.kind === "pglite" ? "the embedded database (PGlite)" : "PostgreSQL"}, ${where}: ${opts.rate} reads/s for ${opts.duration} s, ${opts.editors} editors saving (${os.cpus().length} cores, Node ${process.versions.node}, load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" ")})`;
    console.log(`\n${title}\n\n${readTable(rows)}\n\nPer route:\n\n${readTable(routeRows)}\n\n${editorTable(saves, verification)}\n`);
    if (cacheRows) console.log(`Cache statuses in nginx's access log during the load (background refreshes are not logged; each STALE started one):\n\n${cacheTable(cacheRows)}\n`);
    if (appCpu) console.log(`App CPU during the load: ${appCpu.seconds.toFixed(1)} s in ${loadSeconds.toFixed(0)} s (${(100 * appCpu.ofWall).toFixed(0)} % of one core).`);
    // PGlite is one single-threaded database in one process: every query of every connection waits its turn there.
    if (dbCpu) console.log(`Embedded database (PGlite, in npm start's process) CPU during the load: ${dbCpu.seconds.toFixed(1)} s (${(100 * dbCpu.ofWall).toFixed(0)} % of one core).`);
    console.log(publishLine(published));
    for (const r of reads) {
      const odd = Object.entries(r.statuses).filter(([s]) => !((+s >= 200 && +s < 300) || +s === 304));
      if (odd.length || r.errorSamples.length) console.log(`  ${r.route.name}: ${odd.map(([s, c]) => `HTTP ${s} ×${c}`).join(", ")} ${r.errorSamples.join("; ")}`);
    }
    for (const f of saves.failures) console.log(`  save problem: ${f}`);
    for (const l of verification.lost.slice(0, 10)) console.log(`  lost: ${l}`);
    console.log(problems.length ? `FAIL: ${problems.join("; ")}.` : `PASS: 0 errors, every acknowledged save (${verification.found}) is in the database, the publish was seen within ${PUBLISH_VISIBLE_MS / 1000} s.`);

    const date = new Date().toISOString().slice(0, 10);
    const file = path.join("bench/results", `load-${date}-${target.kind}${proxy ? "-cache" : ""}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    const result = {
      kind: "load",
      date: new Date().toISOString(),
      database: target.kind,
      via: opts.via,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.versions.node, loadAverageAtEnd: os.loadavg() },
      options: { ...opts, distDir, perConnectionRate: PER_CONNECTION, timeoutSeconds: TIMEOUT_S, thinkMs: [500, 1500], sharedRecordShare: 0.2 },
      mix: MIX.map((r, i) => ({ ...r, rate: rates[i] })),
      serviceCost: { perRoute: costs.map((c) => ({ route: c.route.name, weight: c.route.weight, requests: c.requests, wallMs: c.wallMs, appCpuMs: c.cpuMs })), weightedAppCpuMs: cost.weightedCpu, ceilingReadsPerSecond: ceiling },
      reads: { overall: rows[0], groups: rows.slice(1), routes: routeRows.map((r, i) => ({ ...r, statuses: reads[i].statuses, errorSamples: reads[i].errorSamples })) },
      cache: cacheRows,
      appCpuDuringLoad: appCpu,
      embeddedDatabaseCpuDuringLoad: dbCpu,
      editors: { saves: saves.saves, latency: saves.latency, pageReloads: saves.pageLoads, failures: saves.failures },
      verification: { acknowledged: verification.acknowledged, found: verification.found, records: verification.records, lost: verification.lost, refusedButWritten: verification.refusedButWritten, failedButWritten: verification.failedButWritten },
      publish: published,
      pass: problems.length === 0,
      problems,
      wallSeconds: (Date.now() - t0) / 1000,
    };
    writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
    log(`Wrote ${file} (whole run ${((Date.now() - t0) / 1000).toFixed(0)} s).`);
    process.exitCode = problems.length ? 1 : 0;
    if (problems.length) {
      const keep = path.join(os.tmpdir(), `sgt-load-${date}-${target.kind}-${process.pid}.app.log`);
      log(`The app's output is kept in ${keep}.`);
      const t = target;
      target = null;
      await t.stop(keep);
    }
  } finally {
    await cleanUp();
  }
}

main()
  .then(() => process.exit())
  .catch((e) => {
    console.error(`Error: ${(e as Error).message}`);
    process.exit(2);
  });
