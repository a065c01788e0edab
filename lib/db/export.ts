import "server-only";
import { db, type Prisma, type PrismaClient } from "./client";
import type { EntityKey, InputOf, Tx } from "./records";
import type { RecordStatus } from "@/lib/generated/prisma/enums";
import { ENTITIES } from "@/lib/export/fields";
import { isoDay } from "@/lib/format";
import { STAGE_ORDER } from "@/lib/lifecycle";
import type { CitationRef } from "@/lib/schemas/common";

// Live records back to the shape of their zod input schemas (lib/schemas/*): slugs, ISO codes
// and source URLs as references, dates as YYYY-MM-DD, decimals as numbers. The bulk export, the
// API and the admin's edit forms read records through this one mapping, and `seedDatabase`
// (lib/db/seed.ts) loads its output again, so export → import is lossless.


/** One live record: its identity and workflow state, and its content as the entity's input. */
export type RecordRow<K extends EntityKey = EntityKey> = {
  id: string;
  slug: string;
  version: number;
  status: RecordStatus;
  publishedAt: Date | null;
  input: InputOf<K>;
};

export type LoadOptions = {
  /** Statuses of the records to load, e.g. ["PUBLISHED"] for anything public. */
  statuses: readonly RecordStatus[];
  /**
   * Statuses a referenced record (actor, commitment, cited source) must have to be kept; default
   * `statuses`. A record whose required reference (a commitment's or participation's actor, a
   * poll's country) falls outside is left out; optional and list references are dropped.
   */
  refs?: readonly RecordStatus[];
  /** Only these ids and/or these slugs (either matches when both are given). */
  ids?: readonly string[];
  slugs?: readonly string[];
};

/** A Prisma client or an open transaction. */
export type Db = PrismaClient | Tx;

const CITATIONS = {
  orderBy: { createdAt: "asc" as const },
  select: { quote: true, note: true, createdAt: true, source: { select: { url: true, status: true } } },
};
type CitationRow = { quote: string | null; note: string | null; createdAt: Date; source: { url: string; status: RecordStatus } };

const num = (d: { toString(): string } | null): number | null => (d === null ? null : Number(d.toString()));
const date = (d: Date | null): string | null => (d === null ? null : isoDay(d));
// Code-unit order, the same in every database and locale (collations order hyphens differently).
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Live records of one entity as zod inputs, sorted by slug. One query per entity (relation
 * joins), whatever the number of records. `input` validates against the entity's input schema.
 */
export async function loadRecordInputs<K extends EntityKey>(entity: K, opts: LoadOptions, client: Db = db()): Promise<RecordRow<K>[]> {
  const refStatuses = new Set<string>(opts.refs ?? opts.statuses);
  const visible = (r: { status: string } | null | undefined): boolean => !!r && refStatuses.has(r.status);
  const citations = (rows: CitationRow[]): CitationRef[] =>
    rows
      .filter((c) => visible(c.source))
      // Recorded order; citations written together (one save, one seed) by source URL.
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byString(a.source.url, b.source.url))
      .map((c) => ({ url: c.source.url, quote: c.quote, note: c.note }));
  const inRefs = { status: { in: [...refStatuses] as RecordStatus[] } };
  const byId = opts.ids ? { id: { in: [...opts.ids] } } : null;
  const bySlug = opts.slugs ? { slug: { in: [...opts.slugs] } } : null;
  const where = {
    status: { in: [...opts.statuses] },
    ...(byId && bySlug ? { OR: [byId, bySlug] } : (byId ?? bySlug ?? {})),
  };
  const meta = (r: { id: string; slug: string; version: number; status: RecordStatus; publishedAt: Date | null }) => ({
    id: r.id,
    slug: r.slug,
    version: r.version,
    status: r.status,
    publishedAt: r.publishedAt,
  });
  const META = { id: true, slug: true, version: true, status: true, publishedAt: true } as const;
  const EDITORIAL = { confidence: true, singleSource: true } as const;

  let rows: RecordRow[];
  switch (entity as EntityKey) {
    case "sources": {
      const found = await client.source.findMany({
        where,
        select: { ...META, url: true, outlet: true, originalOutlet: true, author: true, title: true, publishedOn: true, publishedPrecision: true, kind: true, language: true, accessedOn: true },
      });
      rows = found.map((s) => ({
        ...meta(s),
        input: {
          slug: s.slug,
          url: s.url,
          outlet: s.outlet,
          originalOutlet: s.originalOutlet,
          author: s.author,
          title: s.title,
          publishedOn: date(s.publishedOn),
          publishedPrecision: s.publishedPrecision,
          kind: s.kind,
          language: s.language,
          accessedOn: date(s.accessedOn),
        } satisfies InputOf<"sources">,
      }));
      break;
    }
    case "actors": {
      const found = await client.actor.findMany({
        where,
        select: { ...META, ...EDITORIAL, kind: true, iso2: true, name: true, nameUk: true, groups: true, summary: true, citations: CITATIONS },
      });
      rows = found.map((a) => ({
        ...meta(a),
        input: {
          slug: a.slug,
          kind: a.kind,
          iso2: a.iso2,
          name: a.name,
          nameUk: a.nameUk,
          groups: a.groups,
          summary: a.summary,
          confidence: a.confidence,
          singleSource: a.singleSource,
          citations: citations(a.citations),
        } satisfies InputOf<"actors">,
      }));
      break;
    }
    case "participation": {
      const found = await client.coalitionParticipation.findMany({
        where: { ...where, actor: inRefs },
        select: {
          ...META,
          ...EDITORIAL,
          role: true,
          joinedOn: true,
          firstRecorded: true,
          leftOn: true,
          note: true,
          actor: { select: { slug: true } },
          citations: CITATIONS,
        },
      });
      rows = found.map((p) => ({
        ...meta(p),
        input: {
          slug: p.slug,
          actor: p.actor.slug,
          role: p.role,
          joinedOn: date(p.joinedOn),
          firstRecorded: date(p.firstRecorded)!,
          leftOn: date(p.leftOn),
          note: p.note,
          confidence: p.confidence,
          singleSource: p.singleSource,
          citations: citations(p.citations),
        } satisfies InputOf<"participation">,
      }));
      break;
    }
    case "commitments": {
      const found = await client.commitment.findMany({
        where: { ...where, actor: inRefs },
        select: {
          ...META,
          ...EDITORIAL,
          kind: true,
          title: true,
          summary: true,
          quantityLow: true,
          quantityHigh: true,
          quantityUnit: true,
          quantityQualifier: true,
          quantityBasis: true,
          conditions: true,
          conditionNote: true,
          legalForm: true,
          parliamentaryApproval: true,
          requiredResponse: true,
          actor: { select: { slug: true } },
          stages: { select: { stage: true, date: true, datePrecision: true, note: true, citations: CITATIONS } },
          citations: CITATIONS,
        },
      });
      rows = found.map((c) => ({
        ...meta(c),
        input: {
          slug: c.slug,
          actor: c.actor.slug,
          kind: c.kind,
          title: c.title,
          summary: c.summary,
          quantityLow: num(c.quantityLow),
          quantityHigh: num(c.quantityHigh),
          quantityUnit: c.quantityUnit,
          quantityQualifier: c.quantityQualifier,
          quantityBasis: c.quantityBasis,
          conditions: c.conditions,
          conditionNote: c.conditionNote,
          legalForm: c.legalForm,
          parliamentaryApproval: c.parliamentaryApproval,
          requiredResponse: c.requiredResponse,
          // Lifecycle order: by date; on one date, the later stage (as lib/lifecycle.ts decides).
          stages: [...c.stages]
            .sort((a, b) => a.date.getTime() - b.date.getTime() || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage))
            .map((s) => ({ stage: s.stage, date: date(s.date)!, datePrecision: s.datePrecision, note: s.note, citations: citations(s.citations) })),
          confidence: c.confidence,
          singleSource: c.singleSource,
          citations: citations(c.citations),
        } satisfies InputOf<"commitments">,
      }));
      break;
    }
    case "sites": {
      const found = await client.site.findMany({
        where,
        select: {
          ...META,
          ...EDITORIAL,
          kind: true,
          name: true,
          description: true,
          precision: true,
          countryIso2: true,
          region: true,
          city: true,
          latitude: true,
          longitude: true,
          coordinateSignedOffBy: true,
          isContext: true,
          commitment: { select: { slug: true, status: true, actor: { select: { status: true } } } },
          actors: { select: { role: true, actor: { select: { slug: true, status: true } } } },
          citations: CITATIONS,
        },
      });
      const ROLE_ORDER = ["LEAD", "PARTNER"];
      rows = found.map((s) => ({
        ...meta(s),
        input: {
          slug: s.slug,
          kind: s.kind,
          name: s.name,
          description: s.description,
          commitment: s.commitment && visible(s.commitment) && visible(s.commitment.actor) ? s.commitment.slug : null,
          precision: s.precision,
          countryIso2: s.countryIso2,
          region: s.region,
          city: s.city,
          latitude: num(s.latitude),
          longitude: num(s.longitude),
          coordinateSignedOffBy: s.coordinateSignedOffBy,
          isContext: s.isContext,
          actors: s.actors
            .filter((a) => visible(a.actor))
            .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || byString(a.actor.slug, b.actor.slug))
            .map((a) => ({ actor: a.actor.slug, role: a.role })),
          confidence: s.confidence,
          singleSource: s.singleSource,
          citations: citations(s.citations),
        } satisfies InputOf<"sites">,
      }));
      break;
    }
    case "polls": {
      const found = await client.poll.findMany({
        where: { ...where, country: inRefs },
        select: {
          ...META,
          ...EDITORIAL,
          pollster: true,
          client: true,
          fieldworkStart: true,
          fieldworkEnd: true,
          fieldworkPrecision: true,
          sampleSize: true,
          mode: true,
          question: true,
          questionVerbatim: true,
          wordingClass: true,
          support: true,
          oppose: true,
          dontKnow: true,
          note: true,
          country: { select: { iso2: true } },
          citations: CITATIONS,
        },
      });
      rows = found
        .filter((p) => p.country.iso2 !== null)
        .map((p) => ({
          ...meta(p),
          input: {
            slug: p.slug,
            pollster: p.pollster,
            client: p.client,
            fieldworkStart: date(p.fieldworkStart),
            fieldworkEnd: date(p.fieldworkEnd)!,
            fieldworkPrecision: p.fieldworkPrecision,
            country: p.country.iso2!,
            sampleSize: p.sampleSize,
            mode: p.mode,
            question: p.question,
            questionVerbatim: p.questionVerbatim,
            wordingClass: p.wordingClass,
            support: num(p.support),
            oppose: num(p.oppose),
            dontKnow: num(p.dontKnow),
            note: p.note,
            confidence: p.confidence,
            singleSource: p.singleSource,
            citations: citations(p.citations),
          } satisfies InputOf<"polls">,
        }));
      break;
    }
    case "events": {
      const found = await client.event.findMany({
        where,
        select: {
          ...META,
          ...EDITORIAL,
          kind: true,
          date: true,
          datePrecision: true,
          title: true,
          summary: true,
          location: true,
          speaker: true,
          actors: { select: { actor: { select: { slug: true, status: true } } } },
          commitments: { select: { commitment: { select: { slug: true, status: true, actor: { select: { status: true } } } } } },
          citations: CITATIONS,
        },
      });
      rows = found.map((e) => ({
        ...meta(e),
        input: {
          slug: e.slug,
          kind: e.kind,
          date: date(e.date)!,
          datePrecision: e.datePrecision,
          title: e.title,
          summary: e.summary,
          location: e.location,
          speaker: e.speaker,
          actors: e.actors.filter((a) => visible(a.actor)).map((a) => a.actor.slug).sort(byString),
          commitments: e.commitments
            .filter((c) => visible(c.commitment) && visible(c.commitment.actor))
            .map((c) => c.commitment.slug)
            .sort(byString),
          confidence: e.confidence,
          singleSource: e.singleSource,
          citations: citations(e.citations),
        } satisfies InputOf<"events">,
      }));
      break;
    }
    case "claims": {
      const found = await client.claim.findMany({
        where,
        select: {
          ...META,
          ...EDITORIAL,
          kind: true,
          statement: true,
          valueLow: true,
          valueHigh: true,
          valueQualifier: true,
          unit: true,
          asOf: true,
          asOfPrecision: true,
          verification: true,
          finding: true,
          origin: true,
          metric: true,
          actor: { select: { slug: true, status: true } },
          citations: CITATIONS,
        },
      });
      rows = found.map((c) => ({
        ...meta(c),
        input: {
          slug: c.slug,
          kind: c.kind,
          statement: c.statement,
          actor: c.actor && visible(c.actor) ? c.actor.slug : null,
          valueLow: num(c.valueLow),
          valueHigh: num(c.valueHigh),
          valueQualifier: c.valueQualifier,
          unit: c.unit,
          asOf: date(c.asOf),
          asOfPrecision: c.asOfPrecision,
          verification: c.verification,
          finding: c.finding,
          origin: c.origin,
          metric: c.metric,
          confidence: c.confidence,
          singleSource: c.singleSource,
          citations: citations(c.citations),
        } satisfies InputOf<"claims">,
      }));
      break;
    }
    default:
      throw new Error(`Unknown entity ${String(entity)}`);
  }
  return (rows as RecordRow<K>[]).sort((a, b) => byString(a.slug, b.slug));
}

/** Every published record of every entity, as one consistent snapshot, with the release it belongs to. */
export type PublishedDataset = {
  release: { number: number; publishedAt: Date | null; note: string | null };
  tables: { [K in EntityKey]: RecordRow<K>[] };
};

/**
 * Loads every published record (references to unpublished records dropped, see LoadOptions) and
 * the current release inside one repeatable-read transaction, so the release number always
 * names exactly the data returned. Nine queries.
 */
export async function loadPublishedDataset(client: PrismaClient = db()): Promise<PublishedDataset> {
  return client.$transaction(
    async (tx) => {
      const release = await tx.release.findFirst({ orderBy: { number: "desc" }, select: { number: true, publishedAt: true, note: true } });
      const tables = {} as PublishedDataset["tables"];
      for (const entity of ENTITIES) {
        (tables as Record<EntityKey, RecordRow[]>)[entity] = await loadRecordInputs(entity, { statuses: ["PUBLISHED"] }, tx);
      }
      return { release: release ?? { number: 0, publishedAt: null, note: null }, tables };
    },
    { isolationLevel: "RepeatableRead" as Prisma.TransactionIsolationLevel, timeout: 60_000, maxWait: 20_000 },
  );
}

/** Records per entity (any status) and drafts: an import refuses a database that holds any. */
export async function countRecords(client: PrismaClient = db()): Promise<Record<EntityKey | "drafts", number>> {
  const [sources, actors, participation, commitments, sites, polls, events, claims, drafts] = await Promise.all([
    client.source.count(),
    client.actor.count(),
    client.coalitionParticipation.count(),
    client.commitment.count(),
    client.site.count(),
    client.poll.count(),
    client.event.count(),
    client.claim.count(),
    client.draft.count(),
  ]);
  return { sources, actors, participation, commitments, sites, polls, events, claims, drafts };
}
