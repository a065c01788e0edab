import "server-only";
import { cachedRead } from "./cache";
import { db } from "./client";
import { MODEL, liveDelegate, type EntityKey } from "./records";
import { entityOfModel } from "./admin";
import { diffSnapshots, type Change } from "@/lib/admin/diff";
import { ENTITIES } from "@/lib/admin/entities";
import type { RevisionAction } from "@/lib/generated/prisma/enums";

// Record time: the admin history of one record (every revision with what it changed) and the
// public corrections log (every dataset release with the records it made public or withdrew).
// The log reads only revisions that a release made public, so a draft can never appear in it,
// and it never selects author names, e-mail addresses, revision messages or internal notes.

/** Revisions that made a snapshot the live record. */
const LIVE_ACTIONS = ["SEED", "IMPORT", "PUBLISH", "RESTORE"] as const satisfies readonly RevisionAction[];
/** Revisions the public corrections log lists. */
export const PUBLIC_ACTIONS = [...LIVE_ACTIONS, "RETRACT"] as const satisfies readonly RevisionAction[];
type PublicAction = (typeof PUBLIC_ACTIONS)[number];

const isLiveAction = (a: RevisionAction) => (LIVE_ACTIONS as readonly string[]).includes(a);

type Snapshot = Record<string, unknown>;

export type HistoryEntry = {
  id: string;
  /** The record's revision number (1 = first). */
  version: number;
  action: RevisionAction;
  authorLabel: string;
  at: Date;
  message: string | null;
  /** The dataset release this revision made public, if any. */
  release: number | null;
  /**
   * What this revision changed. A publish, restore or retraction is compared with the version the
   * public saw before it; a draft step (create, edit, submit) with the revision before it.
   */
  changes: Change[];
  /** "new": nothing to compare with, so `changes` lists every filled field. */
  basis: "new" | "published" | "previous";
  /** Whether restoring it would change the public record (it was public once and is not what the public sees now). */
  restorable: boolean;
};

export type RecordHistory = {
  entity: EntityKey;
  id: string;
  title: string;
  /** The live record, if it was ever published: its version is the restore's compare-and-set token. */
  live: { status: string; version: number } | null;
  draft: { status: string; authorLabel: string } | null;
  /** Newest first. */
  revisions: HistoryEntry[];
};

/** One record's revisions, newest first, each with its field-by-field changes; null if the record does not exist. */
export async function recordHistory(entity: EntityKey, id: string): Promise<RecordHistory | null> {
  const delegate = liveDelegate(db(), entity) as unknown as {
    findUnique: (a: object) => Promise<{ status: string; version: number } | null>;
  };
  const [rows, live, draft] = await Promise.all([
    db().revision.findMany({
      where: { entityType: MODEL[entity], entityId: id },
      orderBy: { version: "asc" },
      select: { id: true, version: true, action: true, snapshot: true, message: true, authorLabel: true, createdAt: true, releaseNumber: true },
    }),
    delegate.findUnique({ where: { id }, select: { status: true, version: true } }),
    db().draft.findUnique({ where: { entityType_entityId: { entityType: MODEL[entity], entityId: id } }, select: { status: true, authorLabel: true, snapshot: true } }),
  ]);
  if (!live && !draft && rows.length === 0) return null;

  const currentLive = [...rows].reverse().find((r) => isLiveAction(r.action))?.snapshot as Snapshot | undefined;
  let previous: Snapshot | null = null;
  let lastLive: Snapshot | null = null;
  const entries: HistoryEntry[] = rows.map((r) => {
    const snapshot = r.snapshot as Snapshot;
    const published = isLiveAction(r.action) || r.action === "RETRACT";
    const base = published ? lastLive : previous;
    const restorable =
      isLiveAction(r.action) && (live?.status !== "PUBLISHED" || !currentLive || diffSnapshots(entity, currentLive, snapshot).length > 0);
    const entry: HistoryEntry = {
      id: r.id,
      version: r.version,
      action: r.action,
      authorLabel: r.authorLabel,
      at: r.createdAt,
      message: r.message,
      release: r.releaseNumber,
      changes: diffSnapshots(entity, base, snapshot),
      basis: base === null ? "new" : published ? "published" : "previous",
      restorable,
    };
    previous = snapshot;
    if (isLiveAction(r.action)) lastLive = snapshot;
    return entry;
  });

  // Named as the edit form names it: by the working draft, else by what the public sees.
  const named = (draft?.snapshot ?? currentLive ?? rows.at(-1)?.snapshot ?? {}) as Snapshot;
  return {
    entity,
    id,
    title: String(named[ENTITIES[entity].titleField] || named.slug || id),
    live,
    draft: draft ? { status: draft.status, authorLabel: draft.authorLabel } : null,
    revisions: entries.reverse(),
  };
}

// ---------------------------------------------------------------- the public corrections log

/** Releases per page of the corrections log. */
export const CORRECTIONS_PAGE_SIZE = 20;

/** How a record changed in a release, in the public's words. */
export type CorrectionKind = "seeded" | "added" | "updated" | "restored" | "retracted";

export type CorrectionRecord = {
  entity: EntityKey;
  action: PublicAction;
  kind: CorrectionKind;
  slug: string;
  /** As published in that release (data text, in its source language). */
  title: string;
  /** The record's public page today; null when it has none or is no longer published. */
  href: string | null;
};

export type CorrectionRelease = {
  number: number;
  publishedAt: Date;
  note: string;
  /** Ordered by record type, then title. */
  records: CorrectionRecord[];
  /** Records per type, for a short summary of a large release. */
  counts: Partial<Record<EntityKey, number>>;
};

export type CorrectionsPage = { page: number; pages: number; total: number; releases: CorrectionRelease[] };

// Records without a page of their own are linked to their row on the view that lists them.
const ANCHOR: Partial<Record<EntityKey, (slug: string) => string>> = {
  events: (s) => `/timeline#event-${s}`,
  polls: (s) => `/polls#poll-${s}`,
  claims: (s) => `/sources#claim-${s}`,
  sites: (s) => `/map#site-${s}`,
  sources: (s) => `/sources#source-${s}`,
};

type LiveInfo = { id: string; status: string; slug: string; iso2?: string | null; actor?: { iso2: string | null; name: string }; country?: { name: string } };

const LIVE_SELECT: Record<EntityKey, Record<string, unknown>> = {
  sources: {},
  actors: { iso2: true },
  participation: { actor: { select: { iso2: true, name: true } } },
  commitments: {},
  sites: {},
  polls: { country: { select: { name: true } } },
  events: {},
  claims: {},
};

const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** A record's name in the log: its title field, made readable where that alone says little. */
function titleOf(entity: EntityKey, snap: Snapshot, live: LiveInfo): string {
  const text = (k: string) => (typeof snap[k] === "string" ? (snap[k] as string) : "");
  switch (entity) {
    case "participation":
      return live.actor?.name ?? text("actor");
    case "polls":
      return [text("pollster"), live.country?.name ?? text("country"), text("fieldworkEnd")].filter(Boolean).join(", ");
    case "sources":
      return [text("outlet"), text("title")].filter(Boolean).join(": ");
    default:
      return clip(text(ENTITIES[entity].titleField) || text("slug"));
  }
}

function hrefOf(entity: EntityKey, live: LiveInfo): string | null {
  if (live.status !== "PUBLISHED") return null;
  if (entity === "participation") return live.actor?.iso2 ? `/countries/${live.actor.iso2.toLowerCase()}` : null;
  const spec = ENTITIES[entity];
  if (spec.publicPath) return spec.publicPath(live.slug, { iso2: live.iso2 ?? null });
  return ANCHOR[entity]?.(live.slug) ?? null;
}

const ENTITY_ORDER = new Map(Object.keys(ENTITIES).map((k, i) => [k, i]));

/** One page of dataset releases, newest first, with the records each changed. A few queries per page. */
async function loadCorrections(page: number): Promise<CorrectionsPage> {
  const prisma = db();
  const total = await prisma.release.count();
  const pages = Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE));
  const releases = await prisma.release.findMany({
    orderBy: { number: "desc" },
    skip: (page - 1) * CORRECTIONS_PAGE_SIZE,
    take: CORRECTIONS_PAGE_SIZE,
    select: { number: true, publishedAt: true, note: true },
  });
  if (releases.length === 0) return { page, pages, total, releases: [] };

  const revisions = await prisma.revision.findMany({
    where: { releaseNumber: { in: releases.map((r) => r.number) }, action: { in: [...PUBLIC_ACTIONS] } },
    select: { entityType: true, entityId: true, version: true, action: true, snapshot: true, releaseNumber: true },
  });

  // Current state of each record: only records that are live (published or retracted) are listed.
  const byEntity = new Map<EntityKey, string[]>();
  for (const r of revisions) {
    const e = entityOfModel(r.entityType);
    if (e) byEntity.set(e, [...(byEntity.get(e) ?? []), r.entityId]);
  }
  const liveRows = new Map<string, LiveInfo>();
  await Promise.all(
    [...byEntity].map(async ([entity, ids]) => {
      const delegate = liveDelegate(prisma, entity) as unknown as { findMany: (a: object) => Promise<LiveInfo[]> };
      const rows = await delegate.findMany({
        where: { id: { in: ids }, status: { in: ["PUBLISHED", "RETRACTED"] } },
        select: { id: true, status: true, slug: true, ...LIVE_SELECT[entity] },
      });
      for (const row of rows) liveRows.set(`${entity}:${row.id}`, row);
    }),
  );

  // A publish is an update when an earlier revision of the record had already been made live.
  const published = revisions.filter((r) => r.action === "PUBLISH" || r.action === "IMPORT");
  const earlier = published.length
    ? await prisma.revision.findMany({
        where: { entityId: { in: published.map((r) => r.entityId) }, action: { in: [...LIVE_ACTIONS] } },
        select: { entityType: true, entityId: true, version: true },
      })
    : [];
  const firstLive = new Map<string, number>();
  for (const r of earlier) {
    const k = `${r.entityType}:${r.entityId}`;
    firstLive.set(k, Math.min(firstLive.get(k) ?? Infinity, r.version));
  }

  const records = new Map<number, CorrectionRecord[]>();
  for (const r of revisions) {
    const entity = entityOfModel(r.entityType);
    const live = entity && liveRows.get(`${entity}:${r.entityId}`);
    if (!entity || !live) continue;
    const action = r.action as PublicAction;
    const kind: CorrectionKind =
      action === "SEED"
        ? "seeded"
        : action === "RESTORE"
          ? "restored"
          : action === "RETRACT"
            ? "retracted"
            : (firstLive.get(`${r.entityType}:${r.entityId}`) ?? r.version) < r.version
              ? "updated"
              : "added";
    const snap = r.snapshot as Snapshot;
    const list = records.get(r.releaseNumber!) ?? [];
    list.push({ entity, action, kind, slug: live.slug, title: titleOf(entity, snap, live), href: hrefOf(entity, live) });
    records.set(r.releaseNumber!, list);
  }

  return {
    page,
    pages,
    total,
    releases: releases.map((rel) => {
      const list = (records.get(rel.number) ?? []).sort(
        (a, b) => ENTITY_ORDER.get(a.entity)! - ENTITY_ORDER.get(b.entity)! || a.title.localeCompare(b.title),
      );
      const counts: Partial<Record<EntityKey, number>> = {};
      for (const r of list) counts[r.entity] = (counts[r.entity] ?? 0) + 1;
      return { number: rel.number, publishedAt: rel.publishedAt, note: rel.note, records: list, counts };
    }),
  };
}

/** The corrections log, cached by release (lib/db/cache.ts); `page` counts from 1. */
export const correctionsLog = cachedRead("corrections", loadCorrections);
