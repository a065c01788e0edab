// The overview's lead chart: how many actors (countries and organisations) stood at each strongest
// lifecycle stage, month by month. Pure (no React, no database): dated stages → monthly counts
// (the transform) → placed text, bars and marks per width class (the layouts). Refusals are
// counted apart from the stages of support and drawn below the baseline, never in the stack.
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { STAGE } from "@/lib/i18n/labels";
import { OVERVIEW, actorCount } from "@/lib/i18n/messages/overview";
import { fill } from "@/lib/i18n/messages/map";
import { formatDate } from "@/lib/format";
import { STAGE_ORDER, stageAsOf, type DatedStage } from "@/lib/lifecycle";
import { measure } from "@/lib/embed/layout/measure";
import { strongestStage } from "./europe-map";
import type { Box, Geometry, TextBox } from "./legibility";
import { WIDTH, type WidthClass } from "./width";

// ---------------------------------------------------------------- transform

/** The stages of support, weakest first (refusals are counted apart). */
export const SUPPORT_STAGES: readonly LifecycleStage[] = STAGE_ORDER.filter((s) => s !== "RULED_OUT" && s !== "WITHDRAWN");

/** One dated stage of one commitment of one actor. */
export type StageRow = { actor: string; commitment: string; stage: LifecycleStage; date: Date };
/** A summit to mark on the time axis. */
export type SummitRow = { slug: string; title: string; date: Date; location: string | null };

export type MonthCount = {
  /** "2025-03" */
  month: string;
  /** The date counted on (YYYY-MM-DD): the month's last day, or the as-of date in its month. */
  on: string;
  /** Actors by strongest stage of support, in SUPPORT_STAGES order. */
  stages: number[];
  /** Actors with a commitment of support (the sum of `stages`). */
  support: number;
  /** Actors whose only live positions are refusals (ruled out or withdrawn). */
  refusalOnly: number;
  /** Actors counted in `stages` who also ruled something out. */
  alsoRefused: number;
};
/** `label`: the place, or null when none is recorded (the layout then shows the day). */
export type SeriesSummit = { slug: string; title: string; date: string; label: string | null };
/** What the chart shows: plain JSON (it is cached and frozen in embed snapshots as is). */
export type StageSeries = { asOf: string; months: MonthCount[]; summits: SeriesSummit[] };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => iso(d).slice(0, 7);
const endOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 1) - 1);

/** A summit's short label: the first part of its place ("London, Lancaster House" → "London"). */
export function summitLabel(s: Pick<SummitRow, "location" | "date">, lang: Lang = "en"): string {
  const place = s.location?.split(",")[0].trim();
  if (!place) return `${s.date.getUTCDate()} ${OVERVIEW.monthsShort[lang][s.date.getUTCMonth()]}`;
  return place.length > 14 ? `${place.slice(0, 13)}…` : place;
}

/**
 * Monthly counts of actors by strongest stage (the map's rule: lib/charts/europe-map.ts
 * `strongestStage` over each commitment's stage in force, lib/lifecycle.ts `stageAsOf`), from the
 * month of the first recorded stage to the month of `asOf`; stages after `asOf` are ignored.
 */
export function buildStageSeries(rows: readonly StageRow[], summits: readonly SummitRow[], asOf: Date): StageSeries {
  const commitments = new Map<string, { actor: string; stages: DatedStage[] }>();
  let first: Date | null = null;
  for (const r of rows) {
    if (r.date.getTime() > asOf.getTime()) continue;
    const c = commitments.get(r.commitment) ?? { actor: r.actor, stages: [] };
    c.stages.push({ stage: r.stage, date: r.date });
    commitments.set(r.commitment, c);
    if (!first || r.date < first) first = r.date;
  }
  const months: MonthCount[] = [];
  if (first) {
    const cuts: Date[] = [];
    let y = first.getUTCFullYear();
    let m = first.getUTCMonth();
    const last = monthKey(asOf);
    for (;;) {
      const end = endOfMonth(y, m);
      cuts.push(end.getTime() > asOf.getTime() ? asOf : end);
      if (monthKey(end) >= last) break;
      m++;
      if (m === 12) [y, m] = [y + 1, 0];
    }
    months.push(...countMonths(commitments, cuts, first));
  }
  const from = months[0]?.month ?? "9999";
  return {
    asOf: iso(asOf),
    months,
    summits: summits
      .filter((s) => s.date.getTime() <= asOf.getTime() && monthKey(s.date) >= from)
      .sort((a, b) => a.date.getTime() - b.date.getTime())
      .map((s) => ({ slug: s.slug, title: s.title, date: iso(s.date), label: s.location ? summitLabel(s) : null })),
  };
}

/**
 * Counts per month. A commitment's stage in force (stageAsOf) can only change in a month that has
 * one of its stage dates, so it is looked up there and carried forward; each actor's stages in a
 * month are kept as a set (a bit mask), which is all strongestStage depends on.
 */
function countMonths(commitments: Map<string, { actor: string; stages: DatedStage[] }>, cuts: Date[], first: Date): MonthCount[] {
  const n = cuts.length;
  const monthOf = (d: Date) => (d.getUTCFullYear() - first.getUTCFullYear()) * 12 + d.getUTCMonth() - first.getUTCMonth();
  const masks = new Map<string, Uint8Array>();
  const changes = new Uint8Array(n);
  for (const c of commitments.values()) {
    changes.fill(0);
    let from = n;
    for (const s of c.stages) {
      const i = monthOf(s.date);
      changes[i] = 1;
      from = Math.min(from, i);
    }
    let mask = masks.get(c.actor);
    if (!mask) masks.set(c.actor, (mask = new Uint8Array(n)));
    let bit = 0;
    for (let i = from; i < n; i++) {
      if (changes[i]) {
        const s = stageAsOf(c.stages, cuts[i]);
        bit = s ? 1 << STAGE_ORDER.indexOf(s) : 0;
      }
      mask[i] |= bit;
    }
  }
  const strongest = new Map<number, ReturnType<typeof strongestStage>>();
  const months: MonthCount[] = cuts.map((on) => ({ month: monthKey(on), on: iso(on), stages: SUPPORT_STAGES.map(() => 0), support: 0, refusalOnly: 0, alsoRefused: 0 }));
  for (const mask of masks.values()) {
    for (let i = 0; i < n; i++) {
      if (!mask[i]) continue;
      let s = strongest.get(mask[i]);
      if (!s) strongest.set(mask[i], (s = strongestStage(STAGE_ORDER.filter((_, j) => mask[i] & (1 << j)))));
      const m = months[i];
      if (!s.stage) continue;
      if (s.refusalOnly) m.refusalOnly++;
      else {
        m.stages[SUPPORT_STAGES.indexOf(s.stage)]++;
        m.support++;
        if (s.alsoRefused) m.alsoRefused++;
      }
    }
  }
  return months;
}

/** CSV/JSON columns of the chart's download: one row per month. */
export const SERIES_COLUMNS = [
  "month",
  "counted_on",
  ...SUPPORT_STAGES.map((s) => s.toLowerCase()),
  "with_commitment",
  "refusal_only",
  "also_ruled_out",
] as const;

/** Download rows: one per month, counts by stage. */
export function seriesRows(s: StageSeries): Record<(typeof SERIES_COLUMNS)[number], string | number>[] {
  return s.months.map((m) => ({
    month: m.month,
    counted_on: m.on,
    ...Object.fromEntries(SUPPORT_STAGES.map((st, i) => [st.toLowerCase(), m.stages[i]])),
    with_commitment: m.support,
    refusal_only: m.refusalOnly,
    also_ruled_out: m.alsoRefused,
  })) as Record<(typeof SERIES_COLUMNS)[number], string | number>[];
}

// ---------------------------------------------------------------- layout

export type OvText = { x: number; y: number; text: string; size: number; bold?: boolean; anchor: "start" | "middle" | "end"; cls?: string; title?: string };
export type OvRect = { x: number; y: number; w: number; h: number; cls: string };
export type OvLine = { x1: number; y1: number; x2: number; y2: number; cls: string };
export type OvBar = { title: string; segments: OvRect[] };
export type PlacedOverview = {
  width: number;
  height: number;
  form: "bars" | "today" | "empty";
  /** Month bars (a <title> each with the month's counts in words). */
  bars: OvBar[];
  /** Swatches, the today bar and other filled shapes. */
  rects: OvRect[];
  lines: OvLine[];
  texts: OvText[];
  /** Key summits: diamond centres with the summit's title. */
  summits: { x: number; y: number; title: string }[];
  /** The narrow form's sparkline of the total (an area path) and its box. */
  spark: { d: string; line: string; box: Box } | null;
};

/** Fill class of a stage of support (s0…s5, the stage's index in STAGE_ORDER); refusals: "rf". */
export const stageClass = (s: LifecycleStage) => `s${STAGE_ORDER.indexOf(s)}`;

const SIZE = 12;
const D = 4.5; // half-diagonal of a summit diamond

/** The box a text run takes (generous: measure() over-estimates, line box about 1.2 em). */
export function textBox(t: OvText): TextBox {
  const w = measure(t.text, t.size, t.bold);
  const x0 = t.anchor === "start" ? t.x : t.anchor === "end" ? t.x - w : t.x - w / 2;
  return { x0, x1: x0 + w, y0: t.y - 0.92 * t.size, y1: t.y + 0.28 * t.size, size: t.size, text: t.text };
}

/** What the legibility check reads from a placed chart: every text box and every mark. */
export function overviewGeometry(p: PlacedOverview): Geometry {
  const marks: Box[] = [
    ...p.bars.flatMap((b) => b.segments),
    ...p.rects,
  ].map((r) => ({ x0: r.x, y0: r.y, x1: r.x + r.w, y1: r.y + r.h }));
  for (const s of p.summits) marks.push({ x0: s.x - D, y0: s.y - D, x1: s.x + D, y1: s.y + D });
  if (p.spark) marks.push(p.spark.box);
  return { width: p.width, height: p.height, texts: p.texts.map(textBox), marks };
}

const overlaps = (a: TextBox, b: TextBox, gap = 0) => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 && b.y0 < a.y1;

function monthLabel(month: string, lang: Lang): { m: string; y: string } {
  const [y, m] = month.split("-");
  return { m: OVERVIEW.monthsShort[lang][Number(m) - 1], y };
}

/** A nice axis maximum and step (1, 2, 5 × 10ⁿ) for counts up to `max`, with at most 5 steps. */
export function niceScale(max: number): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  for (let p = 1; ; p *= 10) {
    for (const f of [1, 2, 5]) {
      const step = f * p;
      const top = Math.ceil(max / step) * step;
      if (top / step <= 5) return { max: top, step };
    }
  }
}

function titleOf(m: MonthCount, lang: Lang): string {
  const parts = SUPPORT_STAGES.flatMap((s, i) => (m.stages[i] ? [`${STAGE[s][lang]}: ${m.stages[i]}`] : []));
  const head = `${formatDate(new Date(`${m.on}T00:00:00Z`), "DAY", lang)} — ${actorCount(m.support, lang)}`;
  const refusal = m.refusalOnly ? `; ${OVERVIEW.chart.refusalOnly[lang]}: ${m.refusalOnly}` : "";
  return `${head}${parts.length ? ` (${parts.join(", ")})` : ""}${refusal}`;
}

/** The chart laid out for a width class: monthly stacked bars (wide, medium) or today's stack (narrow). */
export function layoutOverview(series: StageSeries, w: WidthClass, lang: Lang): PlacedOverview {
  const W = WIDTH[w].design;
  if (!series.months.length) return layoutEmpty(series, W, lang);
  return w === "narrow" ? layoutToday(series, W, lang) : layoutBars(series, w, W, lang);
}

/** Words of `text` in lines no wider than `width` at `size` px. */
export function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const line = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
    if (lines.length && measure(line, size) <= width) lines[lines.length - 1] = line;
    else lines.push(word);
  }
  return lines;
}

function layoutEmpty(series: StageSeries, W: number, lang: Lang): PlacedOverview {
  const date = formatDate(new Date(`${series.asOf}T00:00:00Z`), "DAY", lang);
  const lines = wrap(fill(OVERVIEW.chart.none[lang], { date }), W, SIZE);
  const boxY = 8 + lines.length * 16;
  return {
    width: W,
    height: boxY + 26,
    form: "empty",
    bars: [],
    rects: [{ x: 0, y: boxY, w: W, h: 22, cls: "em" }],
    lines: [],
    texts: lines.map((text, i) => ({ x: 0, y: 14 + i * 16, text, size: SIZE, anchor: "start" as const })),
    summits: [],
    spark: null,
  };
}

/** The key's entries: each stage of support, then refusals, with the latest month's counts. */
function keyEntries(last: MonthCount, lang: Lang) {
  return [
    ...SUPPORT_STAGES.map((s, i) => ({ cls: stageClass(s), n: last.stages[i], label: STAGE[s][lang] })),
    { cls: "rf", n: last.refusalOnly, label: OVERVIEW.chart.refusalOnly[lang] },
  ];
}

function layoutBars(series: StageSeries, w: "medium" | "wide", W: number, lang: Lang): PlacedOverview {
  const wide = w === "wide";
  const months = series.months;
  const last = months[months.length - 1];
  const texts: OvText[] = [];
  const rects: OvRect[] = [];
  const lines: OvLine[] = [];
  const entries = keyEntries(last, lang);
  const heading = `${formatDate(new Date(`${last.on}T00:00:00Z`), "DAY", lang)} · ${actorCount(last.support, lang)}`;
  // 10 % beyond the estimate: the widest fallback fonts (DejaVu Sans) run past measure().
  const entryW = (e: (typeof entries)[number]) => 15 + 1.1 * measure(`${e.n} ${e.label}`, SIZE);
  const hasRefusals = months.some((m) => m.refusalOnly > 0);
  const shown = entries.filter((e) => e.cls !== "rf" || hasRefusals);

  // Key: beside the plot (wide, as direct labels at the last bar) or a two-column grid above it.
  const keyW = wide ? Math.min(250, Math.max(1.1 * measure(heading, SIZE, true), ...shown.map(entryW)) + 4) : 0;
  let top = 0;
  if (!wide) {
    texts.push({ x: 0, y: 14, text: heading, size: SIZE, bold: true, anchor: "start" });
    const colW = W / 2;
    shown.forEach((e, i) => {
      const x = (i % 2) * colW;
      const y = 34 + Math.floor(i / 2) * 18;
      rects.push({ x, y: y - 10, w: 10, h: 10, cls: e.cls });
      texts.push({ x: x + 15, y, text: `${e.n} ${e.label}`, size: SIZE, anchor: "start", title: e.label });
    });
    top = 34 + Math.ceil(shown.length / 2) * 18;
  }

  // The top line: what the axis counts, and the summit key.
  const capY = top + 14;
  texts.push({ x: 0, y: capY, text: OVERVIEW.chart.axis[lang], size: SIZE, anchor: "start", cls: "mu" });
  if (series.summits.length) {
    const kx = measure(OVERVIEW.chart.axis[lang], SIZE) + 22;
    rects.push({ x: kx - D, y: capY - 4 - D, w: 2 * D, h: 2 * D, cls: "skey" });
    texts.push({ x: kx + 9, y: capY, text: OVERVIEW.chart.summit[lang], size: SIZE, anchor: "start", cls: "mu" });
  }
  const plotTop = capY + 16;

  const maxSupport = Math.max(...months.map((m) => m.support));
  const maxRefusal = Math.max(...months.map((m) => m.refusalOnly));
  const scale = niceScale(maxSupport);
  const ticks: number[] = [];
  for (let v = 0; v <= scale.max; v += scale.step) ticks.push(v);
  const tickW = Math.max(...ticks.map((t) => measure(String(t), SIZE)));
  const x0 = Math.ceil(tickW) + 8;
  const x1 = W - (wide ? keyW + 26 : 2);
  const plotH = wide ? 220 : 170;
  const k = plotH / scale.max;
  const base = plotTop + plotH;
  const band = (x1 - x0) / months.length;
  const bw = Math.max(3, Math.min(band * 0.72, 40));
  const barX = (i: number) => x0 + i * band + (band - bw) / 2;

  for (const t of ticks) {
    const y = base - t * k;
    lines.push({ x1: x0, y1: y, x2: x1, y2: y, cls: t === 0 ? "ax" : "gr" });
    texts.push({ x: x0 - 6, y: y + 4, text: String(t), size: SIZE, anchor: "end", cls: "mu" });
  }

  const refTop = base + 3;
  const bars: OvBar[] = months.map((m, i) => {
    const segments: OvRect[] = [];
    let y = base;
    // Strongest at the baseline, weaker stages above it.
    for (let j = SUPPORT_STAGES.length - 1; j >= 0; j--) {
      if (!m.stages[j]) continue;
      const h = m.stages[j] * k;
      y -= h;
      segments.push({ x: barX(i), y, w: bw, h, cls: stageClass(SUPPORT_STAGES[j]) });
    }
    if (m.refusalOnly) segments.push({ x: barX(i), y: refTop, w: bw, h: m.refusalOnly * k, cls: "rf" });
    return { title: titleOf(m, lang), segments };
  });
  const refBottom = refTop + maxRefusal * k;

  // Month labels: every k-th month, k dividing 12 so that January is always labelled.
  const labelW = Math.max(...OVERVIEW.monthsShort[lang].map((m) => measure(m, SIZE)), measure("2026", SIZE)) + 8;
  const every = [1, 2, 3, 4, 6, 12].find((n) => n * band >= labelW) ?? 12;
  const mY = refBottom + 16;
  let yearShown = false;
  months.forEach((m, i) => {
    const l = monthLabel(m.month, lang);
    if ((Number(m.month.slice(5)) - 1) % every !== 0) return;
    const cx = x0 + (i + 0.5) * band;
    texts.push({ x: cx, y: mY, text: l.m, size: SIZE, anchor: "middle", cls: "mu" });
    if (!yearShown || l.m === OVERVIEW.monthsShort[lang][0]) {
      texts.push({ x: cx, y: mY + 15, text: l.y, size: SIZE, anchor: "middle", cls: "mu" });
      yearShown = true;
    }
    lines.push({ x1: cx, y1: refBottom + 1, x2: cx, y2: refBottom + 4, cls: "ax" });
  });
  let bottom = mY + 15 + 4;

  // Key summits on the time axis: a diamond each (unless it would touch the previous one) and a
  // label where it fits in one of the label rows without overlapping another.
  const summits: PlacedOverview["summits"] = [];
  if (series.summits.length) {
    const sy = bottom + 8;
    const rows: TextBox[][] = wide ? [[], []] : [[]];
    const firstMonth = months[0].month;
    for (const s of series.summits) {
      const d = new Date(`${s.date}T00:00:00Z`);
      const i = (d.getUTCFullYear() - Number(firstMonth.slice(0, 4))) * 12 + d.getUTCMonth() - (Number(firstMonth.slice(5)) - 1);
      const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      const x = x0 + (i + (d.getUTCDate() - 0.5) / days) * band;
      if (summits.length && x - summits[summits.length - 1].x < 2 * D + 2) continue;
      const date = formatDate(d, "DAY", lang);
      summits.push({ x, y: sy, title: `${date}: ${s.title}` });
      lines.push({ x1: x, y1: plotTop, x2: x, y2: sy - D - 1, cls: "sg" });
      const label = s.label ?? summitLabel({ location: null, date: d }, lang);
      for (let r = 0; r < rows.length; r++) {
        const half = measure(label, SIZE) / 2;
        const t: OvText = { x: Math.min(Math.max(x, half), W - half), y: sy + 18 + r * 15, text: label, size: SIZE, anchor: "middle", title: `${date}: ${s.title}` };
        const b = textBox(t);
        if (rows[r].some((o) => overlaps(o, b, 8))) continue;
        rows[r].push(b);
        texts.push(t);
        break;
      }
    }
    const used = rows.filter((r) => r.length > 0).length;
    bottom = used ? sy + 18 + (used - 1) * 15 + 5 : sy + D + 4;
  }

  // Wide: the key as direct labels beside the last bar, each at its segment, spread apart with
  // leader lines where segments are thinner than a line of text.
  if (wide) {
    const kx = x1 + 22;
    texts.push({ x: kx, y: plotTop - 6, text: heading, size: SIZE, bold: true, anchor: "start" });
    const lastBar = bars[bars.length - 1];
    const barRight = barX(months.length - 1) + bw;
    const want = shown.map((e) => {
      if (e.cls === "rf") return last.refusalOnly ? refTop + (last.refusalOnly * k) / 2 : refTop + 4;
      const seg = lastBar.segments.find((s) => s.cls === e.cls);
      if (seg) return seg.y + seg.h / 2;
      // A stage with no actor: where its segment would start (the top of the stronger ones).
      const j = SUPPORT_STAGES.findIndex((s) => stageClass(s) === e.cls);
      const stronger = last.stages.slice(j + 1).reduce((a, b) => a + b, 0);
      return base - stronger * k;
    });
    const pitch = 17;
    const ys = want.map((y) => y + 4);
    const first = plotTop - 6 + pitch;
    ys[0] = Math.max(ys[0], first);
    for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i], ys[i - 1] + pitch);
    // Support entries stay above the baseline when they can; refusals below it.
    const support = shown.filter((e) => e.cls !== "rf").length;
    if (ys[support - 1] > base) {
      ys[support - 1] = base;
      for (let i = support - 2; i >= 0; i--) ys[i] = Math.min(ys[i], ys[i + 1] - pitch);
      // Too many to fit above the baseline: keep them in order below the heading instead.
      ys[0] = Math.max(ys[0], first);
      for (let i = 1; i < support; i++) ys[i] = Math.max(ys[i], ys[i - 1] + pitch);
    }
    for (let i = support; i < ys.length; i++) ys[i] = Math.max(want[i] + 4, ys[i - 1] + pitch);
    shown.forEach((e, i) => {
      rects.push({ x: kx, y: ys[i] - 10, w: 10, h: 10, cls: e.cls });
      texts.push({ x: kx + 15, y: ys[i], text: `${e.n} ${e.label}`, size: SIZE, anchor: "start", title: e.label });
      lines.push({ x1: barRight + 2, y1: want[i], x2: kx - 4, y2: ys[i] - 5, cls: "ld" });
    });
    bottom = Math.max(bottom, ys[ys.length - 1] + 6);
  }

  return { width: W, height: Math.ceil(bottom), form: "bars", bars, rects, lines, texts, summits, spark: null };
}

function layoutToday(series: StageSeries, W: number, lang: Lang): PlacedOverview {
  const months = series.months;
  const last = months[months.length - 1];
  const texts: OvText[] = [];
  const rects: OvRect[] = [];
  const lines: OvLine[] = [];
  const date = formatDate(new Date(`${last.on}T00:00:00Z`), "DAY", lang);
  texts.push({ x: 0, y: 15, text: `${date} · ${actorCount(last.support, lang)}`, size: 13, bold: true, anchor: "start" });

  // Today's stack as one horizontal bar, weakest to strongest, numbers inside where they fit.
  const barY = 24;
  const barH = 26;
  let x = 0;
  SUPPORT_STAGES.forEach((s, i) => {
    const n = last.stages[i];
    if (!n) return;
    const w = (n / Math.max(1, last.support)) * W;
    rects.push({ x, y: barY, w, h: barH, cls: stageClass(s) });
    if (measure(String(n), SIZE, true) + 6 <= w) texts.push({ x: x + w / 2, y: barY + 17, text: String(n), size: SIZE, bold: true, anchor: "middle", cls: "in" });
    x += w;
  });
  if (!last.support) rects.push({ x: 0, y: barY, w: W, h: barH, cls: "em" });

  // The stage grid: every stage with its count, refusals apart under a rule.
  let y = barY + barH + 22;
  keyEntries(last, lang).forEach((e) => {
    if (e.cls === "rf") {
      lines.push({ x1: 0, y1: y - 13, x2: W, y2: y - 13, cls: "gr" });
      y += 6;
    }
    rects.push({ x: 0, y: y - 10, w: 11, h: 11, cls: e.cls });
    texts.push({ x: 17, y, text: e.label, size: SIZE, anchor: "start" });
    texts.push({ x: W, y, text: String(e.n), size: SIZE, bold: true, anchor: "end" });
    y += 19;
  });

  // A sparkline of the total with a commitment, first month to the as-of date.
  y += 4;
  texts.push({ x: 0, y, text: OVERVIEW.chart.total[lang], size: SIZE, anchor: "start", cls: "mu" });
  const sTop = y + 8;
  const sH = 40;
  const max = Math.max(1, ...months.map((m) => m.support));
  const step = months.length > 1 ? W / (months.length - 1) : 0;
  const pts = months.map((m, i) => [months.length > 1 ? i * step : W / 2, sTop + sH - (m.support / max) * sH] as const);
  const line = pts.map(([px, py], i) => `${i ? "L" : "M"}${px.toFixed(1)} ${py.toFixed(1)}`).join("");
  const d = `${line}L${pts[pts.length - 1][0].toFixed(1)} ${sTop + sH}L${pts[0][0].toFixed(1)} ${sTop + sH}Z`;
  const first = monthLabel(months[0].month, lang);
  const end = monthLabel(last.month, lang);
  const ly = sTop + sH + 16;
  texts.push({ x: 0, y: ly, text: `${first.m} ${first.y}`, size: SIZE, anchor: "start", cls: "mu" });
  texts.push({ x: W, y: ly, text: `${end.m} ${end.y}`, size: SIZE, anchor: "end", cls: "mu" });
  return {
    width: W,
    height: ly + 5,
    form: "today",
    bars: [],
    rects,
    lines,
    texts,
    summits: [],
    spark: { d, line, box: { x0: 0, y0: sTop, x1: W, y1: sTop + sH } },
  };
}
