import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import type { PollPoint, PollRecord, SourceRef } from "@/lib/charts/polls";
import { unknownCountryErrors, type PollsParams } from "@/lib/schemas/views/polls";
import { asOfDate } from "@/lib/schemas/search-params";
import type { DatePrecision, WordingClass } from "@/lib/generated/prisma/enums";

const PUB = { status: "PUBLISHED" as const };
const SOURCE_SELECT = {
  where: { source: PUB },
  orderBy: { createdAt: "asc" as const },
  select: { source: { select: { url: true, outlet: true, originalOutlet: true } } },
};

export type PollCountry = { iso2: string; name: string; nameUk: string | null; polls: number };
/** An unverified poll figure from the seed digest: shown apart, never as a poll. */
export type UnverifiedPollClaim = {
  slug: string;
  statement: string;
  value: number | null;
  unit: string | null;
  finding: string | null;
  origin: string | null;
  country: { iso2: string; name: string; nameUk: string | null } | null;
  sources: SourceRef[];
};
export type PollsView = { polls: PollRecord[]; countries: PollCountry[]; unverified: UnverifiedPollClaim[] };


/**
 * Published polls whose fieldwork ended on or before `asOf`, filtered by country (ISO codes)
 * and wording class; the published countries (with their poll counts, for the filter); and the
 * unverified poll percentages of the seed digest (kind CLAIM, verification UNVERIFIED, origin
 * "seed digest", unit "%"). Three queries.
 */
async function loadGetPolls(filter: { asOf: Date; countries?: string[]; classes?: WordingClass[] }): Promise<PollsView> {
  const prisma = db();
  const countryWhere = filter.countries?.length ? { iso2: { in: filter.countries } } : {};
  const [polls, countries, claims] = await Promise.all([
    prisma.poll.findMany({
      where: {
        ...PUB,
        fieldworkEnd: { lte: filter.asOf },
        country: { ...PUB, ...countryWhere },
        ...(filter.classes?.length ? { wordingClass: { in: filter.classes } } : {}),
      },
      orderBy: [{ fieldworkEnd: "desc" }, { slug: "asc" }],
      select: {
        slug: true,
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
        confidence: true,
        singleSource: true,
        country: { select: { iso2: true, name: true, nameUk: true } },
        citations: SOURCE_SELECT,
      },
    }),
    prisma.actor.findMany({
      where: { ...PUB, kind: "COUNTRY", iso2: { not: null } },
      orderBy: { name: "asc" },
      select: { iso2: true, name: true, nameUk: true, _count: { select: { polls: { where: PUB } } } },
    }),
    prisma.claim.findMany({
      where: {
        ...PUB,
        kind: "CLAIM",
        verification: "UNVERIFIED",
        origin: "seed digest",
        unit: "%",
        valueLow: { not: null },
        ...(filter.countries?.length ? { actor: { ...PUB, ...countryWhere } } : {}),
      },
      orderBy: [{ valueLow: "desc" }, { slug: "asc" }],
      select: {
        slug: true,
        statement: true,
        valueLow: true,
        unit: true,
        finding: true,
        origin: true,
        actor: { select: { iso2: true, name: true, nameUk: true, status: true } },
        citations: SOURCE_SELECT,
      },
    }),
  ]);

  return {
    polls: polls.map(({ citations, country, support, oppose, dontKnow, ...p }) => ({
      ...p,
      country: { iso2: country.iso2 ?? "", name: country.name, nameUk: country.nameUk },
      support: support === null ? null : Number(support),
      oppose: oppose === null ? null : Number(oppose),
      dontKnow: dontKnow === null ? null : Number(dontKnow),
      sources: uniqueByUrl(citations.map((c) => c.source)),
    })),
    countries: countries.map((c) => ({ iso2: c.iso2 ?? "", name: c.name, nameUk: c.nameUk, polls: c._count.polls })),
    unverified: claims.map((c) => ({
      slug: c.slug,
      statement: c.statement,
      value: c.valueLow === null ? null : Number(c.valueLow),
      unit: c.unit,
      finding: c.finding,
      origin: c.origin,
      country: c.actor && c.actor.status === "PUBLISHED" && c.actor.iso2 ? { iso2: c.actor.iso2, name: c.actor.name, nameUk: c.actor.nameUk } : null,
      sources: uniqueByUrl(c.citations.map((x) => x.source)),
    })),
  };
}

/**
 * The polls view for parsed URL parameters, shared by the page and its download route: an
 * unknown country code is a parameter error (with the known codes), not an empty result.
 */
export async function getPollsView(
  params: PollsParams,
): Promise<{ ok: true; asOf: { iso: string; end: Date }; view: PollsView } | { ok: false; errors: string[] }> {
  const asOf = asOfDate(params.asOf);
  const view = await getPolls({ asOf: asOf.end, countries: params.country, classes: params.class });
  const errors = unknownCountryErrors(
    params.country,
    view.countries.map((c) => c.iso2),
  );
  return errors.length ? { ok: false, errors } : { ok: true, asOf, view };
}

export type PollFilter = { asOf: Date; countries?: string[]; classes?: WordingClass[] };
export type PollsSummary = {
  /** The latest poll of each pollster in each country, per wording class. */
  latest: PollPoint[];
  /** Polls and pollsters matching the filters, per wording class. */
  perClass: { wordingClass: WordingClass; polls: number; pollsters: number }[];
  /** Published countries with their polls matching the other filters (class, date). */
  countries: PollCountry[];
  /** Polls per wording class matching the other filters (country, date). */
  classes: { wordingClass: WordingClass; polls: number }[];
  unverified: number;
};

type LatestRow = {
  slug: string;
  pollster: string;
  fieldworkStart: Date | null;
  fieldworkEnd: Date;
  fieldworkPrecision: DatePrecision;
  wordingClass: WordingClass;
  support: string | null;
  oppose: string | null;
  dontKnow: string | null;
  iso2: string;
  name: string;
  nameUk: string | null;
};
const num = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * What the polls chart and the filters need, aggregated in the database (DISTINCT ON, GROUP BY)
 * so that 10,000 polls cost a few small result sets, not 10,000 records: four queries.
 */
async function loadPollsSummary(filter: PollFilter): Promise<PollsSummary> {
  const prisma = db();
  const countries = filter.countries ?? [];
  const classes: string[] = filter.classes ?? [];
  const [latest, perClass, countryCounts, classCounts, unverified] = await Promise.all([
    prisma.$queryRaw<LatestRow[]>`
      SELECT DISTINCT ON (p."wordingClass", a.iso2, p.pollster)
             p.slug, p.pollster, p."fieldworkStart", p."fieldworkEnd", p."fieldworkPrecision", p."wordingClass",
             p.support::text AS support, p.oppose::text AS oppose, p."dontKnow"::text AS "dontKnow", a.iso2, a.name, a."nameUk"
      FROM "Poll" p JOIN "Actor" a ON a.id = p."countryId"
      WHERE p.status = 'PUBLISHED' AND a.status = 'PUBLISHED' AND p."fieldworkEnd" <= ${filter.asOf}
        AND (cardinality(${countries}::text[]) = 0 OR a.iso2 = ANY(${countries}::text[]))
        AND (cardinality(${classes}::text[]) = 0 OR p."wordingClass"::text = ANY(${classes}::text[]))
      ORDER BY p."wordingClass", a.iso2, p.pollster, p."fieldworkEnd" DESC, p.slug`,
    prisma.$queryRaw<{ wordingClass: WordingClass; polls: bigint; pollsters: bigint }[]>`
      SELECT p."wordingClass", count(*) AS polls, count(DISTINCT p.pollster) AS pollsters
      FROM "Poll" p JOIN "Actor" a ON a.id = p."countryId"
      WHERE p.status = 'PUBLISHED' AND a.status = 'PUBLISHED' AND p."fieldworkEnd" <= ${filter.asOf}
        AND (cardinality(${countries}::text[]) = 0 OR a.iso2 = ANY(${countries}::text[]))
        AND (cardinality(${classes}::text[]) = 0 OR p."wordingClass"::text = ANY(${classes}::text[]))
      GROUP BY 1`,
    prisma.$queryRaw<{ iso2: string; name: string; nameUk: string | null; polls: bigint }[]>`
      SELECT a.iso2, a.name, a."nameUk", count(p.id) AS polls
      FROM "Actor" a LEFT JOIN "Poll" p ON p."countryId" = a.id AND p.status = 'PUBLISHED' AND p."fieldworkEnd" <= ${filter.asOf}
        AND (cardinality(${classes}::text[]) = 0 OR p."wordingClass"::text = ANY(${classes}::text[]))
      WHERE a.status = 'PUBLISHED' AND a.kind = 'COUNTRY' AND a.iso2 IS NOT NULL
      GROUP BY a.id ORDER BY a.name`,
    prisma.$queryRaw<{ wordingClass: WordingClass; polls: bigint }[]>`
      SELECT p."wordingClass", count(*) AS polls
      FROM "Poll" p JOIN "Actor" a ON a.id = p."countryId"
      WHERE p.status = 'PUBLISHED' AND a.status = 'PUBLISHED' AND p."fieldworkEnd" <= ${filter.asOf}
        AND (cardinality(${countries}::text[]) = 0 OR a.iso2 = ANY(${countries}::text[]))
      GROUP BY 1`,
    prisma.claim.count({
      where: {
        ...PUB,
        kind: "CLAIM",
        verification: "UNVERIFIED",
        origin: "seed digest",
        unit: "%",
        valueLow: { not: null },
        ...(countries.length ? { actor: { ...PUB, iso2: { in: countries } } } : {}),
      },
    }),
  ]);
  return {
    latest: latest.map((r) => ({
      slug: r.slug,
      pollster: r.pollster,
      fieldworkStart: r.fieldworkStart,
      fieldworkEnd: r.fieldworkEnd,
      fieldworkPrecision: r.fieldworkPrecision,
      wordingClass: r.wordingClass,
      support: num(r.support),
      oppose: num(r.oppose),
      dontKnow: num(r.dontKnow),
      country: { iso2: r.iso2.trim(), name: r.name, nameUk: r.nameUk },
    })),
    perClass: perClass.map((r) => ({ wordingClass: r.wordingClass, polls: Number(r.polls), pollsters: Number(r.pollsters) })),
    countries: countryCounts.map((c) => ({ iso2: c.iso2.trim(), name: c.name, nameUk: c.nameUk, polls: Number(c.polls) })),
    classes: classCounts.map((r) => ({ wordingClass: r.wordingClass, polls: Number(r.polls) })),
    unverified,
  };
}

/** getPollsSummary, cached under the published tag. */
export const getPollsSummary = cachedRead("getPollsSummary", loadPollsSummary);

const POLL_SELECT = {
  slug: true,
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
  confidence: true,
  singleSource: true,
  country: { select: { iso2: true, name: true, nameUk: true } },
  citations: SOURCE_SELECT,
} as const;

function pollWhere(filter: PollFilter) {
  return {
    ...PUB,
    fieldworkEnd: { lte: filter.asOf },
    country: { ...PUB, ...(filter.countries?.length ? { iso2: { in: filter.countries } } : {}) },
    ...(filter.classes?.length ? { wordingClass: { in: filter.classes } } : {}),
  };
}

type PollRow = Awaited<ReturnType<typeof loadPollRecordsBySlug>>[number];
async function loadPollRecordsBySlug(slugs: string[]) {
  return db().poll.findMany({ where: { ...PUB, slug: { in: slugs } }, select: POLL_SELECT });
}
function toRecord({ citations, country, support, oppose, dontKnow, ...p }: PollRow): PollRecord {
  return {
    ...p,
    country: { iso2: country.iso2 ?? "", name: country.name, nameUk: country.nameUk },
    support: support === null ? null : Number(support),
    oppose: oppose === null ? null : Number(oppose),
    dontKnow: dontKnow === null ? null : Number(dontKnow),
    sources: uniqueByUrl(citations.map((c) => c.source)),
  };
}

/** Full records of published polls by slug (the rows a chart shows), in no particular order. */
export const getPollRecords = cachedRead("getPollRecords", async (slugs: string[]) => (await loadPollRecordsBySlug(slugs)).map(toRecord));

/**
 * One page of the poll table (the order of sortPolls: class, newest fieldwork, country,
 * pollster) and the number of matching polls: two queries, however many polls there are.
 */
async function loadPollTablePage(filter: PollFilter, page: number, size: number): Promise<{ rows: PollRecord[]; total: number }> {
  const where = pollWhere(filter);
  const [rows, total] = await Promise.all([
    db().poll.findMany({
      where,
      orderBy: [{ wordingClass: "asc" }, { fieldworkEnd: "desc" }, { country: { name: "asc" } }, { pollster: "asc" }, { slug: "asc" }],
      skip: (page - 1) * size,
      take: size,
      select: POLL_SELECT,
    }),
    db().poll.count({ where }),
  ]);
  return { rows: rows.map(toRecord), total };
}

/** getPollTablePage, cached under the published tag. */
export const getPollTablePage = cachedRead("getPollTablePage", loadPollTablePage);

/** Lean records of the polls matching a filter, newest first (the over-time chart of a sparse class). */
export const getPollPoints = cachedRead("getPollPoints", async (filter: PollFilter): Promise<PollPoint[]> => {
  const rows = await db().poll.findMany({
    where: pollWhere(filter),
    orderBy: [{ fieldworkEnd: "desc" }, { slug: "asc" }],
    select: {
      slug: true,
      pollster: true,
      fieldworkStart: true,
      fieldworkEnd: true,
      fieldworkPrecision: true,
      wordingClass: true,
      support: true,
      oppose: true,
      dontKnow: true,
      country: { select: { iso2: true, name: true, nameUk: true } },
    },
  });
  return rows.map(({ country, support, oppose, dontKnow, ...p }) => ({
    ...p,
    country: { iso2: country.iso2 ?? "", name: country.name, nameUk: country.nameUk },
    support: support === null ? null : Number(support),
    oppose: oppose === null ? null : Number(oppose),
    dontKnow: dontKnow === null ? null : Number(dontKnow),
  }));
});

/** The unverified poll figures of the seed digest (see getPolls), for the countries filtered on. */
export const getUnverifiedPollClaims = cachedRead("getUnverifiedPollClaims", async (countries: string[] | undefined): Promise<UnverifiedPollClaim[]> => {
  const claims = await db().claim.findMany({
    where: {
      ...PUB,
      kind: "CLAIM",
      verification: "UNVERIFIED",
      origin: "seed digest",
      unit: "%",
      valueLow: { not: null },
      ...(countries?.length ? { actor: { ...PUB, iso2: { in: countries } } } : {}),
    },
    orderBy: [{ valueLow: "desc" }, { slug: "asc" }],
    select: {
      slug: true,
      statement: true,
      valueLow: true,
      unit: true,
      finding: true,
      origin: true,
      actor: { select: { iso2: true, name: true, nameUk: true, status: true } },
      citations: SOURCE_SELECT,
    },
  });
  return claims.map((c) => ({
    slug: c.slug,
    statement: c.statement,
    value: c.valueLow === null ? null : Number(c.valueLow),
    unit: c.unit,
    finding: c.finding,
    origin: c.origin,
    country: c.actor && c.actor.status === "PUBLISHED" && c.actor.iso2 ? { iso2: c.actor.iso2, name: c.actor.name, nameUk: c.actor.nameUk } : null,
    sources: uniqueByUrl(c.citations.map((x) => x.source)),
  }));
});

/** getPolls, cached under the published tag (lib/db/cache.ts). */
export const getPolls = cachedRead("getPolls", loadGetPolls);
