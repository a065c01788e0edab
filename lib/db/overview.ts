import "server-only";
import { db } from "./client";
import { stageAsOf } from "@/lib/lifecycle";
import type { CommitmentKind, LifecycleStage, VerificationStatus } from "@/lib/generated/prisma/enums";

export type OverviewCell = { kind: CommitmentKind; stage: LifecycleStage; actors: { slug: string; name: string }[] };
export type OverviewEvent = {
  slug: string;
  title: string;
  date: Date;
  datePrecision: "DAY" | "MONTH" | "YEAR";
  kind: string;
  sources: { outlet: string; url: string }[];
};
export type Overview = {
  asOf: Date;
  dataAsOf: Date | null;
  cells: OverviewCell[];
  totals: { actorsWithCommitments: number; commitments: number; polls: number; events: number; sources: number };
  claimsByVerification: Partial<Record<VerificationStatus, number>>;
  latestEvents: OverviewEvent[];
};

/** Headline figures for the overview page, as of a valid-time date. Published records only; 5 queries. */
export async function getOverview(asOf: Date): Promise<Overview> {
  const prisma = db();
  const published = { status: "PUBLISHED" as const };
  const [commitments, events, claimGroups, counts, stamp] = await Promise.all([
    prisma.commitment.findMany({
      where: published,
      select: {
        kind: true,
        actor: { select: { slug: true, name: true } },
        stages: { where: { date: { lte: asOf } }, select: { stage: true, date: true } },
      },
    }),
    prisma.event.findMany({
      where: { ...published, date: { lte: asOf } },
      orderBy: [{ date: "desc" }, { slug: "asc" }],
      take: 8,
      select: {
        slug: true,
        title: true,
        date: true,
        datePrecision: true,
        kind: true,
        citations: { select: { source: { select: { outlet: true, url: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    prisma.claim.groupBy({ by: ["verification"], where: published, _count: { _all: true } }),
    prisma.$queryRaw<{ polls: bigint; events: bigint; sources: bigint }[]>`
      SELECT (SELECT count(*) FROM "Poll" WHERE status = 'PUBLISHED' AND "fieldworkEnd" <= ${asOf}) AS polls,
             (SELECT count(*) FROM "Event" WHERE status = 'PUBLISHED' AND date <= ${asOf}) AS events,
             (SELECT count(*) FROM "Source" WHERE status = 'PUBLISHED') AS sources`,
    prisma.$queryRaw<{ stamp: Date | null }[]>`
      SELECT GREATEST(
        (SELECT max("updatedAt") FROM "Commitment" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Event" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Poll" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Claim" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Site" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Actor" WHERE status = 'PUBLISHED')) AS stamp`,
  ]);

  const cellMap = new Map<string, OverviewCell>();
  const actorsWith = new Set<string>();
  let live = 0;
  for (const c of commitments) {
    const stage = stageAsOf(c.stages, asOf);
    if (!stage) continue;
    live++;
    actorsWith.add(c.actor.slug);
    const key = `${c.kind}:${stage}`;
    const cell = cellMap.get(key) ?? { kind: c.kind, stage, actors: [] };
    if (!cell.actors.some((a) => a.slug === c.actor.slug)) cell.actors.push(c.actor);
    cellMap.set(key, cell);
  }
  for (const cell of cellMap.values()) cell.actors.sort((a, b) => a.name.localeCompare(b.name));

  return {
    asOf,
    dataAsOf: stamp[0]?.stamp ?? null,
    cells: [...cellMap.values()],
    totals: {
      actorsWithCommitments: actorsWith.size,
      commitments: live,
      polls: Number(counts[0].polls),
      events: Number(counts[0].events),
      sources: Number(counts[0].sources),
    },
    claimsByVerification: Object.fromEntries(claimGroups.map((g) => [g.verification, g._count._all])),
    latestEvents: events.map((e) => ({
      slug: e.slug,
      title: e.title,
      date: e.date,
      datePrecision: e.datePrecision,
      kind: e.kind,
      sources: dedupe(e.citations.map((c) => c.source)),
    })),
  };
}

function dedupe<T extends { url: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.url) ? false : (seen.add(x.url), true)));
}
