import "server-only";
import {
  LANES,
  LANE_IDS,
  ROW_COLUMNS,
  actorName,
  buckets,
  describeTimeline,
  itemTitle,
  kindLabel,
  layoutTimelines,
  listPageOf,
  timelineRows,
  viewDomain,
  type LaneId,
  type SceneLink,
  type TimelineItem,
} from "@/lib/charts/timeline";
import { perWidth } from "@/lib/charts/width";
import { getTimeline, unknownActorMessage } from "@/lib/db/timeline";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { EMBED } from "@/lib/i18n/messages/embed";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { asOfDate } from "@/lib/schemas/search-params";
import { TimelineParams } from "@/lib/schemas/views/timeline";
import { viewHref, type Params } from "@/lib/url";
import type { Swatch } from "@/lib/embed/model";
import { defineChart } from "./define";

type Data = { asOf: string; items: TimelineItem[] };

const SHAPE: Record<LaneId, Swatch["shape"]> = { summits: "diamond", pledges: "circle", statements: "triangle", votes: "square" };
/** The embed's data table lists items up to this many, and counts per month beyond. */
const TABLE_ITEMS = 60;

/** The view's filters as URL parameters (no page, no language). */
export function timelineFilters(p: TimelineParams): Params {
  return { actor: p.actor, kind: p.kind, lane: p.lane, from: p.from, to: p.to };
}

/**
 * Where the chart's links lead on /timeline (at `origin`): an item to its entry on the list page
 * that holds it, a count to the list of its period (and lane). `items` in chronological order.
 */
export function timelineLinks(p: TimelineParams, items: readonly TimelineItem[], lang: Lang, origin = "", currentPage?: number): (l: SceneLink) => string {
  const index = new Map(items.map((it, i) => [it.anchor, i]));
  const view = { ...timelineFilters(p), asOf: p.asOf, lang: lang === "uk" ? "uk" : undefined };
  return (l) => {
    if (l.kind === "range") return `${origin}${viewHref("/timeline", view, { from: l.from, to: l.to, ...(l.lane ? { lane: l.lane } : {}) })}#list`;
    const page = listPageOf(items.length - 1 - (index.get(l.anchor) ?? 0));
    if (page === currentPage) return `#${l.anchor}`;
    return `${origin}${viewHref("/timeline", view, { page: page > 1 ? String(page) : undefined })}#${l.anchor}`;
  };
}

/** The timeline (/timeline): events and lifecycle changes in lanes, with the view's filters. */
export const timelineChart = defineChart<TimelineParams, Data>({
  id: "timeline",
  schema: TimelineParams,
  viewPath: () => "/timeline",
  viewQuery: (p) => ({ ...timelineFilters(p), asOf: p.asOf }),
  dataOptions: (p) => ({ ...timelineFilters(p), asOf: p.asOf }),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    const t = await getTimeline({ actors: p.actor, kinds: p.kind, lanes: p.lane, from: p.from, to: p.to, asOf: asOf.end });
    if (t.unknownActors.length) return { ok: false, status: 422, errors: [unknownActorMessage(t.unknownActors, t.actors.map((a) => a.slug))] };
    return { ok: true, data: { asOf: asOf.iso, items: t.items } };
  },
  model({ asOf: iso, items }, p, { lang, origin }) {
    const asOf = asOfDate(iso);
    const scenes = layoutTimelines(items, { lang, domain: viewDomain(p.from, p.to, asOf.end), asOf: asOf.end });
    const T = EMBED.table;
    return {
      title: TIMELINE.title[lang],
      description: describeTimeline(items, scenes.wide.domain, lang),
      spec: { kind: "timeline", scenes, href: timelineLinks(p, items, lang, origin) },
      sizes: perWidth((w) => ({ width: scenes[w].width, height: scenes[w].height })),
      scope: "tl",
      legend: [
        ...LANES.map((l) => ({ label: TIMELINE.lanes[l.id][lang], swatch: { shape: SHAPE[l.id], className: "mk", group: `l-${l.id}` } })),
        { label: TIMELINE.monthOnly[lang], swatch: { shape: "circle", className: "mk h", group: "l-pledges" } },
      ],
      notes: [],
      sources: items.flatMap((it) => it.sources),
      table:
        items.length <= TABLE_ITEMS
          ? {
              caption: TIMELINE.chartTitle[lang],
              columns: [T.date[lang], T.lane[lang], T.kind[lang], T.title[lang], T.actors[lang]],
              rows: [...items].reverse().map((it) => [
                formatDate(it.date, it.precision, lang),
                TIMELINE.lanes[it.lane][lang],
                kindLabel(it, lang),
                itemTitle(it, lang),
                it.actors.map((a) => actorName(a, lang)).join(", "),
              ]),
            }
          : countsTable(items, lang),
      // Built only when read: the CSV/JSON downloads need every row, the embed page none.
      csv: {
        columns: ROW_COLUMNS,
        get rows() {
          return timelineRows(items);
        },
      },
      filename: `timeline-${asOf.iso}`,
      asOf: asOf.iso,
    };
  },
});

/** Items per month and lane, newest month first (the data table when there are too many items to list). */
function countsTable(items: readonly TimelineItem[], lang: Lang) {
  if (!items.length) return { caption: TIMELINE.perMonthCaption[lang], columns: [], rows: [] };
  const bs = buckets(new Date(Date.UTC(items[0].date.getUTCFullYear(), items[0].date.getUTCMonth(), 1)), new Date(items[items.length - 1].date.getTime() + 1), "month");
  const rows = bs.map((b) => ({ b, n: Object.fromEntries(LANE_IDS.map((l) => [l, 0])) as Record<LaneId, number> }));
  let i = 0;
  for (const it of items) {
    while (i + 1 < rows.length && rows[i + 1].b.start.getTime() <= it.date.getTime()) i++;
    rows[i].n[it.lane]++;
  }
  return {
    caption: TIMELINE.perMonthCaption[lang],
    columns: [TIMELINE.month[lang], ...LANE_IDS.map((l) => TIMELINE.lanes[l][lang]), TIMELINE.total[lang]],
    rows: rows
      .filter((r) => LANE_IDS.some((l) => r.n[l]))
      .reverse()
      .map((r) => [formatDate(r.b.start, "MONTH", lang), ...LANE_IDS.map((l) => String(r.n[l])), String(LANE_IDS.reduce((s, l) => s + r.n[l], 0))]),
  };
}
