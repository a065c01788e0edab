import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import {
  ITEM_CAP,
  LIST_PAGE_SIZE,
  NARROW_LATEST,
  effectiveKinds,
  filterItems,
  laneOf,
  pledgeAnchor,
  rangeBounds,
  type ItemKind,
  type TimelineActor,
  type TimelineFilter,
  type TimelineItem,
} from "@/lib/charts/timeline";
import type { EventKind } from "@/lib/generated/prisma/enums";

const PUB = { status: "PUBLISHED" as const };
const SOURCES = {
  where: { source: PUB },
  orderBy: { createdAt: "asc" as const },
  select: { source: { select: { url: true, outlet: true, originalOutlet: true } } },
};
const ACTOR = { select: { slug: true, name: true, nameUk: true } };

export type Timeline = {
  items: TimelineItem[];
  /** Items recorded up to the as-of date, before the other filters. */
  total: number;
  /** Published actors, for the filter form and to check `actor=` slugs. */
  actors: TimelineActor[];
  /** Requested actor slugs that name no published actor. */
  unknownActors: string[];
};

/** Which items get their actors and sources: all, or those a page of the view draws one by one. */
export type TimelineDetail = { page: number };

/**
 * Published events and lifecycle steps of published commitments, filtered, in chronological order.
 * Seven queries at most, whatever the number of rows. With `detail`, when there are more items
 * than the widest layout draws one by one (it then counts them), only the items a view page shows
 * (that list page, the newest few and the earliest few) get their event actors and sources.
 */
async function loadGetTimeline(f: TimelineFilter, detail?: TimelineDetail): Promise<Timeline> {
  const prisma = db();
  const kinds = effectiveKinds(f.kinds, f.lanes);
  const eventKinds = kinds.filter((k): k is EventKind => k !== "PLEDGE");
  const withPledges = kinds.includes("PLEDGE");
  const range = rangeBounds(f.from, f.to);
  const upper = range.to && range.to < f.asOf ? range.to : f.asOf;
  // Periods are days, months or years aligned to the calendar, so an item overlapping the range
  // starts no earlier than the first day of the from-year; filterItems trims the rest exactly.
  const lower = range.from ? new Date(Date.UTC(range.from.getUTCFullYear(), 0, 1)) : undefined;
  const date = { lte: upper, ...(lower ? { gte: lower } : {}) };
  const actorSlugs = f.actors && f.actors.length ? [...f.actors] : null;

  const [actors, events, stages, eventCount, stageCount] = await Promise.all([
    prisma.actor.findMany({ where: PUB, orderBy: { name: "asc" }, select: { slug: true, name: true, nameUk: true } }),
    eventKinds.length
      ? prisma.event.findMany({
          where: {
            ...PUB,
            kind: { in: eventKinds },
            date,
            ...(actorSlugs ? { actors: { some: { actor: { ...PUB, slug: { in: actorSlugs } } } } } : {}),
          },
          orderBy: [{ date: "asc" }, { slug: "asc" }],
          select: { id: true, slug: true, kind: true, date: true, datePrecision: true },
        })
      : Promise.resolve([]),
    withPledges
      ? prisma.commitmentStage.findMany({
          where: {
            date,
            commitment: { ...PUB, actor: { ...PUB, ...(actorSlugs ? { slug: { in: actorSlugs } } : {}) } },
          },
          orderBy: [{ date: "asc" }, { id: "asc" }],
          select: { id: true, stage: true, date: true, datePrecision: true, note: true, commitment: { select: { slug: true, title: true, kind: true, actor: ACTOR } } },
        })
      : Promise.resolve([]),
    prisma.event.count({ where: { ...PUB, date: { lte: f.asOf } } }),
    prisma.commitmentStage.count({ where: { date: { lte: f.asOf }, commitment: { ...PUB, actor: PUB } } }),
  ]);

  const items: TimelineItem[] = [];
  const ids = new Map<string, { event?: string; stage?: string }>();
  for (const e of events) {
    ids.set(`event-${e.slug}`, { event: e.id });
    items.push({
      anchor: `event-${e.slug}`,
      kind: e.kind,
      lane: laneOf(e.kind),
      date: e.date,
      precision: e.datePrecision,
      // Filled in by addDetails for the items that are drawn or listed.
      title: "",
      summary: null,
      location: null,
      stage: null,
      commitment: null,
      actors: [],
      sources: [],
    });
  }
  for (const s of stages) {
    const anchor = pledgeAnchor(s.commitment.slug, s.stage, s.date);
    ids.set(anchor, { stage: s.id });
    items.push({
      anchor,
      kind: "PLEDGE" satisfies ItemKind,
      lane: "pledges",
      date: s.date,
      precision: s.datePrecision,
      title: null,
      summary: s.note,
      location: null,
      stage: s.stage,
      commitment: { slug: s.commitment.slug, title: s.commitment.title, kind: s.commitment.kind },
      actors: [s.commitment.actor],
      sources: [],
    });
  }

  // The actor filter is applied by the queries (event actors are loaded with the details below).
  const kept = filterItems(items, { ...f, actors: undefined });
  await addDetails(kept, ids, detail ? detailedSubset(kept, detail) : null);
  const known = new Set(actors.map((a) => a.slug));
  return {
    items: kept,
    total: eventCount + stageCount,
    actors,
    unknownActors: (f.actors ?? []).filter((s) => !known.has(s)),
  };
}


/** The items a view page draws one by one, or null for all of them. */
function detailedSubset(items: readonly TimelineItem[], d: TimelineDetail): Set<TimelineItem> | null {
  if (items.length <= ITEM_CAP.wide) return null;
  const n = items.length;
  const pageEnd = n - (d.page - 1) * LIST_PAGE_SIZE;
  return new Set([...items.slice(0, 5), ...items.slice(n - NARROW_LATEST), ...items.slice(Math.max(0, pageEnd - LIST_PAGE_SIZE), Math.max(0, pageEnd))]);
}

/** Loads event actors and the sources of the chosen items (all when `only` is null), in place. */
async function addDetails(items: TimelineItem[], ids: Map<string, { event?: string; stage?: string }>, only: Set<TimelineItem> | null) {
  const chosen = only ? items.filter((it) => only.has(it)) : items;
  const eventIds = chosen.flatMap((it) => ids.get(it.anchor)?.event ?? []);
  const stageIds = chosen.flatMap((it) => ids.get(it.anchor)?.stage ?? []);
  const prisma = db();
  const [events, stages] = await Promise.all([
    eventIds.length
      ? prisma.event.findMany({ where: { id: { in: eventIds } }, select: { id: true, title: true, summary: true, location: true, actors: { where: { actor: PUB }, select: { actor: ACTOR } }, citations: SOURCES } })
      : Promise.resolve([]),
    stageIds.length
      ? prisma.commitmentStage.findMany({ where: { id: { in: stageIds } }, select: { id: true, citations: SOURCES, commitment: { select: { citations: SOURCES } } } })
      : Promise.resolve([]),
  ]);
  const byEvent = new Map(events.map((e) => [e.id, e]));
  const byStage = new Map(stages.map((s) => [s.id, s]));
  for (const it of chosen) {
    const id = ids.get(it.anchor);
    const e = id?.event !== undefined ? byEvent.get(id.event) : undefined;
    if (e) {
      it.title = e.title;
      it.summary = e.summary;
      it.location = e.location;
      it.actors = e.actors.map((a) => a.actor).sort((a, b) => a.name.localeCompare(b.name));
      it.sources = uniqueByUrl(e.citations.map((c) => c.source));
    }
    const s = id?.stage !== undefined ? byStage.get(id.stage) : undefined;
    if (s) {
      const own = uniqueByUrl(s.citations.map((c) => c.source));
      // A step without its own citation falls back to the commitment's sources.
      it.sources = own.length ? own : uniqueByUrl(s.commitment.citations.map((c) => c.source));
    }
  }
}

/** The message for `actor=` slugs that name no published actor, listing the known ones. */
export function unknownActorMessage(unknown: string[], known: string[]): string {
  return `actor: Unknown actor ${unknown.map((s) => `"${s}"`).join(", ")}. Known actors: ${known.join(", ")}.`;
}

/** getTimeline, cached under the published tag (lib/db/cache.ts). */
export const getTimeline = cachedRead("getTimeline", loadGetTimeline);
