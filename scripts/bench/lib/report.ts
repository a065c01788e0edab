// The bench's one table (terminal and Markdown) and its verdict against DESIGN.md's budgets.
import type { LegibilityRow } from "./legibility";
import type { LighthouseResult } from "./lighthouse";
import type { Size, Throughput, Timing } from "./measure";
import type { PrismaVsSql } from "./prisma-vs-sql";
import type { SyntheticSize } from "./synthetic";

export type BenchResult = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  database: "embedded" | "postgresql";
  quick: boolean;
  buildSeconds?: number;
  datasets: Record<string, { counts: Record<string, number>; seconds: number }>;
  synthetic: { seed: number; size: SyntheticSize };
  sizes: { today: Record<string, Size>; x10: Record<string, Size> };
  lighthouse: Record<string, LighthouseResult>;
  throughput: { next: Throughput; static: Throughput; bytes: number; ratio: number; connections: number };
  uncached: Record<string, Timing>;
  queries: { x10: Record<string, number>; c10: Record<string, number>; c50: Record<string, number> };
  prismaVsSql: PrismaVsSql;
  /** Per chart and width, on today's data and at ×10 (absent in results written before it was measured). */
  legibility?: { today: LegibilityRow[]; x10: LegibilityRow[] };
  totalSeconds: number;
};
export type Budget = { what: string; budget: string; measured: string; met: boolean };

const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(1)} KB` : "–");
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const int = (n: number) => Math.round(n).toLocaleString("en-GB");

function table(head: string[], rows: string[][]): { text: string; md: string } {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const text = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
  const md = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  return { text, md };
}

const px = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} px` : "–");
const sz = (s: Size | undefined) => (!s ? "–" : s.timedOut ? "> 60 s" : `${kb(s.gzip)} / ${kb(s.raw)}`);
/** A chart at a width meets the legibility rules. */
const legible = (x: LegibilityRow) => x.legible === 1 && x.overlaps === 0 && x.emptyBand <= 0.15;

export function budgets(r: BenchResult): Budget[] {
  const out: Budget[] = [];
  const embeds = Object.entries(r.sizes.today).filter(([k]) => k.startsWith("/embed"));
  const embeds10 = Object.entries(r.sizes.x10).filter(([k]) => k.startsWith("/embed"));
  const worst = (xs: [string, Size][]) => xs.reduce((a, b) => (b[1].gzip > a[1].gzip ? b : a));
  const we = worst(embeds);
  const we10 = worst(embeds10.map(([k, v]) => [k, v.timedOut ? { ...v, gzip: Infinity } : v] as [string, Size]));
  out.push({ what: "Embed transfer, today's data (largest)", budget: "≤ 30 KB gzip", measured: `${we[0]} ${kb(we[1].gzip)}`, met: we[1].gzip <= 30 * 1024 });
  out.push({ what: "Embed transfer, ×10 data (largest)", budget: "≤ 30 KB gzip", measured: `${we10[0]} ${kb(we10[1].gzip)}`, met: we10[1].gzip <= 30 * 1024 });
  const pages = Object.entries(r.sizes.today).filter(([k]) => !k.startsWith("/embed"));
  const js = pages.reduce((a, b) => ((b[1].jsGzip ?? 0) > (a[1].jsGzip ?? 0) ? b : a));
  out.push({ what: "Client JS per dashboard page (largest)", budget: "≤ 150 KB gzip", measured: `${js[0]} ${kb(js[1].jsGzip ?? NaN)}`, met: (js[1].jsGzip ?? Infinity) <= 150 * 1024 });
  for (const [route, lh] of Object.entries(r.lighthouse)) {
    if (route.startsWith("/embed")) {
      out.push({ what: `Lighthouse mobile ${route}`, budget: "≥ 99, TBT 0 ms, CLS 0", measured: `${lh.score}, TBT ${ms(lh.tbtMs)}, CLS ${lh.cls.toFixed(3)}`, met: lh.score >= 99 && lh.tbtMs === 0 && lh.cls === 0 });
    } else {
      out.push({ what: `Lighthouse mobile ${route}`, budget: "≥ 95, LCP ≤ 2.0 s", measured: `${lh.score}, LCP ${(lh.lcpMs / 1000).toFixed(2)} s`, met: lh.score >= 95 && lh.lcpMs <= 2000 });
    }
  }
  out.push({
    what: "Cached embed from next start",
    budget: "≥ 1,000 req/s",
    measured: `${int(r.throughput.next.requestsPerSec)} req/s (${(r.throughput.ratio * 100).toFixed(0)} % of a static file)`,
    met: r.throughput.next.requestsPerSec >= 1000 && r.throughput.next.errors === 0 && r.throughput.next.non2xx === 0,
  });
  const un = Object.entries(r.uncached);
  const p50 = un.reduce((a, b) => (b[1].p50 > a[1].p50 ? b : a));
  const p95 = un.reduce((a, b) => (b[1].p95 > a[1].p95 ? b : a));
  out.push({ what: "Uncached render at ×10, slowest p50", budget: "≤ 60 ms", measured: `${p50[0]} ${ms(p50[1].p50)}`, met: p50[1].p50 <= 60 });
  out.push({ what: "Uncached render at ×10, slowest p95", budget: "≤ 150 ms", measured: `${p95[0]} ${ms(p95[1].p95)}`, met: p95[1].p95 <= 150 });
  const largest = (xs: [string, Size][]) => xs.reduce((a, b) => ((b[1].timedOut ? Infinity : b[1].gzip) > (a[1].timedOut ? Infinity : a[1].gzip) ? b : a));
  const page10 = largest(Object.entries(r.sizes.x10).filter(([k]) => !k.startsWith("/embed")));
  out.push({ what: "Dashboard page HTML, ×10 data (largest)", budget: "≤ 150 KB gzip", measured: `${page10[0]} ${sz(page10[1])}`, met: !page10[1].timedOut && page10[1].gzip <= 150 * 1024 });
  for (const [data, rows] of Object.entries(r.legibility ?? {})) {
    const bad = rows.filter((x) => !legible(x));
    const smallest = rows.reduce((a, b) => (b.smallest < a.smallest ? b : a), rows[0]);
    out.push({
      what: `Legibility, ${data === "x10" ? "×10" : "today's"} data (${rows.length} charts × widths)`,
      budget: "100 % ≥ 11 px, 0 overlaps, bands ≤ 15 %",
      measured: bad.length ? `${bad.length} fail, e.g. ${bad[0].chart} at ${bad[0].width} px` : `all pass; smallest ${smallest ? px(smallest.smallest) : "–"}`,
      met: bad.length === 0,
    });
  }
  const q = Object.entries(r.queries.x10).reduce((a, b) => (b[1] > a[1] ? b : a));
  out.push({ what: "Queries per page (most)", budget: "≤ 5", measured: `${q[0]} ${q[1]}`, met: q[1] <= 5 });
  const grows = Object.keys(r.queries.c10).filter((k) => r.queries.c50[k] !== r.queries.c10[k]);
  out.push({ what: "Queries flat from 10 to 50 countries", budget: "no N+1", measured: grows.length ? `grows on ${grows.join(", ")}` : "flat on every page", met: grows.length === 0 });
  return out;
}

export function renderReport(r: BenchResult): { text: string; markdown: string; budgets: Budget[] } {
  const parts: { title: string; t: { text: string; md: string } }[] = [];
  const routes = Object.keys(r.sizes.today);
  parts.push({
    title: "Transfer per response (gzip / raw) and client JavaScript (gzip), today's data and ×10",
    t: table(
      ["route", "today", "×10", "client JS"],
      routes.map((k) => [k, sz(r.sizes.today[k]), sz(r.sizes.x10[k]), k.startsWith("/embed") ? "0 (none)" : `${kb(r.sizes.today[k].jsGzip ?? NaN)} in ${r.sizes.today[k].scripts} files`]),
    ),
  });
  const th = r.throughput;
  parts.push({
    title: `Cached embed /embed/commitments, today's data (${int(th.bytes)} bytes), ${th.connections} connections, autocannon`,
    t: table(
      ["server", "req/s", "p50", "p99", "errors"],
      [
        ["next start", int(th.next.requestsPerSec), ms(th.next.p50), ms(th.next.p99), String(th.next.errors + th.next.non2xx)],
        ["static file (sirv)", int(th.static.requestsPerSec), ms(th.static.p50), ms(th.static.p99), String(th.static.errors + th.static.non2xx)],
        ["ratio next / static", `${(th.ratio * 100).toFixed(0)} %`, "", "", ""],
      ],
    ),
  });
  parts.push({
    title: "Uncached render at ×10 (SGT_DATA_CACHE=off; sequential requests, 20 or as many as fit in 20 s: count in brackets) and statements per page",
    t: table(
      ["page", "p50", "p95", "max", "queries ×10", "10 countries", "50 countries"],
      Object.entries(r.uncached).map(([k, t]) => [
        `${k}${t.timedOut ? "" : ` (${t.n})`}`,
        t.timedOut ? "> 60 s" : ms(t.p50),
        t.timedOut ? "–" : ms(t.p95),
        t.timedOut ? "–" : ms(t.max),
        t.timedOut && !r.queries.x10[k] ? "–" : String(r.queries.x10[k]),
        String(r.queries.c10[k]),
        String(r.queries.c50[k]),
      ]),
    ),
  });
  const pv = r.prismaVsSql;
  parts.push({
    title: `The commitments table's data (${int(pv.rows)} commitments with actor, stages, sources), median of ${pv.runs}`,
    t: table(["path", "time"], [["Prisma (the app's loader)", ms(pv.prismaMs)], ["hand-written SQL (pg)", ms(pv.sqlMs)], ["ratio Prisma / SQL", `${pv.ratio.toFixed(2)}×`]]),
  });
  for (const [data, rows] of Object.entries(r.legibility ?? {})) {
    parts.push({
      title: `Legibility in Chromium, ${data === "x10" ? "×10" : "today's"} data: embeds in an article column at 360/640/1024 px, pages at 390/1440 px (goal: 100 %, ≥ 11 px, 0, ≤ 15 %)`,
      t: table(
        ["chart", "width", "text ≥ 11 px", "smallest", "overlaps", "empty band", "ok"],
        rows.map((x) => [x.chart, `${x.width} px`, Number.isFinite(x.legible) ? `${(x.legible * 100).toFixed(1)} %` : "–", px(x.smallest), String(x.overlaps), Number.isFinite(x.emptyBand) ? `${(x.emptyBand * 100).toFixed(1)} %` : "–", legible(x) ? "yes" : "NO"]),
      ),
    });
  }
  if (Object.keys(r.lighthouse).length) {
    parts.push({
      title: `Lighthouse ${"12.2.3"}, mobile, median of ${Object.values(r.lighthouse)[0].runs} (today's data)`,
      t: table(
        ["route", "score", "runs", "FCP", "LCP", "TBT", "CLS"],
        Object.entries(r.lighthouse).map(([k, l]) => [k, String(l.score), l.scores.join(" "), ms(l.fcpMs), ms(l.lcpMs), ms(l.tbtMs), l.cls.toFixed(3)]),
      ),
    });
  }
  const b = budgets(r);
  parts.push({ title: "Budgets (docs: ../shared/DESIGN.md)", t: table(["budget", "target", "measured", "met"], b.map((x) => [x.what, x.budget, x.measured, x.met ? "yes" : "NO"])) });
  const ds = r.datasets.x10.counts;
  const head =
    `npm run bench — ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.database === "embedded" ? "embedded PGlite" : "PostgreSQL server"}, ` +
    `${r.machine.cpus} cores (${r.machine.cpuModel}), Node ${r.machine.node}${r.quick ? ", QUICK RUN (not comparable)" : ""}\n` +
    `×10 dataset: synthetic, seed ${r.synthetic.seed}: ${int(ds.commitments)} commitments, ${int(ds.events)} events, ${int(ds.polls)} polls, ` +
    `${r.synthetic.size.countries} countries (loaded in ${r.datasets.x10.seconds.toFixed(1)} s); whole run ${r.totalSeconds.toFixed(0)} s` +
    (r.buildSeconds ? ` including next build ${r.buildSeconds.toFixed(0)} s` : "");
  return {
    text: [head, ...parts.map((p) => `${p.title}\n${p.t.text}`)].join("\n\n"),
    markdown: [head.replace(/\n/g, "  \n"), ...parts.map((p) => `**${p.title}**\n\n${p.t.md}`)].join("\n\n"),
    budgets: b,
  };
}
