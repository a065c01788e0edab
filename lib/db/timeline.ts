import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import {
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

/**
 * Published events and lifecycle steps of published commitments, filtered, in chronological order.
 * Five queries at most, whatever the number of rows.
 */
async function loadGetTimeline(f: TimelineFilter): Promise<Timeline> {
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
          select: {
            slug: true,
            kind: true,
            date: true,
            datePrecision: true,
            title: true,
            summary: true,
            location: true,
            actors: { where: { actor: PUB }, select: { actor: ACTOR } },
            citations: SOURCES,
          },
        })
      : Promise.resolve([]),
    withPledges
      ? prisma.commitmentStage.findMany({
          where: {
            date,
            commitment: { ...PUB, actor: { ...PUB, ...(actorSlugs ? { slug: { in: actorSlugs } } : {}) } },
          },
          orderBy: [{ date: "asc" }, { id: "asc" }],
          select: {
            stage: true,
            date: true,
            datePrecision: true,
            note: true,
            citations: SOURCES,
            commitment: { select: { slug: true, title: true, kind: true, actor: ACTOR, citations: SOURCES } },
          },
        })
      : Promise.resolve([]),
    prisma.event.count({ where: { ...PUB, date: { lte: f.asOf } } }),
    prisma.commitmentStage.count({ where: { date: { lte: f.asOf }, commitment: { ...PUB, actor: PUB } } }),
  ]);

  const items: TimelineItem[] = [];
  for (const e of events) {
    items.push({
      anchor: `event-${e.slug}`,
      kind: e.kind,
      lane: laneOf(e.kind),
      date: e.date,
      precision: e.datePrecision,
      title: e.title,
      summary: e.summary,
      location: e.location,
      stage: null,
      commitment: null,
      actors: e.actors.map((a) => a.actor).sort((a, b) => a.name.localeCompare(b.name)),
      sources: uniqueByUrl(e.citations.map((c) => c.source)),
    });
  }
  for (const s of stages) {
    const own = uniqueByUrl(s.citations.map((c) => c.source));
    items.push({
      anchor: pledgeAnchor(s.commitment.slug, s.stage, s.date),
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
      // A step without its own citation falls back to the commitment's sources.
      sources: own.length ? own : uniqueByUrl(s.commitment.citations.map((c) => c.source)),
    });
  }

  const known = new Set(actors.map((a) => a.slug));
  return {
    items: filterItems(items, f),
    total: eventCount + stageCount,
    actors,
    unknownActors: (f.actors ?? []).filter((s) => !known.has(s)),
  };
}


/** The message for `actor=` slugs that name no published actor, listing the known ones. */
export function unknownActorMessage(unknown: string[], known: string[]): string {
  return `actor: Unknown actor ${unknown.map((s) => `"${s}"`).join(", ")}. Known actors: ${known.join(", ")}.`;
}

/** getTimeline, cached under the published tag (lib/db/cache.ts). */
export const getTimeline = cachedRead("getTimeline", loadGetTimeline);
