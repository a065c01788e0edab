// Capacity check: for each troop-contributing country, its pledged or reported contribution
// beside its deployments abroad and the size of its forces, on one linear scale. Pure (no
// React, no database). Unknown figures stay unknown: nothing here estimates or derives a value.
import { scaleLinear } from "d3-scale";
import type { Confidence, DatePrecision, LifecycleStage, QuantityBasis, QuantityQualifier, VerificationStatus } from "@/lib/generated/prisma/enums";
import { isoDay } from "@/lib/format";

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
};
export type CapacityChart = { countries: PlacedCountry[]; max: number; ticks: { x: number; value: number }[] };

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
 * Places every country's bars on one common linear scale (0 → the largest value drawn, rounded
 * up to a nice number), so that a pledge can be read against the forces it would come from.
 * Countries with more known figures come first, then by name.
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
  const max = Math.max(1, ...placed.flatMap((p) => p.bars.map((b) => (b.entry ? reach(b.entry) : 0))));
  const scale = scaleLinear().domain([0, max]).range([0, 100]).nice(4);
  const x = (v: number) => Math.round(scale(v) * 100) / 100;
  return {
    max: scale.domain()[1],
    ticks: scale.ticks(4).map((v) => ({ x: x(v), value: v })),
    countries: placed
      .sort((a, b) => b.known - a.known || a.c.name.localeCompare(b.c.name))
      .map(({ c, bars, earlier, known }) => ({
        iso2: c.iso2,
        name: c.name,
        nameUk: c.nameUk,
        commitments: c.commitments,
        known,
        earlier,
        bars: bars.map((b) => ({ metric: b.metric, group: metricGroup(b.metric), entry: b.entry, segments: b.entry ? segments(b.entry, x) : [] })),
      })),
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
