// The timeline chart, as pure data: events and lifecycle stages → items in lanes → placed items
// (x positions, stacked marks, month ticks, and labels placed so that no two ever overlap).
// No React and no database here: the page, the download route and (later) the embed share it.
import type { CommitmentKind, DatePrecision, EventKind, LifecycleStage } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { EVENT_KIND, KIND, STAGE } from "@/lib/i18n/labels";
import { STAGE_ORDER } from "@/lib/lifecycle";

// ---------------------------------------------------------------- items and lanes

export type LaneId = "summits" | "pledges" | "statements" | "votes";
/** An event kind, or PLEDGE for a change in a commitment's lifecycle. */
export type ItemKind = EventKind | "PLEDGE";

export const LANES: readonly { id: LaneId; kinds: readonly ItemKind[] }[] = [
  { id: "summits", kinds: ["SUMMIT", "MEETING", "DECLARATION"] },
  { id: "pledges", kinds: ["PLEDGE"] },
  { id: "statements", kinds: ["STATEMENT", "THREAT", "REJECTION", "REPORT"] },
  { id: "votes", kinds: ["VOTE"] },
] as const;
export const LANE_IDS = LANES.map((l) => l.id) as [LaneId, ...LaneId[]];
export const ITEM_KINDS = LANES.flatMap((l) => l.kinds) as [ItemKind, ...ItemKind[]];

/** The lane an item of this kind is drawn in. */
export function laneOf(kind: ItemKind): LaneId {
  return (LANES.find((l) => l.kinds.includes(kind)) ?? LANES[2]).id;
}

export type TimelineActor = { slug: string; name: string; nameUk: string | null };
export type TimelineSource = { url: string; outlet: string; originalOutlet: string | null };

/** One dated thing on the timeline: an event or one step of a published commitment's lifecycle. */
export type TimelineItem = {
  /** Fragment id of the item's entry in the list below the chart: "event-<slug>" or "pledge-…". */
  anchor: string;
  kind: ItemKind;
  lane: LaneId;
  date: Date;
  precision: DatePrecision;
  /** The event's title; null for lifecycle steps, whose title is built in the reader's language. */
  title: string | null;
  /** Event summary, or the note on a lifecycle step. */
  summary: string | null;
  location: string | null;
  stage: LifecycleStage | null;
  commitment: { slug: string; title: string; kind: CommitmentKind } | null;
  actors: TimelineActor[];
  sources: TimelineSource[];
};

/** Fragment id for a lifecycle step: stable across loads (commitment, stage and date are unique together). */
export function pledgeAnchor(commitmentSlug: string, stage: LifecycleStage, date: Date): string {
  return `pledge-${commitmentSlug}-${stage.toLowerCase().replace(/_/g, "-")}-${date.toISOString().slice(0, 10)}`;
}

export function actorName(a: TimelineActor, lang: Lang): string {
  return lang === "uk" && a.nameUk ? a.nameUk : a.name;
}

/** "United Kingdom: conditional offer — troops / force contribution" for a lifecycle step; the title for an event. */
export function itemTitle(item: TimelineItem, lang: Lang = "en"): string {
  if (item.title !== null || !item.stage || !item.commitment) return item.title ?? "";
  const who = item.actors.map((a) => actorName(a, lang)).join(", ");
  const stage = STAGE[item.stage][lang].toLowerCase();
  const kind = KIND[item.commitment.kind][lang].toLowerCase();
  return `${who}: ${stage} — ${kind}`;
}

/** The kind in words: "Summit", or "Pledge: Conditional offer". */
export function kindLabel(item: TimelineItem, lang: Lang = "en"): string {
  if (item.kind === "PLEDGE") return item.stage ? STAGE[item.stage][lang] : "";
  return EVENT_KIND[item.kind][lang];
}

/** First instant after the period a date stands for (a day, a month or a year). */
export function periodEnd(date: Date, precision: DatePrecision): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (precision === "YEAR") return new Date(Date.UTC(y + 1, 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(y, m + 1, 1));
  return new Date(Date.UTC(y, m, date.getUTCDate() + 1));
}

const EVENT_PRIORITY: Record<ItemKind, number> = {
  SUMMIT: 0,
  DECLARATION: 1,
  VOTE: 2,
  MEETING: 3,
  REJECTION: 4,
  THREAT: 5,
  STATEMENT: 6,
  REPORT: 7,
  PLEDGE: 8,
};

/** Chronological order; on one day, lane order, then the weightier kind or the stronger stage first. */
export function compareItems(a: TimelineItem, b: TimelineItem): number {
  return (
    a.date.getTime() - b.date.getTime() ||
    LANE_IDS.indexOf(a.lane) - LANE_IDS.indexOf(b.lane) ||
    precisionRank(a.precision) - precisionRank(b.precision) ||
    EVENT_PRIORITY[a.kind] - EVENT_PRIORITY[b.kind] ||
    (b.stage ? STAGE_ORDER.indexOf(b.stage) : 0) - (a.stage ? STAGE_ORDER.indexOf(a.stage) : 0) ||
    a.anchor.localeCompare(b.anchor)
  );
}

function precisionRank(p: DatePrecision): number {
  return p === "DAY" ? 0 : p === "MONTH" ? 1 : 2;
}

// ---------------------------------------------------------------- filters

export type TimelineFilter = {
  kinds?: readonly ItemKind[];
  lanes?: readonly LaneId[];
  actors?: readonly string[];
  /** YYYY-MM-DD, inclusive: items whose period overlaps [from, to] are kept. */
  from?: string;
  to?: string;
  /** Valid-time cut-off: items dated after it are not shown. */
  asOf: Date;
};

/** The item kinds a kind filter and a lane filter leave (both must hold). */
export function effectiveKinds(kinds?: readonly ItemKind[], lanes?: readonly LaneId[]): ItemKind[] {
  return ITEM_KINDS.filter((k) => (!kinds || kinds.includes(k)) && (!lanes || lanes.includes(laneOf(k))));
}

/** The chart's time domain for a view: the from/to range when one is given, never past the as-of date. */
export function viewDomain(from: string | undefined, to: string | undefined, asOf: Date): { start?: Date; end?: Date } {
  return {
    start: from ? new Date(`${from}T00:00:00Z`) : undefined,
    end: to ? new Date(Math.min(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000, asOf.getTime() + 1)) : undefined,
  };
}

/** Start of the from-day and end of the to-day, as instants. */
export function rangeBounds(from?: string, to?: string): { from: Date | null; to: Date | null } {
  return {
    from: from ? new Date(`${from}T00:00:00.000Z`) : null,
    to: to ? new Date(`${to}T23:59:59.999Z`) : null,
  };
}

/** Applies the view's filters; a month-precision item counts in a range when its month overlaps it. */
export function filterItems(items: readonly TimelineItem[], f: TimelineFilter): TimelineItem[] {
  const kinds = new Set(effectiveKinds(f.kinds, f.lanes));
  const actors = f.actors && f.actors.length ? new Set(f.actors) : null;
  const range = rangeBounds(f.from, f.to);
  return items
    .filter(
      (it) =>
        kinds.has(it.kind) &&
        it.date.getTime() <= f.asOf.getTime() &&
        (!range.to || it.date.getTime() <= range.to.getTime()) &&
        (!range.from || periodEnd(it.date, it.precision).getTime() > range.from.getTime()) &&
        (!actors || it.actors.some((a) => actors.has(a.slug))),
    )
    .sort(compareItems);
}

// ---------------------------------------------------------------- download rows

export const ROW_COLUMNS = ["id", "date", "precision", "date_label", "lane", "kind", "stage", "title", "actors", "actor_names", "commitment", "sources"] as const;
export type TimelineRow = Record<(typeof ROW_COLUMNS)[number], string | null>;

/** The items shown, as rows for CSV and JSON (English labels; source URLs joined by spaces). */
export function timelineRows(items: readonly TimelineItem[]): TimelineRow[] {
  return items.map((it) => ({
    id: it.anchor,
    date: it.date.toISOString().slice(0, 10),
    precision: it.precision,
    date_label: formatDate(it.date, it.precision),
    lane: it.lane,
    kind: it.kind,
    stage: it.stage,
    title: itemTitle(it, "en"),
    actors: it.actors.map((a) => a.slug).join(" "),
    actor_names: it.actors.map((a) => a.name).join("; "),
    commitment: it.commitment?.slug ?? null,
    sources: it.sources.map((s) => s.url).join(" "),
  }));
}

// ---------------------------------------------------------------- layout

export type Box = { x0: number; y0: number; x1: number; y1: number };

export type PlacedLabel = {
  text: string;
  /** Text position: x of its start (anchor "start") or end (anchor "end"), y of its baseline. */
  x: number;
  y: number;
  anchor: "start" | "end";
  box: Box;
  row: number;
  /** Leader from the lane's baseline down to the label row. */
  leader: { x: number; y0: number; y1: number };
  /** How many items the label stands for (the item and the others of its day in its lane). */
  count: number;
};

export type PlacedItem = {
  item: TimelineItem;
  title: string;
  dateLabel: string;
  /** Accessible name: "6 Jan 2026, Summit: Paris summit …". */
  name: string;
  x: number;
  /** Centre of the mark; null when the stack overflowed into a count badge. */
  y: number | null;
  level: number;
  label: PlacedLabel | null;
  tip: { x: number; y: number; w: number; h: number; lines: string[]; meta: string; actors: string };
};

export type PlacedLane = {
  id: LaneId;
  y0: number;
  y1: number;
  baseline: number;
  count: number;
  levels: number;
  rows: number;
};

/** A month gridline (or, when months are wide, a day-of-month gridline with `minor`). */
export type MonthTick = { x: number; date: Date; label: string | null; year: string | null; minor?: boolean };
export type OverflowBadge = { lane: LaneId; x: number; y: number; count: number; anchor: string; text: string; name: string };

export type PlacedTimeline = {
  width: number;
  height: number;
  plot: { x0: number; x1: number };
  domain: { start: Date; end: Date };
  axisY: number;
  tipBand: { y0: number; y1: number };
  lanes: PlacedLane[];
  ticks: MonthTick[];
  /** Every item, in chronological (= tab) order. */
  items: PlacedItem[];
  overflow: OverflowBadge[];
};

export type LayoutOptions = {
  lang?: Lang;
  /** Smallest width in px; the chart grows with the number of months. */
  minWidth?: number;
  /** Time domain, either end optional (e.g. from the from/to filter); otherwise the items' extent in whole months. */
  domain?: { start?: Date; end?: Date };
  maxLabelRows?: number;
  maxLevels?: number;
  /** Fallback domain end when there are no items. */
  asOf?: Date;
};

// Geometry (px). Text is 11 px; CHAR_W overestimates the average glyph so that estimated boxes
// contain the rendered text, Cyrillic included.
export const GEOMETRY = {
  margin: 14,
  tipH: 66,
  tipW: 320,
  axisH: 40,
  laneTitleH: 22,
  markR: 3.8,
  step: 8.5,
  rowH: 16,
  charW: 6.4,
  minMonthPx: 38,
  labelMax: 42,
  compactMax: 16,
  lanePad: 10,
} as const;

const PLEDGE_CHANGES: Record<Lang, string> = { en: "pledge changes", uk: "змін етапів" };

const MONTHS: Record<Lang, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  uk: ["січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"],
};

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}
function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}
function monthsBetween(a: Date, b: Date): number {
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/** Shortens text to at most `max` characters, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Greedy word wrap by character count, at most `lines` lines (the last one truncated). */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let cur = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = cur ? `${cur} ${w}` : w;
    if (next.length <= width || !cur) {
      cur = next;
      continue;
    }
    if (out.length === lines - 1) {
      out.push(truncate(`${cur} ${words.slice(i).join(" ")}`, width));
      return out;
    }
    out.push(cur);
    cur = w;
  }
  if (cur) out.push(truncate(cur, width));
  return out;
}

/** Estimated width of a label in px. */
export function textWidth(text: string): number {
  return text.length * GEOMETRY.charW;
}

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Lays the items out: one lane per LANES entry (empty lanes kept), marks stacked where they would
 * collide, month ticks that never crowd, and labels placed greedily into rows under each lane so
 * that no label overlaps another label or crosses another label's leader line. Items whose label
 * does not fit keep their mark (and their tooltip and list entry); items of one day share a label
 * with a "+N" count.
 */
export function layoutTimeline(input: readonly TimelineItem[], opts: LayoutOptions = {}): PlacedTimeline {
  const G = GEOMETRY;
  const lang = opts.lang ?? "en";
  const maxRows = opts.maxLabelRows ?? 5;
  const maxLevels = opts.maxLevels ?? 20;
  const items = [...input].sort(compareItems);

  // Domain: as given (e.g. the from/to filter), else the items' extent in whole months, else
  // the year before asOf.
  const ref = monthStart(opts.asOf ?? new Date());
  const last = items.length ? Math.max(...items.map((it) => periodEnd(it.date, it.precision).getTime() - 1)) : null;
  let start = opts.domain?.start ?? (items.length ? monthStart(items[0].date) : addMonths(ref, -11));
  let end = opts.domain?.end ?? (last !== null ? addMonths(monthStart(new Date(last)), 1) : addMonths(ref, 1));
  if (opts.domain?.start && !opts.domain.end && last === null) end = addMonths(monthStart(start), 1);
  if (opts.domain?.end && !opts.domain.start && !items.length) start = addMonths(monthStart(new Date(end.getTime() - 1)), -11);
  if (end.getTime() <= start.getTime()) end = new Date(start.getTime() + 86_400_000);
  const months = Math.max(1, monthsBetween(monthStart(start), monthStart(new Date(end.getTime() - 1))) + 1);
  const width = Math.round(Math.max(opts.minWidth ?? 1088, months * G.minMonthPx + 2 * G.margin));
  const x0 = G.margin;
  const x1 = width - G.margin;
  const span = end.getTime() - start.getTime();
  const xOf = (t: number) => x0 + ((Math.min(Math.max(t, start.getTime()), end.getTime()) - start.getTime()) / span) * (x1 - x0);
  // A mark sits in the middle of the period its date stands for.
  const xItem = (it: TimelineItem) => round1(xOf((it.date.getTime() + periodEnd(it.date, it.precision).getTime()) / 2));

  // Month ticks: a gridline each month; labels every k months so that they never crowd.
  const ticks: MonthTick[] = [];
  const monthPx = (x1 - x0) / (span / (30.44 * 86_400_000));
  const every = [1, 2, 3, 6, 12].find((k) => monthPx * k >= 34) ?? 12;
  let labelledYear: number | null = null;
  for (let d = monthStart(start); d.getTime() < end.getTime(); d = addMonths(d, 1)) {
    if (d.getTime() < start.getTime()) continue;
    const m = d.getUTCMonth();
    const labelled = m % every === 0;
    const year = d.getUTCFullYear();
    const showYear = labelled && (labelledYear === null || labelledYear !== year);
    if (labelled) labelledYear = year;
    ticks.push({ x: round1(xOf(d.getTime())), date: d, label: labelled ? MONTHS[lang][m] : null, year: showYear ? String(year) : null });
  }
  // Zoomed in (a month wider than ~250 px): weekly day ticks, labelled with the day.
  if (monthPx >= 250) {
    for (let d = monthStart(start); d.getTime() < end.getTime(); d = addMonths(d, 1)) {
      for (const day of [8, 15, 22, 29]) {
        const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), day));
        if (t.getUTCMonth() !== d.getUTCMonth() || t.getTime() < start.getTime() || t.getTime() >= end.getTime()) continue;
        ticks.push({ x: round1(xOf(t.getTime())), date: t, label: String(day), year: null, minor: true });
      }
    }
    ticks.sort((a, b) => a.date.getTime() - b.date.getTime());
  }

  const axisY = G.tipH + G.axisH;
  const placed: PlacedItem[] = items.map((it) => {
    const title = itemTitle(it, lang);
    const dateLabel = formatDate(it.date, it.precision);
    const meta = `${dateLabel} · ${kindLabel(it, lang)}`;
    return {
      item: it,
      title,
      dateLabel,
      name: `${dateLabel}, ${kindLabel(it, lang)}: ${title}`,
      x: xItem(it),
      y: null,
      level: -1,
      label: null,
      tip: { x: 0, y: 4, w: G.tipW, h: G.tipH - 8, lines: wrap(title, Math.floor((G.tipW - 16) / 7.2), 2), meta, actors: truncate(it.actors.map((a) => actorName(a, lang)).join(", "), 52) },
    };
  });

  const lanes: PlacedLane[] = [];
  const overflow: OverflowBadge[] = [];
  let y = axisY + 6;
  for (const lane of LANES) {
    const inLane = placed.filter((p) => p.item.lane === lane.id);
    // 1. Marks: first free level where no earlier mark is within one mark width (x is sorted).
    const minDx = 2 * G.markR + 1;
    const lastX: number[] = [];
    const overflowByX = new Map<number, PlacedItem[]>();
    for (const p of inLane) {
      let level = lastX.findIndex((lx) => p.x - lx >= minDx);
      if (level === -1 && lastX.length < maxLevels) level = lastX.length;
      if (level === -1) {
        const key = Math.round(p.x);
        overflowByX.set(key, [...(overflowByX.get(key) ?? []), p]);
        continue;
      }
      lastX[level] = p.x;
      p.level = level;
    }
    const levels = Math.max(1, lastX.length);
    const top = y;
    const baseline = top + G.laneTitleH + levels * G.step + (overflowByX.size ? 14 : 0);
    for (const p of inLane) if (p.level >= 0) p.y = round1(baseline - G.markR - 2 - p.level * G.step);

    // 2. Labels: one per day (and precision) in the lane, weightiest groups first.
    const groups: PlacedItem[][] = [];
    for (const p of inLane) {
      const g = groups[groups.length - 1];
      if (g && g[0].item.date.getTime() === p.item.date.getTime() && g[0].item.precision === p.item.precision) g.push(p);
      else groups.push([p]);
    }
    const order = [...groups].sort(
      (a, b) => b.length - a.length || EVENT_PRIORITY[a[0].item.kind] - EVENT_PRIORITY[b[0].item.kind] || a[0].x - b[0].x,
    );
    const rowTop = (r: number) => baseline + 6 + r * G.rowH;
    const boxes: PlacedLabel[] = [];
    let rowsUsed = 0;
    for (const g of order) {
      const head = g.find((p) => p.y !== null) ?? g[0];
      const more = g.length > 1 ? ` +${g.length - 1}` : "";
      // Several lifecycle changes on one day read best as a count ("26 pledge changes").
      const texts =
        lane.id === "pledges" && g.length > 1
          ? [`${g.length} ${PLEDGE_CHANGES[lang]}`, `${g.length}`]
          : [truncate(head.title, G.labelMax) + more, truncate(head.title, G.compactMax) + more];
      const label = placeLabel(head.x, texts, maxRows, rowTop, boxes, x0 - G.margin + 2, width - 2);
      if (!label) continue;
      label.count = g.length;
      head.label = label;
      boxes.push(label);
      rowsUsed = Math.max(rowsUsed, label.row + 1);
    }
    for (const [key, ps] of overflowByX) {
      overflow.push({
        lane: lane.id,
        x: key,
        y: baseline - G.markR - 2 - levels * G.step - 4,
        count: ps.length,
        anchor: ps[0].item.anchor,
        text: `+${ps.length}`,
        name: ps[0].dateLabel,
      });
    }
    const bottom = inLane.length === 0 ? baseline + G.rowH + G.lanePad : rowTop(Math.max(rowsUsed, 1)) + G.lanePad;
    lanes.push({ id: lane.id, y0: top, y1: bottom, baseline, count: inLane.length, levels, rows: rowsUsed });
    y = bottom;
  }

  for (const p of placed) {
    p.tip.x = Math.round(Math.min(Math.max(p.x - 12, 2), width - G.tipW - 2));
  }

  return {
    width,
    height: Math.ceil(y + 4),
    plot: { x0, x1 },
    domain: { start, end },
    axisY,
    tipBand: { y0: 0, y1: G.tipH },
    lanes,
    ticks,
    items: placed,
    overflow,
  };
}

/**
 * First free spot for a label of an item at `x`: rows from the top, left-aligned then
 * right-aligned, full text then compact text. A spot is free when its box overlaps no other label,
 * no other label's leader passes through it, and its own leader passes through no other label.
 */
function placeLabel(
  x: number,
  texts: string[],
  maxRows: number,
  rowTop: (r: number) => number,
  placed: PlacedLabel[],
  minX: number,
  maxX: number,
): PlacedLabel | null {
  const G = GEOMETRY;
  const pad = 3;
  for (const text of texts) {
    const w = Math.ceil(textWidth(text) + 6);
    for (let row = 0; row < maxRows; row++) {
      const y0 = rowTop(row);
      for (const anchor of ["start", "end"] as const) {
        const box: Box = anchor === "start" ? { x0: x - 1, y0, x1: x + w, y1: y0 + G.rowH - 2 } : { x0: x - w, y0, x1: x + 1, y1: y0 + G.rowH - 2 };
        if (box.x0 < minX || box.x1 > maxX) continue;
        const leader = { x, y0: rowTop(0) - 6, y1: y0 };
        const free = placed.every(
          (o) =>
            !overlaps(box, o.box) &&
            // Their leader through my box?
            !(o.row > row && o.leader.x >= box.x0 - pad && o.leader.x <= box.x1 + pad) &&
            // My leader through their box?
            !(o.row < row && x >= o.box.x0 - pad && x <= o.box.x1 + pad),
        );
        if (!free) continue;
        return { text, x: anchor === "start" ? x + 3 : x - 3, y: y0 + 11, anchor, box, row, leader, count: 1 };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------- description

/** Month key "2026-01" of a date (UTC). */
export function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** Items grouped by month, in order (for the list below the chart). */
export function groupByMonth(items: readonly TimelineItem[]): { month: string; items: TimelineItem[] }[] {
  const out: { month: string; items: TimelineItem[] }[] = [];
  for (const it of items) {
    const key = monthKey(it.date);
    const last = out[out.length - 1];
    if (last && last.month === key) last.items.push(it);
    else out.push({ month: key, items: [it] });
  }
  return out;
}

/** Counts per lane and the busiest month, for the chart's generated description. */
export function summarise(items: readonly TimelineItem[]): { perLane: Record<LaneId, number>; busiest: { month: string; count: number } | null } {
  const perLane = Object.fromEntries(LANE_IDS.map((id) => [id, 0])) as Record<LaneId, number>;
  for (const it of items) perLane[it.lane]++;
  let busiest: { month: string; count: number } | null = null;
  for (const g of groupByMonth(items)) if (!busiest || g.items.length > busiest.count) busiest = { month: g.month, count: g.items.length };
  return { perLane, busiest };
}
