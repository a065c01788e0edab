import "server-only";
import { cachedRead } from "../cache";
import { db, type Prisma } from "../client";
import { loadRecordInputs } from "../export";
import type { EntityKey } from "../records";
import { periodEnd, rangeBounds } from "@/lib/charts/timeline";
import { publicRecord, type PublicRecord } from "@/lib/export/fields";
import type { DatePrecision, LifecycleStage } from "@/lib/generated/prisma/enums";
import { stageAsOf } from "@/lib/lifecycle";
import type { AnyListParams, FieldIssue } from "@/lib/schemas/api";
import { asOfDate } from "@/lib/schemas/search-params";

// The API's reads: a page of one entity's published records (the pages' filters, a valid-time
// asOf, cursor paging by slug) and single records by id or slug. Three queries per page: the
// matching ids (with what the filters need), the published actors when a filter names some, and
// the page's records through loadRecordInputs (lib/db/export.ts).

const PUB = { status: "PUBLISHED" as const };
// Code-unit order, the same in every database and locale; cursors compare the same way.
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const FAR_FUTURE = new Date(8.64e15);

export type ListFilter = Omit<AnyListParams, "cursor"> & { after?: string };
export type ListPage = { ok: true; records: PublicRecord[]; next: string | null; total: number } | { ok: false; issues: FieldIssue[] };
type Candidate = { id: string; slug: string };

const inList = <T>(xs: T[] | undefined) => (xs?.length ? { in: xs } : undefined);

/** Ids and slugs of the published records matching the filters (valid time applied). */
async function candidates(entity: EntityKey, f: ListFilter, asOfEnd: Date | null): Promise<Candidate[]> {
  const prisma = db();
  const lte = asOfEnd ? { lte: asOfEnd } : undefined;
  const actorWhere = (extra: Prisma.ActorWhereInput = {}): Prisma.ActorWhereInput => ({ ...PUB, ...(f.actor?.length ? { slug: { in: f.actor } } : {}), ...extra });
  const select = { id: true, slug: true } as const;
  switch (entity) {
    case "sources":
      return prisma.source.findMany({ where: { ...PUB, kind: inList(f.kind as never[]) }, select });
    case "actors":
      return prisma.actor.findMany({
        where: { ...PUB, kind: inList(f.kind as never[]), ...(f.group?.length ? { groups: { hasSome: f.group as never[] } } : {}) },
        select,
      });
    case "participation":
      return prisma.coalitionParticipation.findMany({
        where: { ...PUB, actor: actorWhere(), role: inList(f.role as never[]), firstRecorded: lte },
        select,
      });
    case "commitments": {
      const tags = (f.condition ?? []).filter((c) => c !== "NONE");
      const conditions: Prisma.CommitmentWhereInput[] = [
        ...(tags.length ? [{ conditions: { hasSome: tags as never[] } }] : []),
        ...(f.condition?.includes("NONE") ? [{ conditions: { isEmpty: true } }] : []),
      ];
      const rows = await prisma.commitment.findMany({
        where: {
          ...PUB,
          actor: actorWhere(f.group?.length ? { groups: { hasSome: f.group as never[] } } : {}),
          kind: inList(f.kind as never[]),
          legalForm: inList(f.legalForm as never[]),
          parliamentaryApproval: inList(f.approval as never[]),
          ...(conditions.length ? { OR: conditions } : {}),
          ...(lte ? { stages: { some: { date: lte } } } : {}),
        },
        select: { ...select, stages: { where: lte ? { date: lte } : {}, select: { stage: true, date: true } } },
      });
      if (!f.stage?.length) return rows;
      const wanted = new Set<string>(f.stage);
      return rows.filter((c) => {
        const stage: LifecycleStage | null = stageAsOf(c.stages, asOfEnd ?? FAR_FUTURE);
        return stage !== null && wanted.has(stage);
      });
    }
    case "sites":
      return prisma.site.findMany({
        where: { ...PUB, kind: inList(f.kind as never[]), precision: inList(f.precision as never[]), countryIso2: inList(f.country) },
        select,
      });
    case "polls":
      return prisma.poll.findMany({
        where: { ...PUB, country: { ...PUB, ...(f.country?.length ? { iso2: { in: f.country } } : {}) }, wordingClass: inList(f.class as never[]), fieldworkEnd: lte },
        select,
      });
    case "events": {
      // A month- or year-precision event counts in the range when its period overlaps it (as on /timeline).
      const range = rangeBounds(f.from, f.to);
      const upper = [asOfEnd, range.to].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
      const lower = range.from ? new Date(Date.UTC(range.from.getUTCFullYear(), 0, 1)) : undefined;
      const rows = await prisma.event.findMany({
        where: {
          ...PUB,
          kind: inList(f.kind as never[]),
          date: { ...(upper ? { lte: upper } : {}), ...(lower ? { gte: lower } : {}) },
          ...(f.actor?.length ? { actors: { some: { actor: actorWhere() } } } : {}),
        },
        select: { ...select, date: true, datePrecision: true },
      });
      const from = range.from;
      return from ? rows.filter((e) => periodEnd(e.date, e.datePrecision as DatePrecision).getTime() > from.getTime()) : rows;
    }
    case "claims":
      return prisma.claim.findMany({
        where: {
          ...PUB,
          kind: inList(f.kind as never[]),
          verification: inList(f.verification as never[]),
          ...(f.actor?.length ? { actor: actorWhere() } : {}),
          ...(lte ? { OR: [{ asOf: null }, { asOf: lte }] } : {}),
        },
        select,
      });
  }
}

/** Issues for `actor=` slugs and `country=` codes that name no published actor. One query, only when asked. */
async function unknownReferences(f: ListFilter): Promise<FieldIssue[]> {
  if (!f.actor?.length && !f.country?.length) return [];
  const actors = await db().actor.findMany({ where: PUB, select: { slug: true, iso2: true, kind: true } });
  const issues: FieldIssue[] = [];
  const slugs = new Set(actors.map((a) => a.slug));
  const missingActors = (f.actor ?? []).filter((s) => !slugs.has(s));
  if (missingActors.length) {
    issues.push({ path: "actor", message: `Unknown actor ${missingActors.join(", ")}. Published actors: ${[...slugs].sort(byString).join(", ")}.` });
  }
  const codes = new Set(actors.filter((a) => a.kind === "COUNTRY" && a.iso2).map((a) => a.iso2!));
  const missingCodes = (f.country ?? []).filter((c) => !codes.has(c));
  if (missingCodes.length) {
    issues.push({ path: "country", message: `Unknown country code ${missingCodes.join(", ")}. Published countries: ${[...codes].sort(byString).join(", ")}.` });
  }
  return issues;
}

/** A record as it stood on the asOf date: later lifecycle steps and a later leaving date are not yet known. */
function atValidTime(entity: EntityKey, r: PublicRecord, asOfIso: string | null): PublicRecord {
  if (!asOfIso) return r;
  if (entity === "commitments") {
    const c = r as PublicRecord<"commitments">;
    return { ...c, stages: c.stages.filter((s) => s.date <= asOfIso) };
  }
  if (entity === "participation") {
    const p = r as PublicRecord<"participation">;
    return { ...p, leftOn: p.leftOn !== null && p.leftOn <= asOfIso ? p.leftOn : null };
  }
  return r;
}

/** One page of an entity's published records, ordered by slug, after the cursor's slug. */
async function loadListRecords(entity: EntityKey, f: ListFilter): Promise<ListPage> {
  const issues = await unknownReferences(f);
  if (issues.length) return { ok: false, issues };
  const asOf = f.asOf ? asOfDate(f.asOf) : null;
  const limit = f.limit ?? 100;
  const all = (await candidates(entity, f, asOf?.end ?? null)).sort((a, b) => byString(a.slug, b.slug));
  const after = f.after;
  const rest = after === undefined ? all : all.filter((c) => byString(c.slug, after) > 0);
  const page = rest.slice(0, limit);
  const rows = page.length ? await loadRecordInputs(entity, { statuses: ["PUBLISHED"], ids: page.map((c) => c.id) }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const records = page.flatMap((c) => {
    const r = byId.get(c.id);
    return r ? [atValidTime(entity, publicRecord(r), asOf?.iso ?? null)] : [];
  });
  return { ok: true, records, next: rest.length > limit ? page[page.length - 1].slug : null, total: all.length };
}

/** One published record by id or slug; null when unknown or not published. One query. */
async function loadPublicRecord(entity: EntityKey, idOrSlug: string): Promise<PublicRecord | null> {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(idOrSlug)) return null;
  const rows = await loadRecordInputs(entity, { statuses: ["PUBLISHED"], ids: [idOrSlug], slugs: [idOrSlug] });
  const row = rows.find((r) => r.id === idOrSlug) ?? rows[0];
  return row ? publicRecord(row) : null;
}

/** loadListRecords, cached by release (lib/db/cache.ts). */
export const listPublicRecords = cachedRead("api-list", loadListRecords);
/** loadPublicRecord, cached by release. */
export const getPublicRecord = cachedRead("api-record", loadPublicRecord);
