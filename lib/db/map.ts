import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import type { MapCommitment, MapParticipation, MapSource } from "@/lib/charts/europe-map";
import type { MapSite } from "@/lib/charts/ukraine-map";

const PUB = { status: "PUBLISHED" as const };
const ACTOR = { select: { slug: true, iso2: true, name: true, nameUk: true, kind: true, groups: true } } as const;
const CITATIONS = {
  where: { source: PUB },
  orderBy: { createdAt: "asc" },
  select: { source: { select: { url: true, outlet: true, originalOutlet: true } } },
} as const;

export type MapData = { participations: MapParticipation[]; commitments: MapCommitment[]; sites: MapSite[] };

function sources(citations: { source: MapSource }[]): MapSource[] {
  return uniqueByUrl(citations.map((c) => c.source));
}

/**
 * Everything both maps need, as of a valid-time date: participations first recorded by then
 * (and not left), published commitments with their stages up to then, and published sites
 * (sites carry no valid-time date, so they do not depend on `asOf`). Three queries.
 */
async function loadGetMapData(asOf: Date): Promise<MapData> {
  const prisma = db();
  const [participations, commitments, sites] = await Promise.all([
    prisma.coalitionParticipation.findMany({
      where: { ...PUB, actor: PUB, firstRecorded: { lte: asOf }, OR: [{ leftOn: null }, { leftOn: { gt: asOf } }] },
      orderBy: { firstRecorded: "asc" },
      select: { role: true, firstRecorded: true, actor: ACTOR, citations: CITATIONS },
    }),
    prisma.commitment.findMany({
      where: { ...PUB, actor: PUB, stages: { some: { date: { lte: asOf } } } },
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        kind: true,
        actor: ACTOR,
        stages: { where: { date: { lte: asOf } }, select: { stage: true, date: true } },
        citations: CITATIONS,
      },
    }),
    prisma.site.findMany({
      where: PUB,
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        kind: true,
        name: true,
        description: true,
        precision: true,
        countryIso2: true,
        region: true,
        city: true,
        isContext: true,
        commitment: { select: { slug: true, status: true } },
        actors: { where: { actor: PUB }, select: { role: true, actor: { select: { slug: true, iso2: true, name: true, nameUk: true } } } },
        citations: CITATIONS,
      },
    }),
  ]);
  return {
    participations: participations.map((p) => ({ role: p.role, firstRecorded: p.firstRecorded, actor: p.actor, sources: sources(p.citations) })),
    commitments: commitments.map((c) => ({ slug: c.slug, kind: c.kind, actor: c.actor, stages: c.stages, sources: sources(c.citations) })),
    sites: sites.map((s) => ({
      slug: s.slug,
      kind: s.kind,
      name: s.name,
      description: s.description,
      precision: s.precision,
      countryIso2: s.countryIso2,
      region: s.region,
      city: s.city,
      isContext: s.isContext,
      commitmentSlug: s.commitment?.status === "PUBLISHED" ? s.commitment.slug : null,
      actors: s.actors
        .map((a) => ({ ...a.actor, role: a.role }))
        .sort((a, b) => Number(a.role === "PARTNER") - Number(b.role === "PARTNER") || a.name.localeCompare(b.name)),
      sources: sources(s.citations),
    })),
  };
}

/** getMapData, cached under the published tag (lib/db/cache.ts). */
export const getMapData = cachedRead("getMapData", loadGetMapData);
