import "server-only";
import { describeTimeline } from "@/components/charts/timeline";
import { LANES, ROW_COLUMNS, actorName, itemTitle, kindLabel, layoutTimeline, timelineRows, viewDomain, type LaneId, type TimelineItem } from "@/lib/charts/timeline";
import { getTimeline, unknownActorMessage } from "@/lib/db/timeline";
import { formatDate } from "@/lib/format";
import { EMBED } from "@/lib/i18n/messages/embed";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { asOfDate } from "@/lib/schemas/search-params";
import { TimelineParams } from "@/lib/schemas/views/timeline";
import { viewHref } from "@/lib/url";
import { perWidth } from "@/lib/charts/width";
import { defineChart } from "./define";
import type { Swatch } from "@/lib/embed/model";

type Data = { asOf: string; items: TimelineItem[] };

const SHAPE: Record<LaneId, Swatch["shape"]> = { summits: "diamond", pledges: "circle", statements: "triangle", votes: "square" };

/** The timeline (/timeline): events and lifecycle changes in lanes, with the view's filters. */
export const timelineChart = defineChart<TimelineParams, Data>({
  id: "timeline",
  schema: TimelineParams,
  viewPath: () => "/timeline",
  viewQuery: (p) => ({ actor: p.actor, kind: p.kind, lane: p.lane, from: p.from, to: p.to, asOf: p.asOf }),
  dataOptions: (p) => ({ actor: p.actor, kind: p.kind, lane: p.lane, from: p.from, to: p.to, asOf: p.asOf }),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    const t = await getTimeline({ actors: p.actor, kinds: p.kind, lanes: p.lane, from: p.from, to: p.to, asOf: asOf.end });
    if (t.unknownActors.length) return { ok: false, status: 422, errors: [unknownActorMessage(t.unknownActors, t.actors.map((a) => a.slug))] };
    return { ok: true, data: { asOf: asOf.iso, items: t.items } };
  },
  model({ asOf: iso, items }, p, { lang, origin }) {
    const asOf = asOfDate(iso);
    // Embeds stack at most 10 marks per day and lane (the rest behind a "+N" badge, all in the
    // data table), so one busy day does not make the chart tall.
    const placed = layoutTimeline(items, { lang, domain: viewDomain(p.from, p.to, asOf.end), asOf: asOf.end, minWidth: 640, maxLevels: 10 });
    const list = viewHref(`${origin}/timeline`, { actor: p.actor, kind: p.kind, lane: p.lane, from: p.from, to: p.to, asOf: p.asOf, lang: lang === "uk" ? "uk" : undefined });
    const T = EMBED.table;
    return {
      title: TIMELINE.title[lang],
      description: describeTimeline(placed, lang),
      spec: { kind: "timeline", placed, href: (anchor) => `${list}#${anchor}` },
      sizes: perWidth(() => ({ width: placed.width, height: placed.height })),
      scope: "tl",
      legend: [
        ...LANES.map((l) => ({ label: TIMELINE.lanes[l.id][lang], swatch: { shape: SHAPE[l.id], className: "mk", group: `l-${l.id}` } })),
        { label: TIMELINE.monthOnly[lang], swatch: { shape: "circle", className: "mk h", group: "l-pledges" } },
      ],
      notes: [],
      sources: items.flatMap((it) => it.sources),
      table: {
        caption: TIMELINE.chartTitle[lang],
        columns: [T.date[lang], T.lane[lang], T.kind[lang], T.title[lang], T.actors[lang]],
        rows: items.map((it) => [
          formatDate(it.date, it.precision, lang),
          TIMELINE.lanes[it.lane][lang],
          kindLabel(it, lang),
          itemTitle(it, lang),
          it.actors.map((a) => actorName(a, lang)).join(", "),
        ]),
      },
      csv: { columns: ROW_COLUMNS, rows: timelineRows(items) },
      filename: `timeline-${asOf.iso}`,
      asOf: asOf.iso,
    };
  },
});
