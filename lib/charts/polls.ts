// Polls view: URL parameters, download rows and chart layouts. Pure (no React, no database).
// Rule (DESIGN.md): polls of different wording classes are never averaged or drawn as one
// series; within a class each poll is its own point, and a line only joins one pollster's
// polls in one country.
import { z } from "zod";
import { scaleUtc } from "d3-scale";
import type { DatePrecision, PollMode, WordingClass } from "@/lib/generated/prisma/enums";
import { WordingClass as WordingClassEnum } from "@/lib/generated/prisma/enums";
import { formatDate, isoDay } from "@/lib/format";
import { BaseViewParams, listParam } from "@/lib/schemas/search-params";

export const WORDING_CLASSES = Object.values(WordingClassEnum) as [WordingClass, ...WordingClass[]];

/** `country=GB,FR` (or repeated): two-letter ISO codes, any case; existence is checked by the page. */
export const CountryListParam = z.preprocess(
  (v) => {
    if (v === undefined) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean);
    return parts.length ? parts : undefined;
  },
  z
    .array(z.string().regex(/^[A-Z]{2}$/, "Use two-letter ISO country codes such as GB or FR."))
    .max(60, "Too many countries.")
    .transform((xs) => [...new Set(xs)])
    .optional(),
);

/** /polls?country=GB,FR&class=OWN_TROOPS_PEACEKEEPING&asOf=2025-12-31&lang=uk */
export const PollsParams = BaseViewParams.extend({
  country: CountryListParam,
  class: listParam(WORDING_CLASSES, "wording class"),
});
export type PollsParams = z.infer<typeof PollsParams>;

/** Requested codes that are not among the known ones, as a ParamError message list. */
export function unknownCountryErrors(requested: string[] | undefined, known: readonly string[]): string[] {
  const missing = (requested ?? []).filter((c) => !known.includes(c));
  if (missing.length === 0) return [];
  return [`country: Unknown country code ${missing.join(", ")}. Use one of: ${[...known].sort().join(", ")}.`];
}

export type SourceRef = { url: string; outlet: string; originalOutlet: string | null };

export type PollRecord = {
  slug: string;
  pollster: string;
  client: string | null;
  fieldworkStart: Date | null;
  fieldworkEnd: Date;
  fieldworkPrecision: DatePrecision;
  country: { iso2: string; name: string; nameUk: string | null };
  sampleSize: number | null;
  mode: PollMode;
  question: string;
  questionVerbatim: boolean;
  wordingClass: WordingClass;
  support: number | null;
  oppose: number | null;
  dontKnow: number | null;
  note: string | null;
  confidence: string;
  singleSource: boolean;
  sources: SourceRef[];
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Fieldwork dates at their precision: "13–14 Feb 2025", "26 Feb–4 Mar 2025", "Dec 2025". */
export function formatFieldwork(start: Date | null, end: Date, precision: DatePrecision): string {
  if (precision !== "DAY") return formatDate(end, precision);
  if (start === null || isoDay(start) === isoDay(end)) return formatDate(end);
  const sy = start.getUTCFullYear();
  const sm = start.getUTCMonth();
  if (sy !== end.getUTCFullYear()) return `${formatDate(start)}–${formatDate(end)}`;
  if (sm !== end.getUTCMonth()) return `${start.getUTCDate()} ${MONTHS[sm]}–${formatDate(end)}`;
  return `${start.getUTCDate()}–${formatDate(end)}`;
}

/** Percent as printed: "52%", "17.3%"; null stays null. */
export function formatPercent(v: number | null): string | null {
  if (v === null) return null;
  return `${Number.isInteger(v) ? v : v.toFixed(1)}%`;
}

/** Classes in their canonical order that have at least one poll. */
export function classesWithData(polls: readonly PollRecord[]): WordingClass[] {
  return WORDING_CLASSES.filter((c) => polls.some((p) => p.wordingClass === c));
}

/** Stable country order for colours and rows: by name. */
export function countryOrder(polls: readonly PollRecord[]): string[] {
  const names = new Map<string, string>();
  for (const p of polls) names.set(p.country.iso2, p.country.name);
  return [...names.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([iso]) => iso);
}

/** Newest fieldwork first, then country, then pollster: the order of the table and downloads. */
export function sortPolls(polls: readonly PollRecord[]): PollRecord[] {
  return [...polls].sort(
    (a, b) =>
      WORDING_CLASSES.indexOf(a.wordingClass) - WORDING_CLASSES.indexOf(b.wordingClass) ||
      b.fieldworkEnd.getTime() - a.fieldworkEnd.getTime() ||
      a.country.name.localeCompare(b.country.name) ||
      a.pollster.localeCompare(b.pollster) ||
      a.slug.localeCompare(b.slug),
  );
}

export const POLL_COLUMNS = [
  "slug",
  "wording_class",
  "country",
  "country_name",
  "pollster",
  "client",
  "fieldwork_start",
  "fieldwork_end",
  "fieldwork_precision",
  "fieldwork",
  "sample_size",
  "mode",
  "question",
  "question_verbatim",
  "support",
  "oppose",
  "dont_know",
  "note",
  "confidence",
  "single_source",
  "sources",
] as const;
export type PollRow = Record<(typeof POLL_COLUMNS)[number], string | number | boolean | null>;

/** One download row per poll shown; unknowns stay empty, never estimated. */
export function pollRows(polls: readonly PollRecord[]): PollRow[] {
  return sortPolls(polls).map((p) => ({
    slug: p.slug,
    wording_class: p.wordingClass,
    country: p.country.iso2,
    country_name: p.country.name,
    pollster: p.pollster,
    client: p.client,
    fieldwork_start: p.fieldworkStart ? isoDay(p.fieldworkStart) : null,
    fieldwork_end: isoDay(p.fieldworkEnd),
    fieldwork_precision: p.fieldworkPrecision,
    fieldwork: formatFieldwork(p.fieldworkStart, p.fieldworkEnd, p.fieldworkPrecision),
    sample_size: p.sampleSize,
    mode: p.mode,
    question: p.question,
    question_verbatim: p.questionVerbatim,
    support: p.support,
    oppose: p.oppose,
    dont_know: p.dontKnow,
    note: p.note,
    confidence: p.confidence,
    single_source: p.singleSource,
    sources: p.sources.map((s) => s.url).join(" "),
  }));
}

// ---------------------------------------------------------------- dot plot (one per class)

export type DotMark = { value: number; x: number; label: string; anchor: "start" | "end"; dx: number };
export type DotRow = {
  slug: string;
  iso2: string;
  firstOfCountry: boolean;
  pollster: string;
  fieldwork: string;
  support: DotMark | null;
  oppose: DotMark | null;
};
export type DotPlot = { wordingClass: WordingClass; rows: DotRow[]; ticks: { x: number; label: string }[] };

/**
 * Dot plot of one wording class: a row per poll (never a per-country average), grouped by
 * country; x is the share in percent of the track (0–100). Countries are ordered by the
 * support in their latest poll; a country's polls newest first. Value labels sit outside the
 * span between the two marks so they never overlap each other.
 */
export function dotPlot(wordingClass: WordingClass, polls: readonly PollRecord[]): DotPlot {
  const own = polls.filter((p) => p.wordingClass === wordingClass);
  const byCountry = new Map<string, PollRecord[]>();
  for (const p of own) byCountry.set(p.country.iso2, [...(byCountry.get(p.country.iso2) ?? []), p]);
  for (const list of byCountry.values()) list.sort((a, b) => b.fieldworkEnd.getTime() - a.fieldworkEnd.getTime() || a.slug.localeCompare(b.slug));
  const latest = (iso: string) => byCountry.get(iso)![0];
  const order = [...byCountry.keys()].sort(
    (a, b) => (latest(b).support ?? -1) - (latest(a).support ?? -1) || latest(a).country.name.localeCompare(latest(b).country.name),
  );
  const rows: DotRow[] = [];
  for (const iso of order) {
    byCountry.get(iso)!.forEach((p, i) => {
      const s = p.support;
      const o = p.oppose;
      // The smaller value's label goes left, the larger's right.
      const supportLeft = s !== null && o !== null ? s <= o : false;
      const mark = (v: number | null, left: boolean): DotMark | null =>
        v === null ? null : { value: v, x: clamp(v, 0, 100), label: formatPercent(v)!, anchor: left ? "end" : "start", dx: left ? -8 : 8 };
      rows.push({
        slug: p.slug,
        iso2: iso,
        firstOfCountry: i === 0,
        pollster: p.pollster,
        fieldwork: formatFieldwork(p.fieldworkStart, p.fieldworkEnd, p.fieldworkPrecision),
        support: mark(s, supportLeft),
        oppose: mark(o, s !== null && o !== null ? !supportLeft : false),
      });
    });
  }
  return { wordingClass, rows, ticks: [0, 25, 50, 75, 100].map((v) => ({ x: v, label: `${v}%` })) };
}

// ---------------------------------------------------------------- time chart (one per class)

export type TimePoint = { slug: string; x: number; y: number; value: number; date: Date; precision: DatePrecision };
export type TimeSeries = {
  key: string;
  iso2: string;
  pollster: string;
  colour: number;
  points: TimePoint[];
  segments: { x1: number; y1: number; x2: number; y2: number }[];
  label: { text: string; x: number; y: number };
};
export type TimeChart = {
  wordingClass: WordingClass;
  height: number;
  plot: { top: number; bottom: number; left: number; right: number };
  series: TimeSeries[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
};

const TIME = { height: 240, top: 12, bottom: 212, left: 2, right: 80, labelGap: 13 };

/**
 * Support over time for one wording class, or null when all its polls share one date. x in
 * percent of the width (so the SVG stays responsive without scaling text), y in pixels. A series
 * is one country and one pollster; its points are joined only within that series.
 */
export function timeChart(wordingClass: WordingClass, polls: readonly PollRecord[], colourOf: (iso2: string) => number): TimeChart | null {
  const own = polls.filter((p) => p.wordingClass === wordingClass && p.support !== null);
  const times = [...new Set(own.map((p) => p.fieldworkEnd.getTime()))];
  if (times.length < 2) return null;
  const day = 86_400_000;
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max(15 * day, (max - min) * 0.04);
  const x = scaleUtc()
    .domain([new Date(min - pad), new Date(max + pad)])
    .range([TIME.left, TIME.right]);
  const y = (v: number) => TIME.bottom - ((TIME.bottom - TIME.top) * v) / 100;

  const groups = new Map<string, PollRecord[]>();
  for (const p of own) {
    const key = `${p.country.iso2}|${p.pollster}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const series: TimeSeries[] = [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([key, list]) => {
      list.sort((a, b) => a.fieldworkEnd.getTime() - b.fieldworkEnd.getTime() || a.slug.localeCompare(b.slug));
      const points = list.map((p) => ({
        slug: p.slug,
        x: round(x(p.fieldworkEnd)),
        y: round(y(p.support!)),
        value: p.support!,
        date: p.fieldworkEnd,
        precision: p.fieldworkPrecision,
      }));
      const segments = points.slice(1).map((pt, i) => ({ x1: points[i].x, y1: points[i].y, x2: pt.x, y2: pt.y }));
      const last = points[points.length - 1];
      return {
        key,
        iso2: list[0].country.iso2,
        pollster: list[0].pollster,
        colour: colourOf(list[0].country.iso2),
        points,
        segments,
        label: { text: `${list[0].country.iso2} ${formatPercent(last.value)}`, x: last.x, y: last.y },
      };
    });
  dodgeLabels(series.map((s) => s.label));

  const ticks = x.ticks(5);
  // FT-style axis: the year at January, otherwise the month alone ("2025 Apr Jul Oct 2026").
  const xTicks = ticks.map((t, i) => ({
    x: round(x(t)),
    label: t.getUTCMonth() === 0 ? String(t.getUTCFullYear()) : i === 0 ? formatDate(t, "MONTH") : MONTHS[t.getUTCMonth()],
  }));
  const yTicks = [0, 25, 50, 75, 100].map((v) => ({ y: round(y(v)), label: `${v}%` }));
  return { wordingClass, height: TIME.height, plot: { top: TIME.top, bottom: TIME.bottom, left: TIME.left, right: TIME.right }, series, xTicks, yTicks };
}

/**
 * Pushes apart labels that share (nearly) the same x so that none overlap vertically: labels
 * within 12 percentage points of x form a column, sorted by y, then spaced at least `gap` px.
 */
export function dodgeLabels(labels: { x: number; y: number }[], gap = TIME.labelGap): void {
  const sorted = [...labels].sort((a, b) => a.x - b.x);
  const columns: { x: number; y: number }[][] = [];
  for (const l of sorted) {
    const col = columns.find((c) => Math.abs(c[0].x - l.x) < 12);
    if (col) col.push(l);
    else columns.push([l]);
  }
  for (const col of columns) {
    // One column reads as a list: every label starts right of the column's rightmost point.
    const right = Math.max(...col.map((l) => l.x));
    for (const l of col) l.x = right;
    col.sort((a, b) => a.y - b.y);
    for (let i = 1; i < col.length; i++) if (col[i].y - col[i - 1].y < gap) col[i].y = col[i - 1].y + gap;
    // If pushed past the bottom, shift the whole column up.
    const overflow = col[col.length - 1].y - (TIME.height - 4);
    if (overflow > 0) for (const l of col) l.y -= overflow;
    for (let i = col.length - 2; i >= 0; i--) if (col[i + 1].y - col[i].y < gap) col[i].y = col[i + 1].y - gap;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
function round(v: number): number {
  return Math.round(v * 100) / 100;
}
