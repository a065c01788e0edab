// Capacity check: for each troop-contributing country, its pledged or reported contribution
// beside its deployments abroad and the size of its forces, each country on its own linear scale
// (a 200-troop pledge is not a sliver beside another country's 180,000 forces), plus a ranking of
// the pledges with each one's share of the country's own armed forces. Pure (no React, no
// database). Unknown figures stay unknown: nothing here estimates a value; a share is only a
// quotient of two recorded figures, shown with both.
import { scaleLinear } from "d3-scale";
import type { Confidence, DatePrecision, LifecycleStage, QuantityBasis, QuantityQualifier, VerificationStatus } from "@/lib/generated/prisma/enums";
import { formatDate, formatNumber, formatQuantity, isoDay } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { CAPACITY } from "@/lib/i18n/messages/capacity";
import { fill } from "@/lib/i18n/messages/map";
import { plural } from "@/lib/i18n/plural";
import { fit, wrapPx, type Drawn, type DrawnLayout } from "./drawn";
import { WIDTH, type WidthClass } from "./width";

export type SourceRef = { url: string; outlet: string; originalOutlet: string | null };

/** A FIGURE claim with a metric, as loaded. */
export type FigureRecord = {
  slug: string;
  metric: string;
  statement: string;
  low: number | null;
  high: number | null;
  qualifier: QuantityQualifier | null;
  unit: string | null;
  asOf: Date | null;
  asOfPrecision: DatePrecision;
  verification: VerificationStatus;
  confidence: Confidence;
  singleSource: boolean;
  finding: string | null;
  sources: SourceRef[];
};

/** A published TROOPS commitment in force on the date (not ruled out or withdrawn). */
export type CommitmentRecord = {
  slug: string;
  title: string;
  stage: LifecycleStage;
  stageDate: Date;
  stageDatePrecision: DatePrecision;
  low: number | null;
  high: number | null;
  qualifier: QuantityQualifier | null;
  unit: string | null;
  basis: QuantityBasis | null;
  confidence: Confidence;
  sources: SourceRef[];
};

export type CountryRecord = {
  iso2: string;
  name: string;
  nameUk: string | null;
  commitments: CommitmentRecord[];
  figures: FigureRecord[];
};

export const PLEDGE = "pledge-for-ukraine";
/** Metrics drawn for every country, as a value or as an explicit "unknown". */
export const REQUIRED_METRICS = [PLEDGE, "deployed-abroad", "regular-army", "armed-forces-total"] as const;
const METRIC_ORDER = [PLEDGE, "deployed-abroad", "deployed-in", "regular-army", "full-time-forces", "armed-forces-total"];

export type MetricGroup = "pledge" | "deployed" | "forces";
export function metricGroup(metric: string): MetricGroup {
  if (metric === PLEDGE) return "pledge";
  if (metric.startsWith("deployed")) return "deployed";
  return "forces";
}
function metricRank(metric: string): number {
  const base = metric.startsWith("deployed-in:") ? "deployed-in" : metric;
  const i = METRIC_ORDER.indexOf(base);
  return i === -1 ? METRIC_ORDER.length : i;
}

/** One figure as drawn or listed: from a FIGURE claim, a commitment's quantity, or both when they agree. */
export type Entry = {
  id: string;
  metric: string;
  low: number | null;
  high: number | null;
  qualifier: QuantityQualifier | null;
  unit: string | null;
  asOf: Date | null;
  asOfPrecision: DatePrecision;
  verification: VerificationStatus | null;
  basis: QuantityBasis | null;
  confidence: Confidence;
  singleSource: boolean;
  statement: string;
  note: string | null;
  figureSlug: string | null;
  commitmentSlug: string | null;
  sources: SourceRef[];
};

export type Segment = { x0: number; x1: number; kind: "solid" | "extent" | "bound" };
export type Bar = { metric: string; group: MetricGroup; entry: Entry | null; segments: Segment[] };
export type PlacedCountry = {
  iso2: string;
  name: string;
  nameUk: string | null;
  commitments: CommitmentRecord[];
  bars: Bar[];
  earlier: Entry[];
  known: number;
  /** This country's own scale: 0 → its largest drawn value, rounded up to a nice number. */
  max: number;
  ticks: { x: number; value: number }[];
};
export type CapacityChart = { countries: PlacedCountry[] };

const YEAR_MS = 366 * 86_400_000;

function fromFigure(f: FigureRecord): Entry {
  return {
    id: `fig-${f.slug}`,
    metric: f.metric,
    low: f.low,
    high: f.high,
    qualifier: f.qualifier,
    unit: f.unit,
    asOf: f.asOf,
    asOfPrecision: f.asOfPrecision,
    verification: f.verification,
    basis: null,
    confidence: f.confidence,
    singleSource: f.singleSource,
    statement: f.statement,
    note: f.finding,
    figureSlug: f.slug,
    commitmentSlug: null,
    sources: f.sources,
  };
}

function fromCommitment(c: CommitmentRecord): Entry {
  return {
    id: `commitment-${c.slug}`,
    metric: PLEDGE,
    low: c.low,
    high: c.high,
    qualifier: c.qualifier,
    unit: c.unit,
    asOf: c.stageDate,
    asOfPrecision: c.stageDatePrecision,
    verification: null,
    basis: c.basis,
    confidence: c.confidence,
    singleSource: c.sources.length === 1,
    statement: c.title,
    note: null,
    figureSlug: null,
    commitmentSlug: c.slug,
    sources: c.sources,
  };
}

/** Same stored number and qualifier; a single value may sit in either bound ("fewer than 7,500" as low or high). */
function sameQuantity(a: Entry, b: Entry): boolean {
  const norm = (e: Entry) => [e.low ?? e.high, e.high ?? e.low];
  const [al, ah] = norm(a);
  const [bl, bh] = norm(b);
  return al === bl && ah === bh && a.qualifier === b.qualifier;
}

function mergeSources(a: SourceRef[], b: SourceRef[]): SourceRef[] {
  const seen = new Set(a.map((s) => s.url));
  return [...a, ...b.filter((s) => !seen.has(s.url))];
}

/**
 * A country's entries by metric. A commitment's quantity and a pledge figure with the same
 * value and qualifier are one entry (the figure's verification, the commitment's basis, both
 * sets of sources), so the same reported number is not drawn twice.
 */
export function countryEntries(c: CountryRecord): Entry[] {
  const entries = c.figures.filter((f) => f.low !== null || f.high !== null).map(fromFigure);
  for (const cm of c.commitments) {
    if (cm.low === null && cm.high === null) continue;
    const e = fromCommitment(cm);
    const twin = entries.find((x) => x.metric === PLEDGE && x.commitmentSlug === null && sameQuantity(x, e));
    if (twin) {
      twin.basis = e.basis;
      twin.commitmentSlug = e.commitmentSlug;
      twin.sources = mergeSources(twin.sources, e.sources);
      twin.singleSource = twin.sources.length === 1;
    } else entries.push(e);
  }
  return entries;
}

/**
 * Splits a metric's entries into current (drawn) and earlier (listed): the newest figure and
 * any other dated within a year of it are current, so two recent sources that disagree are both
 * drawn while a 2017 figure does not crowd a 2024 one.
 */
export function currentAndEarlier(entries: readonly Entry[]): { current: Entry[]; earlier: Entry[] } {
  const dated = entries.filter((e) => e.asOf !== null);
  if (dated.length === 0) return { current: [...entries], earlier: [] };
  const newest = Math.max(...dated.map((e) => e.asOf!.getTime()));
  const current: Entry[] = [];
  const earlier: Entry[] = [];
  for (const e of entries) {
    if (e.asOf !== null && newest - e.asOf.getTime() > YEAR_MS) earlier.push(e);
    else current.push(e);
  }
  const byDate = (a: Entry, b: Entry) => (b.asOf?.getTime() ?? 0) - (a.asOf?.getTime() ?? 0) || a.id.localeCompare(b.id);
  return { current: current.sort(byDate), earlier: earlier.sort(byDate) };
}

/** The value a bar reaches: the upper bound when there is one. */
export function reach(e: Pick<Entry, "low" | "high">): number {
  return Math.max(e.low ?? 0, e.high ?? 0);
}

/** Bar segments in percent of the track: solid to the value; a range adds a light extent; a ceiling ("fewer than", "up to") is a light bar to the bound. */
export function segments(e: Entry, x: (v: number) => number): Segment[] {
  const lo = e.low ?? e.high ?? 0;
  const hi = e.high ?? e.low ?? 0;
  if (e.qualifier === "FEWER_THAN" || e.qualifier === "UP_TO") return [{ x0: 0, x1: x(hi), kind: "bound" }];
  if (hi > lo) return [{ x0: 0, x1: x(lo), kind: "solid" }, { x0: x(lo), x1: x(hi), kind: "extent" }];
  return [{ x0: 0, x1: x(lo), kind: "solid" }];
}

/**
 * Places each country's bars on its own linear scale (0 → its largest value drawn, rounded up to
 * a nice number), so a pledge is read against that country's own forces and a small country's
 * figures are not slivers. Countries with more known figures come first, then by name.
 */
export function capacityChart(countries: readonly CountryRecord[]): CapacityChart {
  const placed = countries.map((c) => {
    const all = countryEntries(c);
    const metrics = new Set<string>([...REQUIRED_METRICS, ...all.map((e) => e.metric)]);
    const bars: { metric: string; entry: Entry | null }[] = [];
    const earlier: Entry[] = [];
    for (const m of [...metrics].sort((a, b) => metricRank(a) - metricRank(b) || a.localeCompare(b))) {
      const split = currentAndEarlier(all.filter((e) => e.metric === m));
      earlier.push(...split.earlier);
      if (split.current.length === 0) bars.push({ metric: m, entry: null });
      else for (const e of split.current) bars.push({ metric: m, entry: e });
    }
    return { c, bars, earlier, known: bars.filter((b) => b.entry).length };
  });
  return {
    countries: placed
      .sort((a, b) => b.known - a.known || a.c.name.localeCompare(b.c.name))
      .map(({ c, bars, earlier, known }) => {
        const max = Math.max(1, ...bars.map((b) => (b.entry ? reach(b.entry) : 0)));
        const scale = scaleLinear().domain([0, max]).range([0, 100]).nice(4);
        const x = (v: number) => Math.round(scale(v) * 100) / 100;
        return {
          iso2: c.iso2,
          name: c.name,
          nameUk: c.nameUk,
          commitments: c.commitments,
          known,
          earlier,
          max: scale.domain()[1],
          ticks: scale.ticks(4).map((v) => ({ x: x(v), value: v })),
          bars: bars.map((b) => ({ metric: b.metric, group: metricGroup(b.metric), entry: b.entry, segments: b.entry ? segments(b.entry, x) : [] })),
        };
      }),
  };
}

/** Force-size metrics in the order one is chosen as "its armed forces" for a share. */
export const FORCES_METRICS = ["armed-forces-total", "full-time-forces", "regular-army"] as const;

export type RankedCountry = {
  iso2: string;
  name: string;
  nameUk: string | null;
  /** The newest current pledge (null: unknown). */
  pledge: Entry | null;
  /** The force-size figure the share is taken of (null: unknown). */
  forces: Entry | null;
  /** Pledge's upper value as a share (0–1) of the forces figure; null unless both are known. */
  share: number | null;
};
export type CapacityRanking = {
  /** Countries with a known pledge (largest first), then those with other figures but none for the pledge. */
  ranked: RankedCountry[];
  /** Countries where every figure is unknown (listed, not drawn). */
  unknown: { iso2: string; name: string; nameUk: string | null }[];
  /** Sum of the known pledges' upper values, and how many pledges it adds up. */
  total: { upTo: number; pledges: number; countries: number };
  pledgeMax: number;
  shareMax: number;
};

const nice = (v: number) => scaleLinear().domain([0, Math.max(v, Number.EPSILON)]).nice(4).domain()[1];

/** The pledges ranked by size, each with its share of the country's own forces, and the total. */
export function capacityRanking(chart: CapacityChart): CapacityRanking {
  const ranked: RankedCountry[] = [];
  const unknown: CapacityRanking["unknown"] = [];
  for (const c of chart.countries) {
    if (c.known === 0) {
      unknown.push({ iso2: c.iso2, name: c.name, nameUk: c.nameUk });
      continue;
    }
    const pledge = c.bars.find((b) => b.metric === PLEDGE && b.entry)?.entry ?? null;
    const forces = FORCES_METRICS.map((m) => c.bars.find((b) => b.metric === m && b.entry)?.entry ?? null).find(Boolean) ?? null;
    const f = forces ? (forces.low ?? forces.high) : null;
    const share = pledge && f ? reach(pledge) / f : null;
    ranked.push({ iso2: c.iso2, name: c.name, nameUk: c.nameUk, pledge, forces, share });
  }
  ranked.sort((a, b) => (b.pledge ? reach(b.pledge) : -1) - (a.pledge ? reach(a.pledge) : -1) || a.name.localeCompare(b.name));
  const pledged = ranked.filter((r) => r.pledge);
  return {
    ranked,
    unknown: unknown.sort((a, b) => a.name.localeCompare(b.name)),
    total: { upTo: pledged.reduce((s, r) => s + reach(r.pledge!), 0), pledges: pledged.length, countries: chart.countries.length },
    pledgeMax: nice(Math.max(0, ...pledged.map((r) => reach(r.pledge!)))),
    shareMax: nice(Math.max(0, ...ranked.map((r) => r.share ?? 0))),
  };
}

export const CAPACITY_COLUMNS = [
  "country",
  "country_name",
  "metric",
  "shown",
  "value_low",
  "value_high",
  "qualifier",
  "unit",
  "as_of",
  "as_of_precision",
  "verification",
  "basis",
  "confidence",
  "single_source",
  "statement",
  "figure",
  "commitment",
  "sources",
] as const;
export type CapacityRow = Record<(typeof CAPACITY_COLUMNS)[number], string | number | boolean | null>;

/** One row per country × metric × figure (drawn, earlier, or "unknown" with empty values). */
export function capacityRows(chart: CapacityChart): CapacityRow[] {
  const rows: CapacityRow[] = [];
  const row = (c: PlacedCountry, metric: string, shown: string, e: Entry | null): CapacityRow => ({
    country: c.iso2,
    country_name: c.name,
    metric,
    shown,
    value_low: e?.low ?? null,
    value_high: e?.high ?? null,
    qualifier: e?.qualifier ?? null,
    unit: e?.unit ?? null,
    as_of: e?.asOf ? isoDay(e.asOf) : null,
    as_of_precision: e?.asOf ? e.asOfPrecision : null,
    verification: e?.verification ?? null,
    basis: e?.basis ?? null,
    confidence: e?.confidence ?? null,
    single_source: e ? e.singleSource : null,
    statement: e?.statement ?? null,
    figure: e?.figureSlug ?? null,
    commitment: e?.commitmentSlug ?? null,
    sources: e ? e.sources.map((s) => s.url).join(" ") : null,
  });
  for (const c of chart.countries) {
    for (const b of c.bars) rows.push(row(c, b.metric, b.entry ? "current" : "unknown", b.entry));
    for (const e of c.earlier) rows.push(row(c, e.metric, "earlier", e));
  }
  return rows;
}

/** "Deployed in Estonia" from `deployed-in:EE`; other metrics by their label. */
export function metricLabel(metric: string, lang: Lang): string {
  if (metric.startsWith("deployed-in:")) {
    const code = metric.slice("deployed-in:".length);
    let name = code;
    try {
      name = new Intl.DisplayNames([lang === "uk" ? "uk" : "en"], { type: "region" }).of(code) ?? code;
    } catch {
      // An unexpected code: show it as it is.
    }
    return `${CAPACITY.metrics["deployed-in"][lang]} ${name}`;
  }
  const known = CAPACITY.metrics[metric as keyof typeof CAPACITY.metrics];
  return known ? known[lang] : metric;
}

/** The value with its qualifier and unit, exactly as reported ("fewer than 7,500 troops"). */
export function entryValue(e: Pick<Entry, "low" | "high" | "qualifier" | "unit">, lang: Lang): string {
  return formatQuantity({ low: e.low, high: e.high, qualifier: e.qualifier, unit: e.unit }, lang) ?? CAPACITY.unknown[lang];
}

function pct(v: number, lang: Lang): string {
  if (v > 0 && v < 0.001) return `< ${pct(0.001, lang)}`;
  return new Intl.NumberFormat(lang === "uk" ? "uk-UA" : "en-GB", { style: "percent", maximumFractionDigits: v < 0.1 ? 1 : 0 }).format(v);
}

/** The pledge as a share of the forces figure, keeping the pledge's qualifier ("up to 4.1 %", "0.5–1 %"). */
export function shareText(pledge: Entry, forces: number, lang: Lang): string {
  const hi = reach(pledge) / forces;
  if (pledge.qualifier === "FEWER_THAN" || pledge.qualifier === "UP_TO") return fill(CAPACITY.upTo[lang], { v: pct(hi, lang) });
  const lo = (pledge.low ?? pledge.high ?? 0) / forces;
  if (hi > lo) return `${pct(lo, lang)}–${pct(hi, lang)}`;
  return pledge.qualifier === "ABOUT" ? fill(CAPACITY.about[lang], { v: pct(hi, lang) }) : pct(hi, lang);
}

/** The forces figure's date and first source ("Oct 2025, IISS"). */
function forcesMeta(f: Entry, lang: Lang): { date: string; source: string } {
  const s = f.sources[0];
  return { date: f.asOf ? formatDate(f.asOf, f.asOfPrecision, lang) : CAPACITY.unknown[lang], source: s ? (s.originalOutlet ?? s.outlet) : "–" };
}

/** The line under (or beside) a ranked pledge: its share of the country's forces, with that figure's value, date and source. */
export function forcesLine(r: RankedCountry, lang: Lang): string {
  if (!r.forces) return CAPACITY.forcesUnknown[lang];
  const value = formatNumber(r.forces.low ?? r.forces.high ?? 0, lang);
  const meta = forcesMeta(r.forces, lang);
  if (!r.pledge || r.share === null) return fill(CAPACITY.forcesOnly[lang], { forces: value, ...meta });
  return fill(CAPACITY.shareOf[lang], { share: shareText(r.pledge, r.forces.low ?? r.forces.high ?? 1, lang), forces: value, ...meta });
}

function pledgeLine(r: RankedCountry, lang: Lang): string {
  if (!r.pledge) return CAPACITY.pledgeUnknown[lang];
  return r.pledge.asOf ? `${entryValue(r.pledge, lang)} · ${formatDate(r.pledge.asOf, r.pledge.asOfPrecision, lang)}` : entryValue(r.pledge, lang);
}

/** The ranking's headline: the total of the known pledges, from how many of the countries. */
export function totalLine(k: CapacityRanking, lang: Lang): string {
  const countries = plural(k.total.countries, CAPACITY.countryForms, lang);
  if (k.total.pledges === 0) return fill(CAPACITY.totalNone[lang], { countries });
  return fill(CAPACITY.total[lang], { total: formatNumber(k.total.upTo, lang), n: k.total.pledges, countries });
}

const isBound = (e: Entry | null) => e?.qualifier === "FEWER_THAN" || e?.qualifier === "UP_TO";

// Layout constants (layout px): body text 12, titles 13 bold, small notes 11.5; bars 10 high.
const T = { title: 13, name: 12.5, body: 12, small: 11.5, bar: 10 };

/** Bar segments of a pledge on the ranking's scale, in layout px from `x0` over `w`. */
function pledgeBars(e: Entry, max: number, x0: number, w: number, y: number, name: string, lang: Lang): Drawn[] {
  const px = (v: number) => Math.max(2, (v / max) * w);
  const title = `${name}: ${entryValue(e, lang)}`;
  return segments(e, (v) => (v / max) * 100).map((s) => ({
    kind: "rect" as const,
    x: x0 + (s.x0 / 100) * w,
    y,
    w: s.kind === "extent" ? Math.max(1, ((s.x1 - s.x0) / 100) * w) : px((s.x1 / 100) * max),
    h: T.bar,
    cls: `b-${s.kind}`,
    title,
  }));
}

/**
 * The ranking chart for a width class: a headline with the total, then one row per country with
 * a known pledge (largest first; then those with other figures only), its bar on one pledge scale
 * and its share of its own armed forces; countries where every figure is unknown are one wrapped
 * list of names. Wide: columns (name | pledge | share with a bar on its own scale). Narrow and
 * medium: one stacked row per country, text above its bar.
 */
export function capacityLayout(k: CapacityRanking, w: WidthClass, lang: Lang): DrawnLayout {
  const W = WIDTH[w].design;
  const items: Drawn[] = [];
  const nameOf = (c: { name: string; nameUk: string | null }) => (lang === "uk" && c.nameUk ? c.nameUk : c.name);
  const text = (x: number, y: number, size: number, t: string, cls: string, extra: Partial<Extract<Drawn, { kind: "text" }>> = {}) =>
    items.push({ kind: "text", x, y, size, text: t, cls, ...extra });
  let y = 0;
  if (k.total.countries === 0) {
    text(0, 12, T.body, fit(CAPACITY.noneYet[lang], W, T.body), "m", { title: CAPACITY.noneYet[lang] });
    return { width: W, height: 16, items };
  }
  for (const line of wrapPx(totalLine(k, lang), W, T.title, true)) {
    y += 18;
    text(0, y, T.title, line, "h", { bold: true });
  }
  const pledgeMax = formatNumber(k.pledgeMax, lang);
  const shareMax = pct(k.shareMax, lang);
  const ranked = k.ranked;
  if (w === "wide") {
    const nameW = 190;
    const px0 = nameW + 10;
    const pw = 320;
    const sx0 = px0 + pw + 30;
    const sw = W - sx0;
    if (ranked.length) {
      y += 22;
      text(0, y, T.small, CAPACITY.nameHead[lang], "m");
      const ph = fill(CAPACITY.pledgeHead[lang], { max: pledgeMax });
      text(px0, y, T.small, fit(ph, pw - 8, T.small), "m", { title: ph });
      const sh = fill(CAPACITY.shareHead[lang], { max: shareMax });
      text(sx0, y, T.small, fit(sh, sw, T.small), "m", { title: sh });
      items.push({ kind: "rect", x: 0, y: y + 5, w: W, h: 1, cls: "rule" });
      y += 6;
    }
    for (const r of ranked) {
      const top = y + 4;
      const name = nameOf(r);
      text(0, top + 15, T.name, fit(name, nameW, T.name, true), "n", { bold: true, href: `/countries/${r.iso2.toLowerCase()}`, title: name });
      const pl = pledgeLine(r, lang);
      text(px0, top + 13, T.body, fit(pl, pw, T.body), r.pledge ? "v" : "m", { title: pl });
      if (r.pledge) items.push(...pledgeBars(r.pledge, k.pledgeMax, px0, pw, top + 18, name, lang));
      const fl = forcesLine(r, lang);
      let sy = top + 13;
      wrapPx(fl, sw, T.small, false, 2).forEach((line, i) => {
        if (i) sy += 14;
        text(sx0, sy, T.small, line, "m", { title: fl });
      });
      if (r.share !== null) items.push({ kind: "rect", x: sx0, y: sy + 5, w: Math.max(2, (r.share / k.shareMax) * sw * 0.6), h: T.bar, cls: isBound(r.pledge) ? "b-share b-sb" : "b-share", title: fl });
      y = Math.max(top + 18 + T.bar, r.share !== null ? sy + 5 + T.bar : sy + 3) + 4;
    }
  } else {
    if (ranked.length) {
      for (const line of wrapPx(fill(CAPACITY.howNarrow[lang], { max: pledgeMax }), W, T.small)) {
        y += 15;
        text(0, y, T.small, line, "m");
      }
      y += 4;
    }
    for (const r of ranked) {
      items.push({ kind: "rect", x: 0, y: y + 4, w: W, h: 1, cls: "rule" });
      const name = nameOf(r);
      y += 20;
      text(0, y, T.name, fit(name, W, T.name, true), "n", { bold: true, href: `/countries/${r.iso2.toLowerCase()}`, title: name });
      y += 16;
      const pl = pledgeLine(r, lang);
      text(0, y, T.body, fit(pl, W, T.body), r.pledge ? "v" : "m", { title: pl });
      if (r.pledge) {
        items.push(...pledgeBars(r.pledge, k.pledgeMax, 0, W, y + 5, name, lang));
        y += 5 + T.bar;
      }
      for (const line of wrapPx(forcesLine(r, lang), W, T.small, false, 2)) {
        y += 15;
        text(0, y, T.small, line, "m");
      }
    }
  }
  if (k.unknown.length) {
    y += ranked.length ? 26 : 20;
    text(0, y, T.body, fill(CAPACITY.unknownList[lang], { n: k.unknown.length }), "h", { bold: true });
    for (const line of wrapPx(k.unknown.map(nameOf).join(", "), W, T.body)) {
      y += 16;
      text(0, y, T.body, line, "t");
    }
  }
  return { width: W, height: Math.ceil(y + 6), items };
}
