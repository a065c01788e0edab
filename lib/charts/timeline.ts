// The timeline chart, as pure data: events and lifecycle stages → items in lanes → placed items
// (x positions, stacked marks, month ticks, and labels placed so that no two ever overlap).
// No React and no database here: the page, the download route and (later) the embed share it.
import type { CommitmentKind, DatePrecision, EventKind, LifecycleStage } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { EVENT_KIND, KIND, STAGE } from "@/lib/i18n/labels";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { measure } from "@/lib/embed/layout/measure";
import type { Box, Geometry, TextBox } from "./legibility";
import { WIDTH, perWidth, type PerWidth, type WidthClass } from "./width";

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

// ---------------------------------------------------------------- text helpers

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

/** Cuts text to fit `width` px at `size` (estimated with measure()), ending in an ellipsis when cut. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (measure(text, size, bold) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`, size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, Math.max(1, lo)).trimEnd()}…`;
}

/** Word wrap by estimated width: at most `lines` lines, the last one cut with an ellipsis. */
export function wrapPx(text: string, width: number, size: number, lines: number, bold = false): string[] {
  const out: string[] = [];
  const words = text.split(/\s+/).filter(Boolean);
  let cur = "";
  for (let i = 0; i < words.length; i++) {
    const next = cur ? `${cur} ${words[i]}` : words[i];
    if (measure(next, size, bold) <= width || !cur) {
      cur = next;
      continue;
    }
    if (out.length === lines - 1) return [...out, fitText(`${cur} ${words.slice(i).join(" ")}`, width, size, bold)];
    out.push(cur);
    cur = words[i];
  }
  if (cur) out.push(fitText(cur, width, size, bold));
  return out;
}

// ---------------------------------------------------------------- per-class layouts
//
// Each width class gets its own form, laid out at its design width (lib/charts/width.ts):
// narrow runs vertically, newest first; medium and wide draw lanes along a time axis that covers
// where the data is (an isolated early item goes into a compressed "earlier" segment). When a
// lane's period holds more marks than fit, it is drawn as a count linking to its drill-down; when
// the range holds more items than a class can draw legibly, every lane and period is a count.

/** A run of text: position of its baseline, anchor, size; `box` is its estimated extent. */
export type SceneText = { t: "text"; x: number; y: number; size: number; text: string; bold?: boolean; cls?: string; anchor?: "start" | "middle" | "end"; box: Box };
export type SceneMark = { t: "mark"; lane: LaneId; x: number; y: number; r: number; hollow: boolean };
export type SceneRect = { t: "rect"; x: number; y: number; w: number; h: number; cls: string; lane?: LaneId };
export type SceneLine = { t: "line"; x1: number; y1: number; x2: number; y2: number; cls: string };
export type SceneNode = SceneText | SceneMark | SceneRect | SceneLine;

/** Where a focusable part of the chart leads: an item's list entry, or the list of a period (and lane). */
export type SceneLink = { kind: "item"; anchor: string } | { kind: "range"; from: string; to: string; lane?: LaneId };

/** A focusable part: its nodes, its link and accessible name; `detail` is shown on focus or hover. */
export type SceneGroup = { link: SceneLink; name: string; lane: LaneId | null; nodes: SceneNode[]; detail: SceneText[] };

export type TimelineScene = {
  cls: WidthClass;
  width: number;
  height: number;
  /** "items": marks or rows per item (dense periods as counts); "counts": every lane and period as a count. */
  mode: "items" | "counts";
  bucket: "month" | "week";
  /** Items in the range, and how many are drawn one by one. */
  total: number;
  drawn: number;
  domain: { start: Date; end: Date };
  /** Items before a long empty gap, drawn in a compressed segment. */
  earlier: { count: number; start: Date; end: Date } | null;
  /** Decoration (axis, lane headings, rules): hidden from assistive technology. */
  nodes: SceneNode[];
  /** Focusable parts in reading order. */
  groups: SceneGroup[];
  /** The line shown where details appear, until something is focused or hovered. */
  hint: SceneText | null;
};

export type SceneOptions = {
  lang?: Lang;
  /** The from/to range asked for, either end optional; otherwise the items' extent. */
  domain?: { start?: Date; end?: Date };
  /** Fallback end when there are no items. */
  asOf?: Date;
};

/** Items per page of the list below the chart (newest first). */
export const LIST_PAGE_SIZE = 50;

/** The list page (1-based) holding the item at `index` in newest-first order. */
export function listPageOf(index: number): number {
  return Math.floor(Math.max(0, index) / LIST_PAGE_SIZE) + 1;
}

/** How many items each class draws one by one before it draws counts instead. */
export const ITEM_CAP: Record<WidthClass, number> = { narrow: 24, medium: 160, wide: 320 };
/** In narrow count form, how many of the newest items are still listed above the counts. */
export const NARROW_LATEST = 6;

const S = { text: 12, small: 11, line: 14 } as const;
const MONTH_SHORT: Record<Lang, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  uk: ["січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"],
};
const WORDS = TIMELINE.scene;

const ITEM_WORD: Record<Lang, Record<string, string>> = {
  en: { one: "item", other: "items" },
  uk: { one: "запис", few: "записи", many: "записів", other: "запису" },
};
/** "1 item", "5 items"; "1 запис", "3 записи", "5 записів". */
export function itemCount(n: number, lang: Lang): string {
  const rule = new Intl.PluralRules(lang === "uk" ? "uk" : "en").select(n);
  return `${n.toLocaleString(lang === "uk" ? "uk-UA" : "en-GB")} ${ITEM_WORD[lang][rule] ?? ITEM_WORD[lang].other}`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}
function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}
function monthsBetween(a: Date, b: Date): number {
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

/** A text node with its estimated box (baseline at y; the box spans the line's ascent and descent). */
function text(x: number, y: number, s: string, size: number, o: { bold?: boolean; cls?: string; anchor?: "start" | "middle" | "end" } = {}): SceneText {
  const w = measure(s, size, o.bold);
  const x0 = o.anchor === "end" ? x - w : o.anchor === "middle" ? x - w / 2 : x;
  return { t: "text", x: r1(x), y: r1(y), size, text: s, ...o, box: { x0: r1(x0), y0: r1(y - size), x1: r1(x0 + w), y1: r1(y + size * 0.3) } };
}

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** A period of the axis: a month, or a quarter of a month (1–7, 8–14, 15–21, 22–end) when the range is short. */
export type Bucket = { start: Date; end: Date; from: string; to: string };

/** The periods counts are drawn in, covering [start, end). */
export function buckets(start: Date, end: Date, unit: "month" | "week"): Bucket[] {
  const out: Bucket[] = [];
  for (let m = monthStart(start); m.getTime() < end.getTime(); m = addMonths(m, 1)) {
    const next = addMonths(m, 1);
    const cuts = unit === "month" ? [m, next] : [1, 8, 15, 22].map((d) => new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), d))).concat([next]);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const s = new Date(Math.max(cuts[i].getTime(), start.getTime()));
      const e = new Date(Math.min(cuts[i + 1].getTime(), end.getTime()));
      if (e.getTime() > s.getTime()) out.push({ start: s, end: e, from: isoOf(s), to: isoOf(new Date(e.getTime() - DAY)) });
    }
  }
  return out;
}

/** Index of the bucket a time falls in (the last one for times past the end). */
function bucketOf(bs: readonly Bucket[], t: number): number {
  let lo = 0;
  let hi = bs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bs[mid].start.getTime() <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Items before a long empty stretch at the start: at most a twentieth of the items (one to five),
 * followed by six or more months with nothing. They are drawn in a compressed segment.
 */
export function isolatedEarly(items: readonly TimelineItem[]): number {
  if (items.length < 4) return 0;
  const max = Math.min(5, Math.max(1, Math.floor(items.length / 20)));
  for (let i = 0; i < Math.min(max, items.length - 1); i++) {
    const gap = monthsBetween(monthStart(items[i].date), monthStart(items[i + 1].date));
    if (gap >= 7) return i + 1;
  }
  return 0;
}

/** The label of an item: its title in the reader's language. */
function dateAndKind(it: TimelineItem, lang: Lang): string {
  return `${formatDate(it.date, it.precision, lang)} · ${kindLabel(it, lang)}`;
}

/** Accessible name of an item: "6 Jan 2026, Summit: Paris summit …". */
export function itemName(it: TimelineItem, lang: Lang): string {
  return `${formatDate(it.date, it.precision, lang)}, ${kindLabel(it, lang)}: ${itemTitle(it, lang)}`;
}

function periodLabel(b: Bucket, unit: "month" | "week", lang: Lang): string {
  if (unit === "month") return formatDate(b.start, "MONTH", lang);
  const e = new Date(b.end.getTime() - DAY);
  return `${b.start.getUTCDate()}–${formatDate(e, "DAY", lang)}`;
}

/** Lays out the timeline for all three width classes from the same items. */
export function layoutTimelines(items: readonly TimelineItem[], o: SceneOptions = {}): PerWidth<TimelineScene> {
  const sorted = [...items].sort(compareItems);
  return perWidth((w) => layoutTimelineScene(sorted, w, o));
}

/** Lays out the timeline for one width class (items in chronological order). */
export function layoutTimelineScene(items: readonly TimelineItem[], cls: WidthClass, o: SceneOptions = {}): TimelineScene {
  const lang = o.lang ?? "en";
  const explicitStart = Boolean(o.domain?.start);
  const nEarly = explicitStart ? 0 : isolatedEarly(items);
  const early = items.slice(0, nEarly);
  const main = items.slice(nEarly);
  // Domain: the range asked for, else the main items' extent in whole months, else the year to asOf.
  const ref = monthStart(o.asOf ?? new Date());
  const lastT = main.length ? Math.max(...main.map((it) => periodEnd(it.date, it.precision).getTime() - 1)) : null;
  let start = o.domain?.start ?? (main.length ? monthStart(main[0].date) : addMonths(ref, -11));
  let end = o.domain?.end ?? (lastT !== null ? addMonths(monthStart(new Date(lastT)), 1) : addMonths(ref, 1));
  if (o.domain?.start && !o.domain.end) end = lastT !== null ? addMonths(monthStart(new Date(Math.max(lastT, start.getTime()))), 1) : addMonths(monthStart(start), 1);
  if (o.domain?.end && !o.domain.start && !main.length) start = addMonths(monthStart(new Date(end.getTime() - 1)), -11);
  if (end.getTime() <= start.getTime()) end = new Date(start.getTime() + DAY);
  const months = monthsBetween(monthStart(start), monthStart(new Date(end.getTime() - 1))) + 1;
  const unit: "month" | "week" = months <= 3 ? "week" : "month";
  const bs = buckets(start, end, unit);
  const mode: "items" | "counts" = items.length > ITEM_CAP[cls] ? "counts" : "items";
  const base = { cls, mode, bucket: unit, total: items.length, domain: { start, end }, earlier: early.length ? { count: early.length, start: early[0].date, end: early[early.length - 1].date } : null };
  // The vertical form has room for every month, the early ones included.
  if (cls === "narrow") return { ...base, ...layoutVertical(items, early.length ? buckets(monthStart(early[0].date), end, unit) : bs, unit, mode, lang) };
  return { ...base, ...layoutLanes(early, main, bs, unit, mode, cls, lang, { start, end }) };
}

// ---------------------------------------------------------------- narrow: vertical, newest first

type Body = Pick<TimelineScene, "width" | "height" | "drawn" | "nodes" | "groups" | "hint">;

function layoutVertical(items: readonly TimelineItem[], bs: readonly Bucket[], unit: "month" | "week", mode: "items" | "counts", lang: Lang): Body {
  const W = WIDTH.narrow.design;
  const M = 8;
  const nodes: SceneNode[] = [];
  const groups: SceneGroup[] = [];
  let y = 4;
  if (!items.length) {
    nodes.push(text(M, 14, WORDS.none[lang], S.text, { cls: "mu" }));
    return { width: W, height: 19, drawn: 0, nodes, groups, hint: null };
  }
  const newest = [...items].reverse();
  const listed = mode === "items" ? newest : newest.slice(0, NARROW_LATEST);
  if (mode === "counts") {
    nodes.push(text(M, y + 14, WORDS.latest[lang], 13, { bold: true }));
    y += 22;
  }
  const textX = M + 20;
  const textW = W - textX - M;
  let month = "";
  for (const it of listed) {
    const key = monthKey(it.date);
    if (key !== month) {
      month = key;
      nodes.push({ t: "rect", x: M, y: y + 3, w: W - 2 * M, h: 1, cls: "rule" });
      nodes.push(text(M, y + 20, formatDate(it.date, "MONTH", lang), 13, { bold: true }));
      y += 28;
    }
    const lines = wrapPx(itemTitle(it, lang), textW, S.text, 3);
    const g: SceneGroup = { link: { kind: "item", anchor: it.anchor }, name: itemName(it, lang), lane: it.lane, nodes: [], detail: [] };
    g.nodes.push({ t: "mark", lane: it.lane, x: M + 7, y: y + 8, r: 5, hollow: it.precision !== "DAY" });
    g.nodes.push(text(textX, y + 12, fitText(dateAndKind(it, lang), textW, S.small), S.small, { cls: "mu" }));
    lines.forEach((l, i) => g.nodes.push(text(textX, y + 12 + (i + 1) * 15, l, S.text, { cls: "lb" })));
    groups.push(g);
    y += 12 + lines.length * 15 + 10;
  }
  if (mode === "counts") {
    y += 6;
    nodes.push({ t: "rect", x: M, y, w: W - 2 * M, h: 1, cls: "rule" });
    const head = wrapPx(unit === "month" ? WORDS.perMonth[lang] : WORDS.perWeek[lang], W - 2 * M, 13, 2, true);
    head.forEach((l, i) => nodes.push(text(M, y + 18 + i * 16, l, 13, { bold: true })));
    y += 10 + head.length * 16;
    // Column per lane: its shape as the header; the legend beside the chart names the lanes.
    const labelW = 110;
    const colW = (W - 2 * M - labelW) / LANES.length;
    LANES.forEach((l, i) => nodes.push({ t: "mark", lane: l.id, x: M + labelW + i * colW + 8, y: y + 8, r: 5, hollow: false }));
    y += 18;
    const counts = countBy(items, bs);
    for (let b = bs.length - 1; b >= 0; b--) {
      const row = counts[b];
      const total = LANES.reduce((s, l) => s + row[l.id], 0);
      if (!total) continue;
      const label = periodLabel(bs[b], unit, lang);
      const g: SceneGroup = { link: { kind: "range", from: bs[b].from, to: bs[b].to }, name: `${label}: ${itemCount(total, lang)}`, lane: null, nodes: [], detail: [] };
      g.nodes.push({ t: "rect", x: M, y, w: W - 2 * M, h: 24, cls: "row" });
      const short = unit === "month" ? `${MONTH_SHORT[lang][bs[b].start.getUTCMonth()]} ${bs[b].start.getUTCFullYear()}` : label;
      g.nodes.push(text(M + 6, y + 16, fitText(short, labelW - 10, S.text), S.text, { cls: "lb" }));
      LANES.forEach((l, i) => {
        const n = row[l.id];
        g.nodes.push(text(M + labelW + i * colW + 2, y + 16, n ? n.toLocaleString("en-GB") : "–", S.text, { cls: n ? undefined : "mu" }));
      });
      groups.push(g);
      y += 28;
    }
  }
  return { width: W, height: Math.ceil(y + 4), drawn: listed.length, nodes, groups, hint: null };
}

function countBy(items: readonly TimelineItem[], bs: readonly Bucket[]): Record<LaneId, number>[] {
  const out = bs.map(() => Object.fromEntries(LANE_IDS.map((l) => [l, 0])) as Record<LaneId, number>);
  if (!bs.length) return out;
  const lo = bs[0].start.getTime();
  const hi = bs[bs.length - 1].end.getTime();
  for (const it of items) {
    const t = it.date.getTime();
    if (t < lo || t >= hi) continue;
    out[bucketOf(bs, t)][it.lane]++;
  }
  return out;
}

// ---------------------------------------------------------------- medium and wide: lanes on a time axis

const LANE_GEOMETRY = {
  medium: { margin: 10, earlyW: 58, breakW: 16, maxLevels: 5, labelW: 128, labelRows: 2, barMax: 30 },
  wide: { margin: 12, earlyW: 70, breakW: 18, maxLevels: 6, labelW: 156, labelRows: 2, barMax: 36 },
} as const;
const STEP = 10;
const MARK_R = 4.5;

type Slot = { it: TimelineItem; x: number; level: number; bucket: number };

function layoutLanes(
  early: readonly TimelineItem[],
  main: readonly TimelineItem[],
  bs: readonly Bucket[],
  unit: "month" | "week",
  mode: "items" | "counts",
  cls: "medium" | "wide",
  lang: Lang,
  dom: { start: Date; end: Date },
): Body {
  const G = LANE_GEOMETRY[cls];
  const W = WIDTH[cls].design;
  const M = G.margin;
  const segX0 = M;
  const segX1 = early.length ? M + G.earlyW : M;
  const x0 = early.length ? segX1 + G.breakW : M;
  const x1 = W - M;
  const span = dom.end.getTime() - dom.start.getTime();
  const xOf = (t: number) => x0 + ((Math.min(Math.max(t, dom.start.getTime()), dom.end.getTime()) - dom.start.getTime()) / span) * (x1 - x0);
  const nodes: SceneNode[] = [];
  const groups: SceneGroup[] = [];

  // Axis: period ticks with labels spaced so that they never crowd, years on a second line.
  let y = 4;
  const tickY = y + 12;
  const yearY = y + 26;
  const axisY = y + 32;
  const monthPx = (x1 - x0) / Math.max(1, span / (30.44 * DAY));
  const every = [1, 2, 3, 4, 6, 12].find((k) => monthPx * k >= measure("Mmm", S.small) + 8) ?? 12;
  let lastYear = -1;
  let lastRight = -Infinity;
  for (let m = monthStart(dom.start); m.getTime() < dom.end.getTime(); m = addMonths(m, 1)) {
    const t = Math.max(m.getTime(), dom.start.getTime());
    const x = xOf(t);
    nodes.push({ t: "line", x1: r1(x), y1: axisY - 30, x2: r1(x), y2: -1, cls: "grid" });
    if (m.getUTCMonth() % every !== 0 && m.getTime() !== monthStart(dom.start).getTime()) continue;
    const label = unit === "week" ? formatDate(m, "MONTH", lang) : MONTH_SHORT[lang][m.getUTCMonth()];
    const tl = text(x + 3, tickY, label, S.small, { cls: "mu" });
    if (tl.box.x0 < lastRight + 4 || tl.box.x1 > W) continue;
    nodes.push(tl);
    lastRight = tl.box.x1;
    const year = m.getUTCFullYear();
    if (unit === "month" && year !== lastYear) {
      nodes.push(text(x + 3, yearY, String(year), S.small, { bold: true }));
      lastYear = year;
    }
  }
  if (unit === "week") {
    let right = -Infinity;
    for (const b of bs) {
      const x = xOf(b.start.getTime());
      nodes.push({ t: "line", x1: r1(x), y1: axisY - 16, x2: r1(x), y2: -1, cls: "grid minor" });
      const tl = text(x + 3, yearY, String(b.start.getUTCDate()), S.small, { cls: "mu" });
      if (tl.box.x0 >= right + 4 && tl.box.x1 <= W) {
        nodes.push(tl);
        right = tl.box.x1;
      }
    }
  }
  if (early.length) {
    const years = [...new Set(early.map((it) => it.date.getUTCFullYear()))];
    nodes.push(text(segX0, tickY, WORDS.earlier[lang], S.small, { cls: "mu" }));
    nodes.push(text(segX0, yearY, years.length > 1 ? `${years[0]}–${String(years[years.length - 1]).slice(2)}` : String(years[0]), S.small, { bold: true }));
    // The break: two short slants across the axis.
    const bx = segX1 + G.breakW / 2;
    nodes.push({ t: "line", x1: bx - 5, y1: axisY + 4, x2: bx - 1, y2: axisY - 4, cls: "brk" });
    nodes.push({ t: "line", x1: bx + 1, y1: axisY + 4, x2: bx + 5, y2: axisY - 4, cls: "brk" });
    nodes.push({ t: "line", x1: bx, y1: axisY + 6, x2: bx, y2: -1, cls: "grid brk-l" });
  }
  nodes.push({ t: "rect", x: 0, y: axisY, w: W, h: 1, cls: "base" });
  y = axisY + 4;

  // Early items sit evenly in their segment, in order.
  const earlyX = new Map(early.map((it, i) => [it.anchor, r1(segX0 + ((i + 1) * (segX1 - segX0)) / (early.length + 1))]));
  const xItem = (it: TimelineItem) => earlyX.get(it.anchor) ?? r1(xOf((it.date.getTime() + periodEnd(it.date, it.precision).getTime()) / 2));
  const all = [...early, ...main];
  const counts = countBy(main, bs);
  const maxCount = Math.max(1, ...counts.flatMap((c) => LANE_IDS.map((l) => c[l])));
  let drawn = 0;
  const detailY = { line1: 0, line2: 0 };
  const detailGroups: { g: SceneGroup; it: TimelineItem }[] = [];

  for (const lane of LANES) {
    const inLane = all.filter((it) => it.lane === lane.id);
    const laneCount = inLane.length;
    const top = y;
    nodes.push({ t: "mark", lane: lane.id, x: M + 5, y: top + 11, r: 4.5, hollow: false });
    nodes.push(text(M + 14, top + 15, `${TIMELINE.lanes[lane.id][lang]} · ${laneCount ? laneCount.toLocaleString("en-GB") : WORDS.noItems[lang]}`, S.text, { bold: true, cls: "lt" }));

    if (mode === "counts") {
      // Bars per period on one scale for all lanes, the number above where it fits.
      const base = top + 20 + 13 + G.barMax;
      bs.forEach((b, i) => {
        const n = counts[i][lane.id];
        if (!n) return;
        const bx0 = xOf(b.start.getTime()) + 1;
        const bx1 = xOf(b.end.getTime()) - 1;
        const h = Math.max(2, Math.round((n / maxCount) * G.barMax));
        const label = periodLabel(b, unit, lang);
        const g: SceneGroup = { link: { kind: "range", from: b.from, to: b.to, lane: lane.id }, name: `${label}, ${TIMELINE.lanes[lane.id][lang]}: ${itemCount(n, lang)}`, lane: lane.id, nodes: [], detail: [] };
        g.nodes.push({ t: "rect", x: r1(bx0), y: r1(base - h), w: r1(Math.max(2, bx1 - bx0)), h, cls: "bar", lane: lane.id });
        const num = n.toLocaleString("en-GB");
        if (measure(num, S.small) <= bx1 - bx0 + 2) g.nodes.push(text((bx0 + bx1) / 2, base - h - 3, num, S.small, { anchor: "middle" }));
        groups.push(g);
      });
      for (const it of inLane.filter((x) => earlyX.has(x.anchor))) {
        const g = itemGroup(it, xItem(it), base - MARK_R - 1, lang);
        groups.push(g);
        detailGroups.push({ g, it });
        drawn++;
      }
      nodes.push({ t: "rect", x: x0, y: base, w: x1 - x0, h: 1, cls: "base" });
      y = base + 8;
      continue;
    }

    // Items: stack marks in levels; a period where a lane's marks do not fit becomes a count.
    const dense = new Set<number>();
    let slots: Slot[] = [];
    for (let pass = 0; pass < 4; pass++) {
      slots = [];
      const lastX: number[] = [];
      let failed = false;
      for (const it of inLane) {
        const x = xItem(it);
        const bucket = earlyX.has(it.anchor) ? -1 : bucketOf(bs, it.date.getTime());
        if (dense.has(bucket)) continue;
        let level = lastX.findIndex((lx) => x - lx >= 2 * MARK_R + 1);
        if (level === -1 && lastX.length < G.maxLevels) level = lastX.length;
        if (level === -1) {
          dense.add(bucket);
          failed = true;
          continue;
        }
        lastX[level] = x;
        slots.push({ it, x, level, bucket });
      }
      if (!failed) break;
    }
    const levels = Math.max(1, ...slots.map((s) => s.level + 1));
    const cellH = 22;
    const markH = Math.max(levels * STEP, dense.size ? cellH : 0);
    const baseline = top + 22 + markH;
    nodes.push({ t: "rect", x: x0, y: baseline, w: x1 - x0, h: 1, cls: "base" });
    if (early.length) nodes.push({ t: "rect", x: segX0, y: baseline, w: segX1 - segX0, h: 1, cls: "base" });

    // Dense periods: a cell as wide as the period with the count.
    const cells: { b: number; x0: number; x1: number; g: SceneGroup }[] = [];
    for (const b of [...dense].sort((p, q) => p - q)) {
      if (b < 0) continue;
      const n = inLane.filter((it) => !earlyX.has(it.anchor) && bucketOf(bs, it.date.getTime()) === b).length;
      const cx0 = xOf(bs[b].start.getTime()) + 1;
      const cx1 = xOf(bs[b].end.getTime()) - 1;
      const label = periodLabel(bs[b], unit, lang);
      const g: SceneGroup = { link: { kind: "range", from: bs[b].from, to: bs[b].to, lane: lane.id }, name: `${label}, ${TIMELINE.lanes[lane.id][lang]}: ${itemCount(n, lang)}`, lane: lane.id, nodes: [], detail: [] };
      g.nodes.push({ t: "rect", x: r1(cx0), y: baseline - cellH, w: r1(cx1 - cx0), h: cellH - 1, cls: "cell", lane: lane.id });
      const num = n.toLocaleString("en-GB");
      if (measure(num, S.text, true) <= cx1 - cx0 - 2) g.nodes.push(text((cx0 + cx1) / 2, baseline - 6, num, S.text, { bold: true, anchor: "middle" }));
      cells.push({ b, x0: cx0, x1: cx1, g });
    }

    // Labels: wrapped to two lines, placed in rows under the lane where they overlap nothing.
    const rowH = 2 * S.line + 6;
    const rowTop = (r: number) => baseline + 6 + r * rowH;
    const placed: { box: Box; x: number; row: number }[] = [];
    const labelOf = new Map<string, SceneNode[]>();
    const order = [...slots].sort((a, b) => EVENT_PRIORITY[a.it.kind] - EVENT_PRIORITY[b.it.kind] || b.it.date.getTime() - a.it.date.getTime());
    let rowsUsed = 0;
    for (const s of order) {
      const lines = wrapPx(itemTitle(s.it, lang), G.labelW, S.text, 2);
      const w = Math.max(...lines.map((l) => measure(l, S.text))) + 4;
      const h = lines.length * S.line + 2;
      let spot: { box: Box; anchor: "start" | "end"; row: number } | null = null;
      for (let row = 0; row < G.labelRows && !spot; row++) {
        for (const anchor of ["start", "end"] as const) {
          const y0 = rowTop(row);
          const box: Box = anchor === "start" ? { x0: s.x - 1, y0, x1: s.x + w, y1: y0 + h } : { x0: s.x - w, y0, x1: s.x + 1, y1: y0 + h };
          if (box.x0 < 2 || box.x1 > W - 2) continue;
          const pad = 3;
          const free = placed.every(
            (o) =>
              !overlaps(box, o.box) &&
              !(o.row > row && o.x >= box.x0 - pad && o.x <= box.x1 + pad) &&
              !(o.row < row && s.x >= o.box.x0 - pad && s.x <= o.box.x1 + pad),
          );
          if (free) {
            spot = { box, anchor, row };
            break;
          }
        }
      }
      if (!spot) continue;
      placed.push({ box: spot.box, x: s.x, row: spot.row });
      rowsUsed = Math.max(rowsUsed, spot.row + 1);
      const tx = spot.anchor === "start" ? s.x + 3 : s.x - 3;
      labelOf.set(s.it.anchor, [
        { t: "line", x1: s.x, y1: baseline + 1, x2: s.x, y2: spot.box.y0 + 4, cls: "lead" },
        ...lines.map((l, i) => text(tx, spot!.box.y0 + 12 + i * S.line, l, S.text, { anchor: spot!.anchor, cls: "lb" })),
      ]);
    }

    // Marks and cells in time order (the tab order), each mark with its label.
    const ordered: ({ kind: "slot"; t: number; s: Slot } | { kind: "cell"; t: number; c: (typeof cells)[number] })[] = [
      ...slots.map((s) => ({ kind: "slot" as const, t: s.bucket < 0 ? -Infinity : s.it.date.getTime(), s })),
      ...cells.map((c) => ({ kind: "cell" as const, t: bs[c.b].start.getTime(), c })),
    ].sort((a, b) => a.t - b.t);
    for (const e of ordered) {
      if (e.kind === "cell") {
        groups.push(e.c.g);
        continue;
      }
      const s = e.s;
      const g = itemGroup(s.it, s.x, baseline - MARK_R - 2 - s.level * STEP, lang);
      g.nodes.push(...(labelOf.get(s.it.anchor) ?? []));
      groups.push(g);
      detailGroups.push({ g, it: s.it });
      drawn++;
    }
    y = laneCount === 0 ? baseline + 8 : rowTop(Math.max(rowsUsed, 0)) + (rowsUsed ? 2 : 4);
  }

  // Details of the focused or hovered mark (and, until then, the hint) in two lines at the bottom.
  nodes.push({ t: "rect", x: 0, y: y + 2, w: W, h: 1, cls: "rule" });
  detailY.line1 = y + 18;
  detailY.line2 = y + 34;
  const hint = detailGroups.length ? text(M, detailY.line1, fitText(WORDS.hint[lang], W - 2 * M, S.text), S.text, { cls: "mu hint" }) : null;
  for (const { g, it } of detailGroups) {
    const who = it.actors.map((a) => actorName(a, lang)).join(", ");
    g.detail.push(text(M, detailY.line1, fitText(`${dateAndKind(it, lang)}${who ? ` · ${who}` : ""}`, W - 2 * M, S.text), S.text, { cls: "mu" }));
    g.detail.push(text(M, detailY.line2, fitText(itemTitle(it, lang), W - 2 * M, S.text, true), S.text, { bold: true }));
  }
  const height = Math.ceil(detailGroups.length ? detailY.line2 + 8 : y + 6);
  return { width: W, height, drawn, nodes, groups, hint };
}

function itemGroup(it: TimelineItem, x: number, y: number, lang: Lang): SceneGroup {
  return {
    link: { kind: "item", anchor: it.anchor },
    name: itemName(it, lang),
    lane: it.lane,
    nodes: [{ t: "mark", lane: it.lane, x, y: r1(y), r: MARK_R, hollow: it.precision !== "DAY" }],
    detail: [],
  };
}

/** Box of a mark (its shape's extent). */
function markBox(m: SceneMark): Box {
  const d = m.r * 1.3;
  return { x0: m.x - d, y0: m.y - d, x1: m.x + d, y1: m.y + d };
}

/** What the scene draws, for checkLegibility: visible text (details hidden until focus) and marks. */
export function sceneGeometry(s: TimelineScene): Geometry {
  const all = [...s.nodes, ...s.groups.flatMap((g) => g.nodes)];
  const texts: TextBox[] = all.filter((n): n is SceneText => n.t === "text").map((n) => ({ ...n.box, size: n.size, text: n.text }));
  if (s.hint) texts.push({ ...s.hint.box, size: s.hint.size, text: s.hint.text });
  const marks: Box[] = all.flatMap((n) => (n.t === "mark" ? [markBox(n)] : n.t === "rect" ? [{ x0: n.x, y0: n.y, x1: n.x + n.w, y1: n.y + Math.max(n.h, 1) }] : []));
  return { width: s.width, height: s.height, texts, marks };
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

/** The chart's text alternative, generated from the data. */
export function describeTimeline(items: readonly TimelineItem[], domain: { start: Date; end: Date }, lang: Lang): string {
  const D = TIMELINE.desc;
  const range = `${D.from[lang]} ${formatDate(domain.start, "MONTH", lang)} ${D.to[lang]} ${formatDate(new Date(domain.end.getTime() - 1), "MONTH", lang)}`;
  if (items.length === 0) return `${D.none[lang]} (${range})`;
  const s = summarise(items);
  const num = (n: number) => n.toLocaleString(lang === "uk" ? "uk-UA" : "en-GB");
  const lanes = LANE_IDS.map((id) => `${TIMELINE.lanes[id][lang]}: ${num(s.perLane[id])}`).join("; ");
  const busiest = s.busiest
    ? ` ${D.busiest[lang]} ${TIMELINE.months[lang][Number(s.busiest.month.slice(5, 7)) - 1]} ${s.busiest.month.slice(0, 4)} ${D.with[lang]} ${num(s.busiest.count)}.`
    : "";
  const first = items.reduce((m, it) => (it.date < m ? it.date : m), items[0].date);
  const span = first < domain.start ? `${D.from[lang]} ${formatDate(first, "MONTH", lang)} ${D.to[lang]} ${formatDate(new Date(domain.end.getTime() - 1), "MONTH", lang)}` : range;
  return `${itemCount(items.length, lang)} ${span}. ${lanes}.${busiest}`;
}
