import "server-only";
import { db } from "./client";
import { MODEL, liveDelegate, type EntityKey } from "./records";
import { BULK_LIMIT, liveSnapshot, snapshotInput } from "./workflow";
import { ENTITIES } from "@/lib/admin/entities";

// Reads for the admin: every record whatever its status, drafts beside the live rows. Never used
// by public pages (which read published rows only).

export type AdminRow = {
  id: string;
  slug: string;
  title: string;
  live: { status: string; version: number; updatedAt: Date } | null;
  draft: { status: string; version: number; authorLabel: string; updatedAt: Date; isNew: boolean } | null;
};

export const ADMIN_STATUSES = ["any", "published", "retracted", "draft", "in_review"] as const;
export type AdminStatus = (typeof ADMIN_STATUSES)[number];

type LiveRow = { id: string; slug: string; status: string; version: number; updatedAt: Date } & Record<string, unknown>;

/** Records of one entity with their draft, filtered by text and status, newest change first. */
export async function listRecords(entity: EntityKey, opts: { q?: string; status?: AdminStatus; limit?: number } = {}): Promise<AdminRow[]> {
  const spec = ENTITIES[entity];
  const titleCol = spec.titleField === "actor" ? "slug" : spec.titleField;
  const delegate = liveDelegate(db(), entity) as unknown as { findMany: (a: object) => Promise<LiveRow[]> };
  const [live, drafts] = await Promise.all([
    delegate.findMany({ select: { id: true, slug: true, status: true, version: true, updatedAt: true, [titleCol]: true } }),
    db().draft.findMany({ where: { entityType: MODEL[entity] } }),
  ]);
  const draftById = new Map(drafts.map((d) => [d.entityId, d]));
  const rows: AdminRow[] = live.map((r) => {
    const d = draftById.get(r.id);
    const snap = d?.snapshot as Record<string, unknown> | undefined;
    return {
      id: r.id,
      slug: (snap?.slug as string) ?? r.slug,
      title: String(snap?.[spec.titleField] ?? r[titleCol] ?? r.slug),
      live: { status: r.status, version: r.version, updatedAt: r.updatedAt },
      draft: d ? { status: d.status, version: d.version, authorLabel: d.authorLabel, updatedAt: d.updatedAt, isNew: d.isNew } : null,
    };
  });
  for (const d of drafts) {
    if (!d.isNew) continue;
    const snap = d.snapshot as Record<string, unknown>;
    rows.push({
      id: d.entityId,
      slug: String(snap.slug ?? ""),
      title: String(snap[spec.titleField] ?? snap.slug ?? "(untitled)"),
      live: null,
      draft: { status: d.status, version: d.version, authorLabel: d.authorLabel, updatedAt: d.updatedAt, isNew: true },
    });
  }
  const q = opts.q?.trim().toLowerCase();
  const status = opts.status ?? "any";
  return rows
    .filter((r) => !q || r.slug.toLowerCase().includes(q) || r.title.toLowerCase().includes(q))
    .filter((r) => {
      if (status === "published") return r.live?.status === "PUBLISHED";
      if (status === "retracted") return r.live?.status === "RETRACTED";
      if (status === "draft") return r.draft?.status === "DRAFT";
      if (status === "in_review") return r.draft?.status === "IN_REVIEW";
      return true;
    })
    .sort((a, b) => lastChange(b) - lastChange(a))
    .slice(0, opts.limit ?? 500);
}

const lastChange = (r: AdminRow) => Math.max(r.draft?.updatedAt.getTime() ?? 0, r.live?.updatedAt.getTime() ?? 0);

/** Everything the edit form needs: the working copy (draft, else the live input) and versions. */
export async function getRecordForEdit(entity: EntityKey, id: string) {
  const delegate = liveDelegate(db(), entity) as unknown as {
    findUnique: (a: object) => Promise<{ id: string; slug: string; status: string; version: number } | null>;
  };
  const [live, draft, snap] = await Promise.all([
    delegate.findUnique({ where: { id }, select: { id: true, slug: true, status: true, version: true } }),
    db().draft.findUnique({ where: { entityType_entityId: { entityType: MODEL[entity], entityId: id } } }),
    liveSnapshot(db(), entity, id),
  ]);
  if (!live && !draft) return null;
  return {
    id,
    live: live ? { status: live.status, version: live.version, snapshot: snap ? snapshotInput(entity, snap.snapshot) : null } : null,
    draft: draft
      ? {
          status: draft.status,
          version: draft.version,
          baseVersion: draft.baseVersion,
          snapshot: draft.snapshot as Record<string, unknown>,
          authorLabel: draft.authorLabel,
          updatedAt: draft.updatedAt,
          message: draft.message,
        }
      : null,
  };
}
export type RecordForEdit = NonNullable<Awaited<ReturnType<typeof getRecordForEdit>>>;

/** Published records a form may refer to, and sources to cite. */
export async function refOptions() {
  const published = { status: "PUBLISHED" as const };
  const [actors, commitments, sources] = await Promise.all([
    db().actor.findMany({ where: published, select: { slug: true, name: true, iso2: true }, orderBy: { name: "asc" } }),
    db().commitment.findMany({ where: published, select: { slug: true, title: true }, orderBy: { slug: "asc" } }),
    db().source.findMany({ where: published, select: { url: true, outlet: true, title: true, publishedOn: true }, orderBy: { outlet: "asc" } }),
  ]);
  return {
    actor: actors.map((a) => ({ value: a.slug, label: a.name })),
    country: actors.filter((a) => a.iso2).map((a) => ({ value: a.iso2!, label: `${a.name} (${a.iso2})` })),
    commitment: commitments.map((c) => ({ value: c.slug, label: c.title })),
    source: sources.map((s) => ({
      value: s.url,
      label: [s.outlet, s.title, s.publishedOn?.toISOString().slice(0, 10)].filter(Boolean).join(" · "),
    })),
  };
}
export type RefOptions = Awaited<ReturnType<typeof refOptions>>;

/** The admin home: what waits for review, the signed-in person's drafts, recent releases. */
export async function adminOverview(userId: string) {
  const [inReview, mine, releases, counts] = await Promise.all([
    db().draft.findMany({ where: { status: "IN_REVIEW" }, orderBy: { submittedAt: "asc" }, take: BULK_LIMIT }),
    db().draft.findMany({ where: { authorId: userId, status: "DRAFT" }, orderBy: { updatedAt: "desc" }, take: BULK_LIMIT }),
    db().release.findMany({ orderBy: { number: "desc" }, take: 10 }),
    db().draft.groupBy({ by: ["status"], _count: true }),
  ]);
  return { inReview, mine, releases, counts: Object.fromEntries(counts.map((c) => [c.status, c._count])) as Record<string, number> };
}

/** The entity key of a model name stored in Draft/Revision rows. */
export function entityOfModel(model: string): EntityKey | null {
  return (Object.keys(MODEL) as EntityKey[]).find((k) => MODEL[k] === model) ?? null;
}
