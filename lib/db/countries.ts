import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import { STAGE_STRENGTH } from "@/lib/charts/commitment-matrix";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import { stageAsOf } from "@/lib/lifecycle";

const PUB = { status: "PUBLISHED" as const };
const SOURCE = { select: { source: { select: { url: true, outlet: true, originalOutlet: true, status: true } }, quote: true } };

type CitationRow = { quote: string | null; source: { url: string; outlet: string; originalOutlet: string | null; status: string } };
/** Published sources of a list of citations, first citation first, each URL once. */
export function sourcesOf(citations: CitationRow[]) {
  return uniqueByUrl(
    citations
      .filter((c) => c.source.status === "PUBLISHED")
      .map((c) => ({ url: c.source.url, outlet: c.source.outlet, originalOutlet: c.source.originalOutlet, quote: c.quote })),
  );
}

/** A country code (ISO alpha-2, any case) or an actor slug such as "eu"; null when malformed. */
export function normaliseCode(code: string): { iso2: string | null; slug: string } | null {
  if (/^[a-z]{2}$/i.test(code)) return { iso2: code.toUpperCase(), slug: code.toLowerCase() };
  if (/^[a-z][a-z0-9-]{1,79}$/.test(code)) return { iso2: null, slug: code };
  return null;
}

/** Everything about one actor as of a date, in one query (relation joins). Null when unknown or unpublished. */
async function loadCountry(code: string, asOf: Date) {
  const key = normaliseCode(code);
  if (!key) return null;
  const actor = await db().actor.findFirst({
    where: { ...PUB, OR: key.iso2 ? [{ iso2: key.iso2 }, { slug: key.slug }] : [{ slug: key.slug }] },
    select: {
      slug: true,
      iso2: true,
      kind: true,
      name: true,
      nameUk: true,
      groups: true,
      summary: true,
      citations: SOURCE,
      participations: {
        where: { ...PUB, firstRecorded: { lte: asOf } },
        select: { role: true, firstRecorded: true, joinedOn: true, note: true, confidence: true, citations: SOURCE },
      },
      commitments: {
        where: PUB,
        orderBy: { kind: "asc" },
        select: {
          slug: true,
          kind: true,
          title: true,
          summary: true,
          conditions: true,
          legalForm: true,
          parliamentaryApproval: true,
          requiredResponse: true,
          quantityLow: true,
          quantityHigh: true,
          quantityUnit: true,
          quantityQualifier: true,
          quantityBasis: true,
          confidence: true,
          stages: { where: { date: { lte: asOf } }, orderBy: { date: "asc" }, select: { stage: true, date: true, datePrecision: true } },
          citations: SOURCE,
        },
      },
      polls: {
        where: { ...PUB, fieldworkEnd: { lte: asOf } },
        orderBy: { fieldworkEnd: "asc" },
        select: {
          slug: true,
          pollster: true,
          client: true,
          fieldworkStart: true,
          fieldworkEnd: true,
          fieldworkPrecision: true,
          wordingClass: true,
          question: true,
          questionVerbatim: true,
          support: true,
          oppose: true,
          dontKnow: true,
          sampleSize: true,
          citations: SOURCE,
        },
      },
      events: {
        where: { event: { ...PUB, date: { lte: asOf } } },
        orderBy: { event: { date: "desc" } },
        select: {
          event: {
            select: { slug: true, kind: true, date: true, datePrecision: true, title: true, summary: true, speaker: true, citations: SOURCE },
          },
        },
      },
      claims: {
        where: { ...PUB, OR: [{ asOf: null }, { asOf: { lte: asOf } }] },
        orderBy: [{ kind: "desc" }, { asOf: "desc" }],
        select: {
          slug: true,
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
          confidence: true,
          citations: SOURCE,
        },
      },
    },
  });
  if (!actor) return null;

  const commitments = actor.commitments
    .map((c) => ({
      ...c,
      quantityLow: c.quantityLow === null ? null : Number(c.quantityLow),
      quantityHigh: c.quantityHigh === null ? null : Number(c.quantityHigh),
      stage: stageAsOf(c.stages, asOf),
      stageDate: c.stages.at(-1) ?? null,
      sources: sourcesOf(c.citations),
    }))
    .filter((c) => c.stage !== null);
  const num = (d: { toString(): string } | null) => (d === null ? null : Number(d));
  const polls = actor.polls.map((p) => ({
    ...p,
    support: num(p.support),
    oppose: num(p.oppose),
    dontKnow: num(p.dontKnow),
    sources: sourcesOf(p.citations),
  }));
  const events = actor.events.map((e) => ({ ...e.event, sources: sourcesOf(e.event.citations) }));
  const claims = actor.claims.map((c) => ({ ...c, valueLow: num(c.valueLow), valueHigh: num(c.valueHigh), sources: sourcesOf(c.citations) }));
  const participations = actor.participations.map((p) => ({ ...p, sources: sourcesOf(p.citations) }));

  const all = [
    ...sourcesOf(actor.citations),
    ...commitments.flatMap((c) => c.sources),
    ...polls.flatMap((p) => p.sources),
    ...events.flatMap((e) => e.sources),
    ...claims.flatMap((c) => c.sources),
    ...participations.flatMap((p) => p.sources),
  ];
  const sources = uniqueByUrl(all).sort((a, b) => a.outlet.localeCompare(b.outlet));

  return {
    actor: { slug: actor.slug, iso2: actor.iso2, kind: actor.kind, name: actor.name, nameUk: actor.nameUk, groups: actor.groups, summary: actor.summary },
    participations,
    commitments,
    polls,
    events,
    claims,
    sources,
  };
}
/** Everything about one actor as of a date (cached under the published tag). */
export const getCountry = cachedRead("country", loadCountry);
export type CountryView = NonNullable<Awaited<ReturnType<typeof loadCountry>>>;

/**
 * Published actors for the country index: slug, code, names, commitment count, and how many of
 * its commitments stand at each stage today (strongest first). One query.
 */
async function loadActors() {
  const today = new Date();
  const actors = await db().actor.findMany({
    where: PUB,
    orderBy: { name: "asc" },
    select: {
      slug: true,
      iso2: true,
      kind: true,
      name: true,
      nameUk: true,
      groups: true,
      commitments: { where: PUB, select: { kind: true, stages: { where: { date: { lte: today } }, orderBy: { date: "asc" }, select: { stage: true, date: true } } } },
    },
  });
  return actors.map(({ commitments, ...a }) => {
    const byStage = new Map<LifecycleStage, number>();
    for (const c of commitments) {
      const stage = stageAsOf(c.stages, today);
      if (stage) byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
    }
    const stages = [...byStage].map(([stage, n]) => ({ stage, n })).sort((x, y) => STAGE_STRENGTH[y.stage] - STAGE_STRENGTH[x.stage]);
    return { ...a, commitments: commitments.length, stages };
  });
}

/** Published actors for the country index (cached). */
export const listActors = cachedRead("actors-by-stage", loadActors);
