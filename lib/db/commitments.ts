import "server-only";
import { cachedRead } from "./cache";
import { db } from "./client";
import type { CommitmentRecord, MatrixSource } from "@/lib/charts/commitment-matrix";
import { STAGE_ORDER } from "@/lib/lifecycle";

const PUB = { status: "PUBLISHED" as const };
// Citations whose source is published, oldest first (the order the editors recorded them).
const CITED = {
  where: { source: PUB },
  orderBy: { createdAt: "asc" as const },
  select: {
    quote: true,
    note: true,
    source: {
      select: { url: true, outlet: true, originalOutlet: true, title: true, author: true, publishedOn: true, publishedPrecision: true, kind: true },
    },
  },
};

const num = (d: { toString(): string } | null) => (d === null ? null : Number(d));

function uniqueSources(lists: { source: MatrixSource }[][]): MatrixSource[] {
  const seen = new Map<string, MatrixSource>();
  for (const list of lists) {
    for (const { source } of list) if (!seen.has(source.url)) seen.set(source.url, { url: source.url, outlet: source.outlet, originalOutlet: source.originalOutlet });
  }
  return [...seen.values()];
}

/**
 * Every published commitment of a published actor, with its stages up to `asOf` and the
 * published sources of the commitment and of those stages.
 */
async function loadListCommitmentRecords(asOf: Date): Promise<CommitmentRecord[]> {
  const rows = await db().commitment.findMany({
    // Separate queries per relation (IN lists, no N+1): at ×10 data (5,000 commitments) about three
    // times faster than one query with nested JSON aggregates (1.1 s against 3.6 s on a loaded machine).
    relationLoadStrategy: "query",
    where: { ...PUB, actor: PUB },
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      title: true,
      kind: true,
      conditions: true,
      legalForm: true,
      parliamentaryApproval: true,
      quantityLow: true,
      quantityHigh: true,
      quantityUnit: true,
      quantityQualifier: true,
      quantityBasis: true,
      confidence: true,
      singleSource: true,
      actor: { select: { slug: true, name: true, nameUk: true, iso2: true, groups: true } },
      stages: {
        where: { date: { lte: asOf } },
        orderBy: { date: "asc" },
        select: { stage: true, date: true, datePrecision: true, citations: { where: { source: PUB }, select: { source: { select: { url: true, outlet: true, originalOutlet: true } } } } },
      },
      citations: { where: { source: PUB }, orderBy: { createdAt: "asc" }, select: { source: { select: { url: true, outlet: true, originalOutlet: true } } } },
    },
  });
  return rows.map((c) => ({
    slug: c.slug,
    title: c.title,
    kind: c.kind,
    actor: c.actor,
    conditions: c.conditions,
    legalForm: c.legalForm,
    parliamentaryApproval: c.parliamentaryApproval,
    quantityLow: num(c.quantityLow),
    quantityHigh: num(c.quantityHigh),
    quantityUnit: c.quantityUnit,
    quantityQualifier: c.quantityQualifier,
    quantityBasis: c.quantityBasis,
    confidence: c.confidence,
    singleSource: c.singleSource,
    stages: c.stages.map((s) => ({ stage: s.stage, date: s.date, datePrecision: s.datePrecision })),
    sources: uniqueSources([c.citations, ...c.stages.map((s) => s.citations)]),
  }));
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * One published commitment with its actor, full dated lifecycle (each stage with its own
 * citations), linked published sites and events, and its citations. One query; null when the
 * slug is unknown or the commitment (or its actor) is not published.
 */
async function loadGetCommitment(slug: string) {
  if (!SLUG.test(slug) || slug.length > 80) return null;
  const c = await db().commitment.findFirst({
    where: { ...PUB, slug, actor: PUB },
    select: {
      slug: true,
      title: true,
      summary: true,
      kind: true,
      conditions: true,
      conditionNote: true,
      legalForm: true,
      parliamentaryApproval: true,
      requiredResponse: true,
      quantityLow: true,
      quantityHigh: true,
      quantityUnit: true,
      quantityQualifier: true,
      quantityBasis: true,
      confidence: true,
      singleSource: true,
      updatedAt: true,
      actor: { select: { slug: true, kind: true, name: true, nameUk: true, iso2: true, groups: true } },
      stages: {
        orderBy: { date: "asc" },
        select: { id: true, stage: true, date: true, datePrecision: true, note: true, citations: CITED },
      },
      sites: {
        where: PUB,
        orderBy: { name: "asc" },
        select: { slug: true, kind: true, name: true, precision: true, countryIso2: true, region: true, city: true, isContext: true },
      },
      events: {
        where: { event: PUB },
        select: { event: { select: { slug: true, kind: true, date: true, datePrecision: true, title: true, citations: CITED } } },
      },
      citations: CITED,
    },
  });
  if (!c) return null;
  const order = (s: { stage: (typeof STAGE_ORDER)[number] }) => STAGE_ORDER.indexOf(s.stage);
  const stages = [...c.stages].sort((a, b) => a.date.getTime() - b.date.getTime() || order(a) - order(b));
  const events = c.events.map((e) => e.event).sort((a, b) => a.date.getTime() - b.date.getTime() || a.slug.localeCompare(b.slug));
  // Every citation of the commitment, its stages and its events, each source once (first quote kept).
  const all = new Map<string, (typeof c.citations)[number]>();
  for (const cit of [...c.citations, ...stages.flatMap((s) => s.citations), ...events.flatMap((e) => e.citations)]) {
    const prev = all.get(cit.source.url);
    if (!prev || (!prev.quote && cit.quote)) all.set(cit.source.url, cit);
  }
  return {
    ...c,
    quantityLow: num(c.quantityLow),
    quantityHigh: num(c.quantityHigh),
    stages,
    events,
    allCitations: [...all.values()],
  };
}
export type CommitmentDetail = NonNullable<Awaited<ReturnType<typeof loadGetCommitment>>>;

/** listCommitmentRecords, cached under the published tag (lib/db/cache.ts). */
export const listCommitmentRecords = cachedRead("listCommitmentRecords", loadListCommitmentRecords);

/** getCommitment, cached under the published tag (lib/db/cache.ts). */
export const getCommitment = cachedRead("getCommitment", loadGetCommitment);
