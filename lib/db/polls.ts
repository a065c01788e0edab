import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import { unknownCountryErrors, type PollRecord, type PollsParams, type SourceRef } from "@/lib/charts/polls";
import { asOfDate } from "@/lib/schemas/search-params";
import type { WordingClass } from "@/lib/generated/prisma/enums";

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

/** getPolls, cached under the published tag (lib/db/cache.ts). */
export const getPolls = cachedRead("getPolls", loadGetPolls);
