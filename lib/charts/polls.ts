// Polls view: download rows, aggregation and chart layouts per width class. Pure (no React, no database).
// Rule (DESIGN.md): polls of different wording classes are never averaged or drawn as one
// series; within a class each poll is its own point, and a line only joins one pollster's
// polls in one country.
import { scaleUtc } from "d3-scale";
import type { DatePrecision, PollMode, WordingClass } from "@/lib/generated/prisma/enums";
import { WordingClass as WordingClassEnum } from "@/lib/generated/prisma/enums";
import { formatDate, isoDay } from "@/lib/format";
import { WIDTH, type WidthClass } from "./width";
import type { Box, Geometry, TextBox } from "./legibility";
import { measure } from "@/lib/embed/layout/measure";

export const WORDING_CLASSES = Object.values(WordingClassEnum) as [WordingClass, ...WordingClass[]];

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
export function classesWithData(polls: readonly Pick<PollRecord, "wordingClass">[]): WordingClass[] {
  return WORDING_CLASSES.filter((c) => polls.some((p) => p.wordingClass === c));
}

/** Stable country order for colours and rows: by name. */
export function countryOrder(polls: readonly Pick<PollRecord, "country">[]): string[] {
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

// ---------------------------------------------------------------- aggregation (dense data)

/** The lean fields of a poll that the chart draws (no question, no sources). */
export type PollPoint = Pick<
  PollRecord,
  "slug" | "pollster" | "fieldworkStart" | "fieldworkEnd" | "fieldworkPrecision" | "wordingClass" | "support" | "oppose" | "dontKnow" | "country"
>;

/** Most rows one class's chart draws; beyond it the chart aggregates further (see chartSections). */
export const CHART_ROWS_MAX = 40;

/**
 * How a class's chart chose its rows: every poll; the latest of each pollster in each country;
 * or, when even that is more than CHART_ROWS_MAX rows, the latest poll in each country.
 */
export type SectionMode = "all" | "latestPerPollster" | "latestPerCountry";
export type SectionData = {
  wordingClass: WordingClass;
  /** Polls and pollsters matching the filters in this class. */
  polls: number;
  pollsters: number;
  mode: SectionMode;
  /** The drawn polls, in drawing order. */
  slugs: string[];
  /** Countries left out because even one row per country is too many (newest kept). */
  hidden: number;
  /** Pollster-and-country series in the class (the rows of "latest per pollster"). */
  series: number;
};

const newestFirst = (a: PollPoint, b: PollPoint) => b.fieldworkEnd.getTime() - a.fieldworkEnd.getTime() || a.slug.localeCompare(b.slug);

/**
 * The rows each wording class's chart draws, from the latest poll of each pollster in each
 * country (`latest`) and the counts of all matching polls: classes in canonical order, never
 * pooled; rows grouped by country, countries by the support in their newest poll, newest first.
 */
export function chartSections(latest: readonly PollPoint[], perClass: readonly { wordingClass: WordingClass; polls: number; pollsters: number }[]): SectionData[] {
  const out: SectionData[] = [];
  for (const wc of WORDING_CLASSES) {
    const count = perClass.find((c) => c.wordingClass === wc);
    if (!count || count.polls === 0) continue;
    let rows = latest.filter((p) => p.wordingClass === wc);
    const series = rows.length;
    let mode: SectionMode = rows.length === count.polls ? "all" : "latestPerPollster";
    if (rows.length > CHART_ROWS_MAX) {
      const byCountry = new Map<string, PollPoint>();
      for (const p of [...rows].sort(newestFirst)) if (!byCountry.has(p.country.iso2)) byCountry.set(p.country.iso2, p);
      rows = [...byCountry.values()];
      mode = "latestPerCountry";
    }
    let hidden = 0;
    if (rows.length > CHART_ROWS_MAX) {
      hidden = rows.length - CHART_ROWS_MAX;
      rows = [...rows].sort(newestFirst).slice(0, CHART_ROWS_MAX);
    }
    out.push({ wordingClass: wc, polls: count.polls, pollsters: count.pollsters, mode, slugs: orderRows(rows).map((p) => p.slug), hidden, series });
  }
  return out;
}

/** Drawing order within a class: countries by the support in their newest poll, each newest first. */
export function orderRows<T extends PollPoint>(polls: readonly T[]): T[] {
  const byCountry = new Map<string, T[]>();
  for (const p of polls) byCountry.set(p.country.iso2, [...(byCountry.get(p.country.iso2) ?? []), p]);
  for (const list of byCountry.values()) list.sort(newestFirst);
  const head = (iso: string) => byCountry.get(iso)![0];
  const order = [...byCountry.keys()].sort(
    (a, b) => (head(b).support ?? -1) - (head(a).support ?? -1) || head(a).country.name.localeCompare(head(b).country.name),
  );
  return order.flatMap((iso) => byCountry.get(iso)!);
}

// ---------------------------------------------------------------- layouts (one per width class)

/** One drawn poll: display strings made by the view (language, country names). */
export type RowInput = {
  slug: string;
  iso2: string;
  country: string;
  pollster: string;
  fieldwork: string;
  support: number | null;
  oppose: number | null;
  dontKnow: number | null;
  /** Accessible name of the row's link: every figure in words. */
  name: string;
};
export type SectionInput = { wordingClass: WordingClass; title: string; note: string; rows: RowInput[] };
export type PollsLabels = { support: string; oppose: string; dontKnow: string; notPublished: string; empty: string };

/** Drawing classes, styled by the renderer: text ink, muted, heading, bold, tick; bars support, oppose, don't know, unpublished; rules. */
export type TextClass = "t" | "mu" | "hd" | "b" | "tk";
export type PText = { x: number; y: number; text: string; size: number; bold?: boolean; anchor?: "start" | "middle" | "end"; cls: TextClass; title?: string };
export type PRect = { x: number; y: number; w: number; h: number; cls: "su" | "op" | "dk" | "na" };
export type PLine = { x1: number; y1: number; x2: number; y2: number; cls: "gr" };
export type PlacedRow = { slug: string; name: string; y0: number; y1: number; texts: PText[]; rects: PRect[]; lines: PLine[] };
export type PlacedSection = { wordingClass: WordingClass; texts: PText[]; lines: PLine[]; rows: PlacedRow[] };
export type PollsLayout = { width: number; height: number; sections: PlacedSection[] };

const BODY = 12;
const HEAD = 13;
const LINE = 16;
const HEAD_LINE = 17;

// Browsers' fallback sans fonts (DejaVu Sans on Linux) run wider than measure()'s estimate:
// lines are filled to this share of their width only.
const FILL = 0.88;

/** Word-wraps `text` into lines of at most `width` px; the last of `max` lines ends in "…" if cut. */
export function wrapText(text: string, fullWidth: number, size: number, bold = false, max = 3): { lines: string[]; cut: boolean } {
  const width = fullWidth * FILL;
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  const widths: number[] = [];
  // Widths add up word by word (measure() is a sum over characters), so each word is measured once.
  const space = measure(" ", size, bold);
  let line = "";
  let lineW = 0;
  for (const w of words) {
    const ww = measure(w, size, bold);
    if (!line) {
      line = w;
      lineW = ww;
    } else if (lineW + space + ww <= width) {
      line = `${line} ${w}`;
      lineW += space + ww;
    } else {
      lines.push(line);
      widths.push(lineW);
      line = w;
      lineW = ww;
    }
  }
  if (line) {
    lines.push(line);
    widths.push(lineW);
  }
  // A single word wider than the line is cut too.
  const fit = (s: string, i: number) => {
    if (widths[i] <= width) return s;
    let t = s;
    while (t.length > 1 && measure(`${t}…`, size, bold) > width) t = t.slice(0, -1);
    return t === s ? s : `${t.trimEnd()}…`;
  };
  if (lines.length <= max) {
    const fitted = lines.map(fit);
    return { lines: fitted, cut: fitted.some((l, i) => l !== lines[i]) };
  }
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1]} ${lines[max]}`;
  while (last.length > 1 && measure(`${last}…`, size, bold) > width) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}…`;
  return { lines: kept.map(fit), cut: true };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Text lines placed from a top edge: baselines at `top + 0.8 × line height`, each `lh` apart. */
function placeLines(lines: string[], x: number, top: number, o: Omit<PText, "x" | "y" | "text">, lh = LINE, title?: string): PText[] {
  return lines.map((text, i) => ({ ...o, x, y: r1(top + i * lh + o.size + (lh - o.size) / 2 - 1), text, ...(title ? { title } : {}) }));
}

function heading(s: SectionInput, y: number, width: number): { texts: PText[]; bottom: number } {
  const h = wrapText(s.title, width, HEAD, true, 3);
  const texts = placeLines(h.lines, 0, y, { size: HEAD, bold: true, cls: "hd" }, HEAD_LINE, h.cut ? s.title : undefined);
  let bottom = y + h.lines.length * HEAD_LINE;
  if (s.note) {
    const n = wrapText(s.note, width, BODY, false, 3);
    texts.push(...placeLines(n.lines, 0, bottom, { size: BODY, cls: "mu" }, LINE, n.cut ? s.note : undefined));
    bottom += n.lines.length * LINE;
  }
  return { texts, bottom };
}

/** "Support 52% · Oppose 27% · Don’t know 20%" (unpublished figures say so). */
function figures(r: RowInput, L: PollsLabels): string {
  const f = (v: number | null) => formatPercent(v) ?? L.notPublished;
  return `${L.support} ${f(r.support)} · ${L.oppose} ${f(r.oppose)} · ${L.dontKnow} ${f(r.dontKnow)}`;
}

/** A 100 % bar: support, oppose, don't know, and the unpublished rest, left to right. */
function stackedBar(r: RowInput, x: number, y: number, w: number, h: number): PRect[] {
  const rects: PRect[] = [];
  let at = x;
  for (const [v, cls] of [
    [r.support, "su"],
    [r.oppose, "op"],
    [r.dontKnow, "dk"],
  ] as const) {
    if (v === null || v <= 0) continue;
    const bw = r1((w * Math.min(100, v)) / 100);
    rects.push({ x: r1(at), y, w: Math.min(bw, r1(x + w - at)), h, cls });
    at += bw;
  }
  if (at < x + w - 0.5) rects.push({ x: r1(at), y, w: r1(x + w - at), h, cls: "na" });
  return rects;
}

/**
 * A row per poll — pollster · country · fieldwork on one line (wrapped if needed), a 100 % bar
 * of support, oppose and don't know (the unpublished rest left blank), and its figures as text
 * below it. Medium and wide put the country and pollster in a left column beside the bar.
 */
function layoutBars(sections: SectionInput[], width: number, L: PollsLabels, labelColumn: number): PollsLayout {
  const placed: PlacedSection[] = [];
  let y = 0;
  const twoColumn = labelColumn > 0;
  const labelW = twoColumn ? labelColumn : width;
  const barX = twoColumn ? labelW + 14 : 0;
  const barW = width - barX;
  for (const s of sections) {
    const h = heading(s, y, width);
    y = h.bottom + 6;
    const rows: PlacedRow[] = [];
    let prevIso = "";
    for (const r of s.rows) {
      const top = y;
      const texts: PText[] = [];
      let left = top;
      const lines: PLine[] = [];
      // Two columns: the country once, above its polls (rows are grouped by country), ruled off.
      if (twoColumn && r.iso2 !== prevIso) {
        if (prevIso) lines.push({ x1: 0, y1: top - 4, x2: width, y2: top - 4, cls: "gr" });
        const c = wrapText(r.country, labelW, BODY, true, 2);
        texts.push(...placeLines(c.lines, 0, left, { size: BODY, bold: true, cls: "b" }, LINE, c.cut ? r.country : undefined));
        left += c.lines.length * LINE;
      }
      prevIso = r.iso2;
      if (twoColumn) {
        const m = wrapText(`${r.pollster} · ${r.fieldwork}`, labelW, BODY, false, 2);
        texts.push(...placeLines(m.lines, 0, left, { size: BODY, cls: "mu" }, LINE, m.cut ? `${r.pollster} · ${r.fieldwork}` : undefined));
        left += m.lines.length * LINE;
      }
      let right = top;
      if (!twoColumn) {
        const meta = `${r.pollster} · ${r.country} · ${r.fieldwork}`;
        const m = wrapText(meta, width, BODY, false, 2);
        texts.push(...placeLines(m.lines, 0, right, { size: BODY, cls: "t" }, LINE, m.cut ? meta : undefined));
        right += m.lines.length * LINE;
      }
      const barY = right + 3;
      const rects = stackedBar(r, barX, barY, barW, 12);
      right = barY + 12 + 2;
      const f = wrapText(figures(r, L), barW, BODY, false, 5);
      texts.push(...placeLines(f.lines, barX, right, { size: BODY, cls: "mu" }, LINE));
      right += f.lines.length * LINE;
      const bottom = Math.max(left, right);
      rows.push({ slug: r.slug, name: r.name, y0: top, y1: bottom, texts, rects, lines });
      y = bottom + 8;
    }
    placed.push({ wordingClass: s.wordingClass, texts: h.texts, lines: [], rows });
    y += 12;
  }
  return finish(placed, width, y - 20, L);
}

function finish(sections: PlacedSection[], width: number, height: number, L: PollsLabels): PollsLayout {
  if (sections.length === 0) {
    // One line saying so, centred in a frame as tall as the line (no empty band).
    const { lines } = wrapText(L.empty, width, BODY, false, 3);
    const texts = lines.map((text, i): PText => ({ x: 0, y: 11.6 + i * LINE, text, size: BODY, cls: "t" }));
    return { width, height: LINE * lines.length, sections: [{ wordingClass: "GENERAL_SUPPORT", texts, lines: [], rows: [] }] };
  }
  return { width, height: Math.ceil(height + 2), sections };
}

/** The layout of the polls chart for one width class (design widths 320, 480, 880). */
export function layoutPolls(sections: SectionInput[], w: WidthClass, L: PollsLabels): PollsLayout {
  return layoutBars(sections, WIDTH[w].design, L, w === "narrow" ? 0 : w === "medium" ? 176 : 250);
}

/** Estimated box of a placed text (ascent 0.8 em, descent 0.2 em), for the legibility check. */
export function textBox(t: PText): TextBox {
  const w = measure(t.text, t.size, t.bold);
  const x0 = t.anchor === "middle" ? t.x - w / 2 : t.anchor === "end" ? t.x - w : t.x;
  return { x0, x1: x0 + w, y0: t.y - 0.8 * t.size, y1: t.y + 0.2 * t.size, size: t.size, text: t.text };
}

/** The geometry of a layout (text boxes and marks) for checkLegibility. */
export function pollsGeometry(l: PollsLayout): Geometry {
  const texts: TextBox[] = [];
  const marks: Box[] = [];
  for (const s of l.sections) {
    texts.push(...s.texts.map(textBox));
    for (const ln of s.lines) marks.push({ x0: Math.min(ln.x1, ln.x2), x1: Math.max(ln.x1, ln.x2), y0: Math.min(ln.y1, ln.y2) - 0.5, y1: Math.max(ln.y1, ln.y2) + 0.5 });
    for (const r of s.rows) {
      texts.push(...r.texts.map(textBox));
      marks.push(...r.rects.map((b) => ({ x0: b.x, x1: b.x + b.w, y0: b.y, y1: b.y + b.h })));
      for (const ln of r.lines) marks.push({ x0: Math.min(ln.x1, ln.x2), x1: Math.max(ln.x1, ln.x2), y0: ln.y1 - 0.5, y1: ln.y2 + 0.5 });
    }
  }
  return { width: l.width, height: l.height, texts, marks };
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
export function timeChart(wordingClass: WordingClass, polls: readonly PollPoint[], colourOf: (iso2: string) => number): TimeChart | null {
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

  const groups = new Map<string, PollPoint[]>();
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

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
