import "server-only";
import type { Prisma, PrismaClient } from "./client";
import type { SeedData, SeedFileName } from "@/lib/schemas/seed";
import type { CitationRef } from "@/lib/schemas/common";

// One mapping from an entity's zod input (the shape of forms, seed files, imports and revision
// snapshots) to its database rows, used by the seed loader and by publishing in the admin.

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type EntityKey = SeedFileName;
export type InputOf<K extends EntityKey> = SeedData[K][number];

/** The model name each entity is recorded under in Revision, AuditEntry and Draft. */
export const MODEL: Record<EntityKey, string> = {
  sources: "Source",
  actors: "Actor",
  participation: "CoalitionParticipation",
  commitments: "Commitment",
  sites: "Site",
  polls: "Poll",
  events: "Event",
  claims: "Claim",
};

export type CitationTarget =
  | "actorId"
  | "participationId"
  | "commitmentId"
  | "stageId"
  | "siteId"
  | "pollId"
  | "eventId"
  | "claimId";

export const CITATION_TARGET: Record<Exclude<EntityKey, "sources">, CitationTarget> = {
  actors: "actorId",
  participation: "participationId",
  commitments: "commitmentId",
  sites: "siteId",
  polls: "pollId",
  events: "eventId",
  claims: "claimId",
};

/** Resolves references written as slugs, ISO codes and URLs to row ids. */
export type Refs = {
  actor(slug: string): string;
  country(iso2: string): string;
  commitment(slug: string): string;
  source(url: string): string;
};

/** A UTC midnight Date from YYYY-MM-DD (null stays null). */
export const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

/** The columns of an entity's own row (no id, status or version), from its input. */
export const rowFields = {
  sources: (s: InputOf<"sources">) => ({
    slug: s.slug,
    url: s.url,
    outlet: s.outlet,
    originalOutlet: s.originalOutlet,
    author: s.author,
    title: s.title,
    publishedOn: day(s.publishedOn),
    publishedPrecision: s.publishedPrecision,
    kind: s.kind,
    language: s.language,
    accessedOn: day(s.accessedOn),
  }),
  actors: (a: InputOf<"actors">) => ({
    slug: a.slug,
    kind: a.kind,
    iso2: a.iso2,
    name: a.name,
    nameUk: a.nameUk,
    groups: a.groups,
    summary: a.summary,
    confidence: a.confidence,
    singleSource: a.singleSource,
  }),
  participation: (p: InputOf<"participation">, refs: Refs) => ({
    slug: p.slug,
    actorId: refs.actor(p.actor),
    role: p.role,
    joinedOn: day(p.joinedOn),
    firstRecorded: day(p.firstRecorded)!,
    leftOn: day(p.leftOn),
    note: p.note,
    confidence: p.confidence,
    singleSource: p.singleSource,
  }),
  commitments: (c: InputOf<"commitments">, refs: Refs) => ({
    slug: c.slug,
    actorId: refs.actor(c.actor),
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    quantityLow: c.quantityLow,
    quantityHigh: c.quantityHigh,
    quantityUnit: c.quantityUnit,
    quantityQualifier: c.quantityQualifier,
    quantityBasis: c.quantityBasis,
    conditions: c.conditions,
    conditionNote: c.conditionNote,
    legalForm: c.legalForm,
    parliamentaryApproval: c.parliamentaryApproval,
    requiredResponse: c.requiredResponse,
    confidence: c.confidence,
    singleSource: c.singleSource,
  }),
  sites: (s: InputOf<"sites">, refs: Refs, now: Date) => ({
    slug: s.slug,
    kind: s.kind,
    name: s.name,
    description: s.description,
    commitmentId: s.commitment ? refs.commitment(s.commitment) : null,
    precision: s.precision,
    countryIso2: s.countryIso2,
    region: s.region,
    city: s.city,
    latitude: s.latitude,
    longitude: s.longitude,
    coordinateSignedOffBy: s.coordinateSignedOffBy,
    coordinateSignedOffAt: s.coordinateSignedOffBy ? now : null,
    isContext: s.isContext,
    confidence: s.confidence,
    singleSource: s.singleSource,
  }),
  polls: (p: InputOf<"polls">, refs: Refs) => ({
    slug: p.slug,
    pollster: p.pollster,
    client: p.client,
    fieldworkStart: day(p.fieldworkStart),
    fieldworkEnd: day(p.fieldworkEnd)!,
    fieldworkPrecision: p.fieldworkPrecision,
    countryId: refs.country(p.country),
    sampleSize: p.sampleSize,
    mode: p.mode,
    question: p.question,
    questionVerbatim: p.questionVerbatim,
    wordingClass: p.wordingClass,
    support: p.support,
    oppose: p.oppose,
    dontKnow: p.dontKnow,
    note: p.note,
    confidence: p.confidence,
    singleSource: p.singleSource,
  }),
  events: (e: InputOf<"events">) => ({
    slug: e.slug,
    kind: e.kind,
    date: day(e.date)!,
    datePrecision: e.datePrecision,
    title: e.title,
    summary: e.summary,
    location: e.location,
    speaker: e.speaker,
    confidence: e.confidence,
    singleSource: e.singleSource,
  }),
  claims: (c: InputOf<"claims">, refs: Refs) => ({
    slug: c.slug,
    kind: c.kind,
    statement: c.statement,
    actorId: c.actor ? refs.actor(c.actor) : null,
    valueLow: c.valueLow,
    valueHigh: c.valueHigh,
    valueQualifier: c.valueQualifier,
    unit: c.unit,
    asOf: day(c.asOf),
    asOfPrecision: c.asOfPrecision,
    verification: c.verification,
    finding: c.finding,
    origin: c.origin,
    metric: c.metric,
    confidence: c.confidence,
    singleSource: c.singleSource,
  }),
};

/** A reference that does not resolve to a published record, named by the field that holds it. */
export class ReferenceError extends Error {
  constructor(readonly path: (string | number)[], message: string) {
    super(message);
    this.name = "ReferenceError";
  }
}

/** The slugs, codes and URLs an input refers to. */
function referencesOf(entity: EntityKey, input: InputOf<EntityKey>) {
  const actors = new Set<string>();
  const countries = new Set<string>();
  const commitments = new Set<string>();
  const sources = new Set<string>();
  const i = input as Record<string, unknown>;
  for (const c of (i.citations as CitationRef[] | undefined) ?? []) sources.add(c.url);
  if (entity === "commitments") {
    actors.add(i.actor as string);
    for (const s of (i.stages as { citations: CitationRef[] }[]) ?? []) for (const c of s.citations) sources.add(c.url);
  }
  if (entity === "participation") actors.add(i.actor as string);
  if (entity === "claims" && i.actor) actors.add(i.actor as string);
  if (entity === "sites") {
    if (i.commitment) commitments.add(i.commitment as string);
    for (const a of i.actors as { actor: string }[]) actors.add(a.actor);
  }
  if (entity === "polls") countries.add(i.country as string);
  if (entity === "events") {
    for (const a of i.actors as string[]) actors.add(a);
    for (const c of i.commitments as string[]) commitments.add(c);
  }
  return { actors, countries, commitments, sources };
}

/** Refs over published records only; a missing one throws ReferenceError naming the field. */
export async function publishedRefs(tx: Tx, entity: EntityKey, input: InputOf<EntityKey>): Promise<Refs> {
  const r = referencesOf(entity, input);
  const published = { status: "PUBLISHED" as const };
  const [actors, countries, commitments, sources] = await Promise.all([
    r.actors.size ? tx.actor.findMany({ where: { ...published, slug: { in: [...r.actors] } }, select: { id: true, slug: true } }) : [],
    r.countries.size ? tx.actor.findMany({ where: { ...published, iso2: { in: [...r.countries] } }, select: { id: true, iso2: true } }) : [],
    r.commitments.size
      ? tx.commitment.findMany({ where: { ...published, slug: { in: [...r.commitments] } }, select: { id: true, slug: true } })
      : [],
    r.sources.size ? tx.source.findMany({ where: { ...published, url: { in: [...r.sources] } }, select: { id: true, url: true } }) : [],
  ]);
  const maps = {
    actor: new Map(actors.map((a) => [a.slug, a.id])),
    country: new Map(countries.map((a) => [a.iso2!, a.id])),
    commitment: new Map(commitments.map((c) => [c.slug, c.id])),
    source: new Map(sources.map((s) => [s.url, s.id])),
  };
  const get = (kind: keyof typeof maps, field: string, what: string) => (key: string) => {
    const id = maps[kind].get(key);
    if (!id) throw new ReferenceError([field], `${what} “${key}” is not a published record: publish it first.`);
    return id;
  };
  const refs: Refs = {
    actor: get("actor", entity === "sites" || entity === "events" ? "actors" : "actor", "Actor"),
    country: get("country", "country", "Country"),
    commitment: get("commitment", entity === "events" ? "commitments" : "commitment", "Commitment"),
    source: get("source", "citations", "Source"),
  };
  // Resolve every reference now, so a missing one is reported before anything is written.
  r.actors.forEach(refs.actor);
  r.countries.forEach(refs.country);
  r.commitments.forEach(refs.commitment);
  r.sources.forEach(refs.source);
  return refs;
}

type LiveState = { status: "PUBLISHED" | "RETRACTED"; version: number; publishedAt: Date };

/**
 * Writes one record's live rows from its input: the row itself (created or updated), and its
 * child rows (stages, site and event links, citations) replaced. Runs inside the caller's
 * transaction, which also writes the revision and the audit entry.
 */
export async function applyRecord<K extends EntityKey>(
  tx: Tx,
  entity: K,
  id: string,
  input: InputOf<K>,
  state: LiveState,
  refs: Refs,
): Promise<void> {
  const now = state.publishedAt;
  const meta = { status: state.status, version: state.version, publishedAt: state.publishedAt };
  const cite = (refsList: CitationRef[], target: CitationTarget, targetId: string): Prisma.CitationCreateManyInput[] =>
    refsList.map((c) => ({ sourceId: refs.source(c.url), quote: c.quote, note: c.note, [target]: targetId }));

  // create and update take the same columns; the record keeps its id across versions.
  const both = <F extends object>(fields: F) => ({ where: { id }, create: { id, ...fields, ...meta }, update: { ...fields, ...meta } });

  if (entity === "sources") {
    await tx.source.upsert(both(rowFields.sources(input as InputOf<"sources">)));
    return;
  }
  const key = entity as Exclude<EntityKey, "sources">;
  const target = CITATION_TARGET[key];
  const citations: Prisma.CitationCreateManyInput[] = [];

  switch (key) {
    case "actors":
      await tx.actor.upsert(both(rowFields.actors(input as InputOf<"actors">)));
      break;
    case "participation":
      await tx.coalitionParticipation.upsert(both(rowFields.participation(input as InputOf<"participation">, refs)));
      break;
    case "commitments": {
      const c = input as InputOf<"commitments">;
      await tx.commitment.upsert(both(rowFields.commitments(c, refs)));
      await tx.citation.deleteMany({ where: { stage: { commitmentId: id } } });
      await tx.commitmentStage.deleteMany({ where: { commitmentId: id } });
      for (const s of c.stages) {
        const stage = await tx.commitmentStage.create({
          data: { commitmentId: id, stage: s.stage, date: day(s.date)!, datePrecision: s.datePrecision, note: s.note },
          select: { id: true },
        });
        citations.push(...cite(s.citations, "stageId", stage.id));
      }
      break;
    }
    case "sites": {
      const s = input as InputOf<"sites">;
      await tx.site.upsert(both(rowFields.sites(s, refs, now)));
      await tx.siteActor.deleteMany({ where: { siteId: id } });
      await tx.siteActor.createMany({ data: s.actors.map((a) => ({ siteId: id, actorId: refs.actor(a.actor), role: a.role })) });
      break;
    }
    case "polls":
      await tx.poll.upsert(both(rowFields.polls(input as InputOf<"polls">, refs)));
      break;
    case "events": {
      const e = input as InputOf<"events">;
      await tx.event.upsert(both(rowFields.events(e)));
      await tx.eventActor.deleteMany({ where: { eventId: id } });
      await tx.eventCommitment.deleteMany({ where: { eventId: id } });
      await tx.eventActor.createMany({ data: e.actors.map((a) => ({ eventId: id, actorId: refs.actor(a) })) });
      await tx.eventCommitment.createMany({ data: e.commitments.map((c) => ({ eventId: id, commitmentId: refs.commitment(c) })) });
      break;
    }
    case "claims":
      await tx.claim.upsert(both(rowFields.claims(input as InputOf<"claims">, refs)));
      break;
  }
  await tx.citation.deleteMany({ where: { [target]: id } });
  citations.push(...cite((input as { citations: CitationRef[] }).citations, target, id));
  if (citations.length) await tx.citation.createMany({ data: citations });
}

/** Sets a live record's status and version (retract), returning false if it is not at `version`. */
export async function setLiveStatus(tx: Tx, entity: EntityKey, id: string, expectedVersion: number, status: "PUBLISHED" | "RETRACTED"): Promise<boolean> {
  const args = { where: { id, version: expectedVersion }, data: { status, version: expectedVersion + 1 } };
  const delegate = liveDelegate(tx, entity) as unknown as { updateMany: (a: typeof args) => Promise<{ count: number }> };
  return (await delegate.updateMany(args)).count === 1;
}

/** The Prisma delegate of an entity's live table. */
export function liveDelegate(tx: Tx, entity: EntityKey) {
  return {
    sources: tx.source,
    actors: tx.actor,
    participation: tx.coalitionParticipation,
    commitments: tx.commitment,
    sites: tx.site,
    polls: tx.poll,
    events: tx.event,
    claims: tx.claim,
  }[entity];
}
