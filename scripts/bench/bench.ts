// npm run bench — measures the dashboard, embeds and data layer against DESIGN.md's budgets on a
// deterministic synthetic dataset ten times today's size, in databases of its own (never the
// default one). Prints one table and writes bench/results/<date>[-postgresql].json.
//
//   npm run bench                      embedded PGlite databases in a temporary folder
//   DATABASE_URL=postgresql://… npm run bench    new databases on that server, dropped afterwards
//   options: --no-build (reuse .next-bench), --quick (a tenth of the data, 1 Lighthouse run, short
//            throughput runs: checks the harness, numbers not comparable), --no-lighthouse
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDataset, migratedTemplate, type BenchDb } from "./lib/db";
import { CHART_IDS } from "../../lib/embed/model";
import { measureLegibility } from "./lib/legibility";
import { lighthouse, type LighthouseResult } from "./lib/lighthouse";
import { get, pageSize, startStaticServer, throughput, timeRequests, type Size, type Throughput } from "./lib/measure";
import { prismaVsSql, type PrismaVsSql } from "./lib/prisma-vs-sql";
import { startQueryCounter } from "./lib/query-counter";
import { buildApp, hasBuild, startApp } from "./lib/server";
import { renderReport, type BenchResult } from "./lib/report";
import { SYNTHETIC_SEED, TEN_TIMES, scaled, syntheticSeed } from "./lib/synthetic";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.NEXT_DIST_DIR || ".next-bench";

export const PAGES = ["/", "/commitments", "/timeline", "/map", "/polls", "/capacity", "/countries", "/countries/gb", "/sources", "/commitments/{commitment}"];
/** Every embed (the registry's chart ids; the country card shows the United Kingdom). */
export const EMBEDS = CHART_IDS.map((c) => (c === "country" ? "/embed/country/gb" : `/embed/${c}`));
const CACHED_EMBED = "/embed/commitments";
const LIGHTHOUSE_ROUTES = ["/", "/map", "/embed/commitments"];

const { values: opts } = parseArgs({
  options: { build: { type: "boolean", default: true }, "no-build": { type: "boolean" }, quick: { type: "boolean" }, "no-lighthouse": { type: "boolean" } },
});
const quick = Boolean(opts.quick);
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s`;
const step = (msg: string) => process.stderr.write(`[bench ${elapsed()}] ${msg}\n`);

async function main() {
  const serverUrl = process.env.DATABASE_URL || undefined;
  const work = mkdtempSync(path.join(os.tmpdir(), "sgt-bench-"));
  const logFile = path.join(work, "server.log");
  const log = createWriteStream(logFile);
  step(`work folder ${work} (server and build output in server.log)`);
  const opened: BenchDb[] = [];
  const template: { current: Awaited<ReturnType<typeof migratedTemplate>> | null } = { current: null };
  const open = async (name: string) => {
    template.current ??= await migratedTemplate({ serverUrl, dir: work });
    const db = await template.current.clone(name);
    opened.push(db);
    return db;
  };
  const stopAll: (() => Promise<void> | void)[] = [];
  // Ctrl-C stops the servers and databases this run started, and removes its folder.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      step(`${signal}: stopping…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  const result: Partial<BenchResult> = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    database: serverUrl ? "postgresql" : "embedded",
    quick,
  };
  try {
    // 1. Build once (the app does not read the database at build time).
    if (opts["no-build"] && hasBuild(DIST)) step(`reusing the build in ${DIST}`);
    else {
      step(`next build into ${DIST}…`);
      result.buildSeconds = await buildApp(DIST, log);
    }

    // 2. Datasets: today's real data, the synthetic ×10 data (50 countries), and two small synthetic
    //    datasets with 10 and 50 countries for the queries-per-page comparison.
    const big = quick ? scaled(TEN_TIMES, 0.1) : TEN_TIMES;
    const datasets = { today: "seed" as const, x10: syntheticSeed(big), c10: syntheticSeed(scaled(TEN_TIMES, 0.1, 10)), c50: syntheticSeed(scaled(TEN_TIMES, 0.1, 50)) };
    const dbs: Record<string, BenchDb> = {};
    result.datasets = {};
    for (const [name, raw] of Object.entries(datasets)) {
      step(`loading dataset "${name}"…`);
      const t = performance.now();
      dbs[name] = await open(name);
      const counts = await loadDataset(dbs[name], raw);
      result.datasets[name] = { counts, seconds: (performance.now() - t) / 1000 };
    }
    result.synthetic = { seed: SYNTHETIC_SEED, size: big };

    // 3. Today's data, cached as in production: sizes, cached embed throughput against a static
    //    file server with the same bytes, Lighthouse.
    step("today's data: sizes, cached embed throughput, Lighthouse…");
    let app = await startApp({ distDir: DIST, databaseUrl: dbs.today.url, log });
    stopAll.push(app.stop);
    const todaySlug = "gb-protected-facilities";
    const todaySizes = await sizes(app.url, todaySlug);
    result.throughput = await cachedEmbedThroughput(app.url, work, quick ? 3 : 10);
    result.lighthouse = {};
    if (!opts["no-lighthouse"]) {
      for (const route of LIGHTHOUSE_ROUTES) {
        step(`Lighthouse ${route} (${quick ? 1 : 3} runs)…`);
        result.lighthouse[route] = await lighthouse(app.url + route, quick ? 1 : 3);
      }
    }
    step("legibility in Chromium, today's data…");
    const legibilityToday = await measureLegibility(app.url);
    await app.stop();

    // 4. ×10 data, cached: sizes and legibility.
    step("×10 data: sizes and legibility…");
    const x10Slug = "synthetic-commitment-00001";
    app = await startApp({ distDir: DIST, databaseUrl: dbs.x10.url, log });
    stopAll.push(app.stop);
    result.sizes = { today: todaySizes, x10: await sizes(app.url, x10Slug) };
    result.legibility = { today: legibilityToday, x10: await measureLegibility(app.url) };
    await app.stop();

    // 5. ×10 data, uncached (every request reads the database): render times and queries per page.
    step("×10 data, uncached: render times and queries per page…");
    const counter = await startQueryCounter(dbs.x10.url);
    stopAll.push(counter.close);
    app = await startApp({ distDir: DIST, databaseUrl: counter.url, env: { SGT_DATA_CACHE: "off" }, log });
    stopAll.push(app.stop);
    result.uncached = {};
    const queries: Record<string, Record<string, number>> = { x10: {} };
    for (const route of [...PAGES, ...EMBEDS]) {
      const r = route.replace("{commitment}", x10Slug);
      // Statements per render: the most seen in the timed requests (a request may or may not include the once-a-second release check).
      let most = 0;
      result.uncached[route] = await timeRequests(app.url + r, quick ? 5 : 20, {
        budgetMs: quick ? 8_000 : 20_000,
        before: counter.reset,
        after: () => (most = Math.max(most, counter.count())),
      });
      queries.x10[route] = most;
    }
    await app.stop();
    await counter.close();

    // 6. Queries per page with 10 and with 50 countries (flat = no N+1).
    for (const name of ["c10", "c50"] as const) {
      step(`queries per page, ${name === "c10" ? 10 : 50} countries…`);
      const c = await startQueryCounter(dbs[name].url);
      stopAll.push(c.close);
      const a = await startApp({ distDir: DIST, databaseUrl: c.url, env: { SGT_DATA_CACHE: "off" }, log });
      stopAll.push(a.stop);
      queries[name] = await queriesPerPage(a.url, c, x10Slug);
      await a.stop();
      await c.close();
    }

    result.queries = { x10: queries.x10, c10: queries.c10, c50: queries.c50 };

    // 7. The data layer alone: Prisma vs hand-written SQL on the ×10 data.
    step("Prisma vs SQL on the ×10 data…");
    result.prismaVsSql = await prismaVsSql(dbs.x10.url, quick ? 3 : 7);

    result.totalSeconds = (performance.now() - t0) / 1000;
    const full = result as BenchResult;
    const report = renderReport(full);
    process.stdout.write(`\n${report.text}\n`);
    const dir = path.join(ROOT, "bench/results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${result.date!.slice(0, 10)}${serverUrl ? "-postgresql" : ""}${quick ? "-quick" : ""}.json`);
    writeFileSync(file, `${JSON.stringify({ ...full, budgets: report.budgets }, null, 2)}\n`);
    writeFileSync(file.replace(/\.json$/, ".md"), `${report.markdown}\n`);
    step(`wrote ${path.relative(ROOT, file)} and its .md table`);
  } finally {
    await cleanup();
  }
  async function cleanup() {
    for (const stop of stopAll.reverse()) await Promise.resolve(stop()).catch(() => {});
    stopAll.length = 0;
    for (const db of opened.splice(0)) await db.stop().catch(() => {});
    await template.current?.stop().catch(() => {});
    template.current = null;
    log.end();
    rmSync(work, { recursive: true, force: true });
  }
}

async function sizes(base: string, slug: string): Promise<Record<string, Size>> {
  const out: Record<string, Size> = {};
  for (const route of PAGES) out[route] = await pageSize(base, route.replace("{commitment}", slug), true);
  for (const route of EMBEDS) out[route] = await pageSize(base, route, false);
  return out;
}

async function cachedEmbedThroughput(base: string, work: string, seconds: number): Promise<{ next: Throughput; static: Throughput; bytes: number; ratio: number; connections: number }> {
  const url = base + CACHED_EMBED;
  const body = (await get(url)).body;
  const dir = path.join(work, "static");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "embed.html"), body);
  const connections = 50;
  await throughput(url, { connections, seconds: 2 }); // warm-up
  const next = await throughput(url, { connections, seconds });
  const server = await startStaticServer(dir);
  try {
    await throughput(`${server.url}/embed.html`, { connections, seconds: 2 });
    const stat = await throughput(`${server.url}/embed.html`, { connections, seconds });
    return { next, static: stat, bytes: body.length, ratio: next.requestsPerSec / stat.requestsPerSec, connections };
  } finally {
    server.stop();
  }
}

/** Statements per uncached page render: the most seen in three requests (a request may or may not include the once-a-second release check). */
async function queriesPerPage(base: string, counter: { count: () => number; reset: () => void }, slug: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const route of [...PAGES, ...EMBEDS]) {
    const url = base + route.replace("{commitment}", slug);
    await get(url);
    let most = 0;
    for (let i = 0; i < 3; i++) {
      if (i === 2) await new Promise((r) => setTimeout(r, 1100)); // past the release check's second
      counter.reset();
      const r = await get(url);
      if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}`);
      most = Math.max(most, counter.count());
    }
    out[route] = most;
  }
  return out;
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`\nnpm run bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);

export type { LighthouseResult, PrismaVsSql };
