import "server-only";
import { cachedRead } from "../cache";
import { db } from "../client";
import { MODEL, type EntityKey } from "../records";
import type { CommitmentKind, RevisionAction } from "@/lib/generated/prisma/enums";
import { isoDay } from "@/lib/format";
import { ENTITIES } from "@/lib/export/fields";

// Change feeds: the revisions that made something public (or withdrew it), each with the dataset
// release that published it (Revision.releaseNumber, written in the same transaction). Only
// records that are public now are listed, plus retractions; never drafts, never a revision's
// snapshot or internal message, never an e-mail address.

/** Revision actions that change what the public sees. */
export const FEED_ACTIONS = ["SEED", "IMPORT", "PUBLISH", "RESTORE", "RETRACT"] as const satisfies readonly RevisionAction[];
/** Entries per feed: the latest changes; the bulk downloads and the API hold everything. */
export const FEED_LIMIT = 100;
const BATCH = 250;

export type FeedScope = { kind: "all" } | { kind: "country"; iso2: string } | { kind: "commitmentKind"; value: CommitmentKind };

export type FeedEntry = {
  revisionId: string;
  action: (typeof FEED_ACTIONS)[number];
  entity: EntityKey;
  slug: string;
  title: string;
  /** Path of the record's public page (the caller adds the origin). */
  path: string;
  release: number;
  /** When the release was published: the entry's time. */
  updated: Date;
  /** The release note, written for the public corrections log. */
  note: string;
  author: string;
};

export type Feed = { title: string; entries: FeedEntry[] };

type Described = { slug: string; title: string; path: string; status: string; isPublic: boolean };
const PUB = { status: "PUBLISHED" as const };
const LIVE = { status: { in: ["PUBLISHED" as const, "RETRACTED" as const] } };
const code = (a: { iso2: string | null; slug: string }) => (a.iso2 ?? a.slug).toLowerCase();
const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
// Public change records speak for the organisation, as the corrections log does (decision 009):
// staff names stay in the admin's history and the audit trail.
const AUTHOR = "Security Guarantees Tracker editors";

/** Title, public path and visibility of live records of one entity (published or retracted). */
async function describe(entity: EntityKey, where: Record<string, unknown>): Promise<Map<string, Described>> {
  const prisma = db();
  // The scope's where clauses are built per entity below; each fits its own model.
  const w = { ...LIVE, ...where } as never;
  const out = new Map<string, Described>();
  const put = (id: string, d: Described) => out.set(id, d);
  switch (entity) {
    case "sources":
      for (const s of await prisma.source.findMany({ where: w, select: { id: true, slug: true, title: true, outlet: true, status: true } })) {
        put(s.id, { slug: s.slug, title: s.title ?? s.outlet, path: `/sources#source-${s.slug}`, status: s.status, isPublic: s.status === "PUBLISHED" });
      }
      break;
    case "actors":
      for (const a of await prisma.actor.findMany({ where: w, select: { id: true, slug: true, iso2: true, name: true, status: true } })) {
        put(a.id, { slug: a.slug, title: a.name, path: `/countries/${code(a)}`, status: a.status, isPublic: a.status === "PUBLISHED" });
      }
      break;
    case "participation":
      for (const p of await prisma.coalitionParticipation.findMany({
        where: w,
        select: { id: true, slug: true, status: true, actor: { select: { slug: true, iso2: true, name: true, status: true } } },
      })) {
        put(p.id, {
          slug: p.slug,
          title: `${p.actor.name}: coalition participation`,
          path: `/countries/${code(p.actor)}`,
          status: p.status,
          isPublic: p.status === "PUBLISHED" && p.actor.status === "PUBLISHED",
        });
      }
      break;
    case "commitments":
      for (const c of await prisma.commitment.findMany({ where: w, select: { id: true, slug: true, title: true, status: true, actor: { select: { status: true } } } })) {
        put(c.id, { slug: c.slug, title: c.title, path: `/commitments/${c.slug}`, status: c.status, isPublic: c.status === "PUBLISHED" && c.actor.status === "PUBLISHED" });
      }
      break;
    case "sites":
      for (const s of await prisma.site.findMany({ where: w, select: { id: true, slug: true, name: true, status: true } })) {
        put(s.id, { slug: s.slug, title: s.name, path: `/map#site-${s.slug}`, status: s.status, isPublic: s.status === "PUBLISHED" });
      }
      break;
    case "polls":
      for (const p of await prisma.poll.findMany({
        where: w,
        select: { id: true, slug: true, pollster: true, fieldworkEnd: true, status: true, country: { select: { name: true, status: true } } },
      })) {
        put(p.id, {
          slug: p.slug,
          title: `${p.pollster} poll, ${p.country.name} (fieldwork ended ${isoDay(p.fieldworkEnd)})`,
          path: `/polls#poll-${p.slug}`,
          status: p.status,
          isPublic: p.status === "PUBLISHED" && p.country.status === "PUBLISHED",
        });
      }
      break;
    case "events":
      for (const e of await prisma.event.findMany({ where: w, select: { id: true, slug: true, title: true, status: true } })) {
        put(e.id, { slug: e.slug, title: e.title, path: `/timeline#event-${e.slug}`, status: e.status, isPublic: e.status === "PUBLISHED" });
      }
      break;
    case "claims":
      for (const c of await prisma.claim.findMany({ where: w, select: { id: true, slug: true, statement: true, status: true } })) {
        put(c.id, { slug: c.slug, title: clip(c.statement), path: `/sources#claim-${c.slug}`, status: c.status, isPublic: c.status === "PUBLISHED" });
      }
      break;
  }
  return out;
}

/** The records a scope covers, per entity, as Prisma where clauses; null when the scope names nothing published. */
async function scopeWhere(scope: FeedScope): Promise<{ title: string; where: Partial<Record<EntityKey, Record<string, unknown>>> } | null> {
  if (scope.kind === "all") return { title: "all published changes", where: Object.fromEntries(ENTITIES.map((e) => [e, {}])) };
  if (scope.kind === "commitmentKind") return { title: `commitments of kind ${scope.value}`, where: { commitments: { kind: scope.value } } };
  const actor = await db().actor.findFirst({ where: { ...PUB, kind: "COUNTRY", iso2: scope.iso2 }, select: { id: true, name: true } });
  if (!actor) return null;
  const byActor = { actorId: actor.id };
  const where: Partial<Record<EntityKey, Record<string, unknown>>> = {
    actors: { id: actor.id },
    participation: byActor,
    commitments: byActor,
    sites: { OR: [{ countryIso2: scope.iso2 }, { actors: { some: byActor } }] },
    polls: { countryId: actor.id },
    events: { actors: { some: byActor } },
    claims: byActor,
  };
  return { title: actor.name, where };
}

/**
 * The latest public changes in a scope, newest first (at most FEED_LIMIT); null when the scope's
 * country is not a published country. A few queries per batch of revisions.
 */
async function loadFeed(scope: FeedScope): Promise<Feed | null> {
  const s = await scopeWhere(scope);
  if (!s) return null;
  const prisma = db();
  const entities = Object.keys(s.where) as EntityKey[];
  const entityOfModel = new Map(entities.map((e) => [MODEL[e], e]));

  // In a scoped feed, only revisions of the scope's records (ids found first).
  let ids: string[] | null = null;
  if (scope.kind !== "all") {
    ids = [];
    for (const e of entities) ids.push(...(await describe(e, s.where[e]!)).keys());
    if (ids.length === 0) return { title: s.title, entries: [] };
  }

  const entries: FeedEntry[] = [];
  for (let skip = 0; entries.length < FEED_LIMIT; skip += BATCH) {
    const revisions = await prisma.revision.findMany({
      where: {
        action: { in: [...FEED_ACTIONS] },
        releaseNumber: { not: null },
        entityType: { in: [...entityOfModel.keys()] },
        ...(ids ? { entityId: { in: ids } } : {}),
      },
      orderBy: [{ releaseNumber: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      skip,
      take: BATCH,
      select: { id: true, entityType: true, entityId: true, action: true, releaseNumber: true },
    });
    if (revisions.length === 0) break;

    const described = new Map<string, Described>();
    for (const e of entities) {
      const wanted = revisions.filter((r) => r.entityType === MODEL[e]).map((r) => r.entityId);
      if (wanted.length) for (const [id, d] of await describe(e, { ...s.where[e], id: { in: wanted } })) described.set(id, d);
    }
    const releases = new Map(
      (
        await prisma.release.findMany({
          where: { number: { in: [...new Set(revisions.map((r) => r.releaseNumber!))] } },
          select: { number: true, publishedAt: true, note: true },
        })
      ).map((r) => [r.number, r]),
    );

    for (const r of revisions) {
      const d = described.get(r.entityId);
      const action = r.action as FeedEntry["action"];
      // Public records show their history; a withdrawn record shows only that it was withdrawn.
      if (!d || !(d.isPublic || (action === "RETRACT" && d.status === "RETRACTED"))) continue;
      const release = releases.get(r.releaseNumber!);
      if (!release) continue;
      entries.push({
        revisionId: r.id,
        action,
        entity: entityOfModel.get(r.entityType)!,
        slug: d.slug,
        title: d.title,
        path: d.path,
        release: release.number,
        updated: release.publishedAt,
        note: release.note,
        author: AUTHOR,
      });
      if (entries.length >= FEED_LIMIT) break;
    }
    if (revisions.length < BATCH) break;
  }
  return { title: s.title, entries };
}

/** loadFeed, cached by release (lib/db/cache.ts). */
export const getFeed = cachedRead("api-feed", loadFeed);
