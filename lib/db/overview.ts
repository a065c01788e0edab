import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import type { CommitmentKind, LifecycleStage, VerificationStatus } from "@/lib/generated/prisma/enums";

export type OverviewCell = { kind: CommitmentKind; stage: LifecycleStage; actors: { slug: string; name: string; nameUk: string | null }[] };
export type OverviewEvent = {
  slug: string;
  title: string;
  date: Date;
  datePrecision: "DAY" | "MONTH" | "YEAR";
  kind: string;
  sources: { outlet: string; url: string }[];
};
export type OverviewChange = {
  commitmentSlug: string;
  title: string;
  actor: { slug: string; name: string; nameUk: string | null; iso2: string | null };
  stage: LifecycleStage;
  date: Date;
  datePrecision: "DAY" | "MONTH" | "YEAR";
};
export type OverviewFigure = {
  slug: string;
  statement: string;
  value: number | null;
  unit: string | null;
  asOf: Date | null;
  asOfPrecision: "DAY" | "MONTH" | "YEAR";
  sources: { outlet: string; url: string; originalOutlet: string | null }[];
};
export type Overview = {
  asOf: Date;
  dataAsOf: Date | null;
  cells: OverviewCell[];
  totals: { actorsWithCommitments: number; commitments: number; polls: number; events: number; sources: number };
  claimsByVerification: Partial<Record<VerificationStatus, number>>;
  latestEvents: OverviewEvent[];
  recentChanges: OverviewChange[];
  figures: OverviewFigure[];
};

/** Headline figures for the overview page, as of a valid-time date. Published records only; 4 queries. */
async function loadOverview(asOf: Date): Promise<Overview> {
  const prisma = db();
  const published = { status: "PUBLISHED" as const };
  const [commitments, events, counts, figures] = await Promise.all([
    // The stage in force per commitment (latest on or before asOf; on one day the later stage, as
    // lib/lifecycle.ts stageAsOf: the enum's order is STAGE_ORDER), counted per kind, stage and
    // actor in the database, and the 8 latest stage changes: one statement, tagged rows.
    prisma.$queryRaw<
      { t: "c" | "r"; kind: CommitmentKind; stage: LifecycleStage; n: number; slug: string; name: string; nameUk: string | null; iso2: string | null; cslug: string | null; title: string | null; date: Date | null; precision: "DAY" | "MONTH" | "YEAR" | null }[]
    >`
      SELECT 'c' AS t, c.kind, st.stage, count(*)::int AS n, a.slug, a.name, a."nameUk", a.iso2, NULL AS cslug, NULL AS title, NULL::date AS date, NULL::"DatePrecision" AS precision
        FROM (SELECT DISTINCT ON (s."commitmentId") s."commitmentId", s.stage FROM "CommitmentStage" s
               WHERE s.date <= ${asOf} ORDER BY s."commitmentId", s.date DESC, s.stage DESC) st
        JOIN "Commitment" c ON c.id = st."commitmentId" AND c.status = 'PUBLISHED'
        JOIN "Actor" a ON a.id = c."actorId" AND a.status = 'PUBLISHED'
       GROUP BY c.kind, st.stage, a.slug, a.name, a."nameUk", a.iso2
      UNION ALL
      SELECT * FROM (
        SELECT 'r' AS t, c.kind, s.stage, 1, a.slug, a.name, a."nameUk", a.iso2, c.slug, c.title, s.date, s."datePrecision"
          FROM "CommitmentStage" s
          JOIN "Commitment" c ON c.id = s."commitmentId" AND c.status = 'PUBLISHED'
          JOIN "Actor" a ON a.id = c."actorId" AND a.status = 'PUBLISHED'
         WHERE s.date <= ${asOf}
         ORDER BY s.date DESC, c.slug, s.stage DESC
         LIMIT 8
      ) r`,
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
        citations: { select: { source: { select: { outlet: true, url: true, status: true } } }, orderBy: { createdAt: "asc" } },
      },
    }),
    // Counts, claims by verification and the data stamp in one statement (the page's query budget).
    prisma.$queryRaw<{ polls: bigint; events: bigint; sources: bigint; claims: Record<string, number> | null; stamp: Date | null }[]>`
      SELECT (SELECT count(*) FROM "Poll" WHERE status = 'PUBLISHED' AND "fieldworkEnd" <= ${asOf}) AS polls,
             (SELECT json_object_agg(v.verification, v.n) FROM (SELECT verification, count(*)::int AS n FROM "Claim" WHERE status = 'PUBLISHED' GROUP BY verification) v) AS claims,
             (SELECT count(*) FROM "Event" WHERE status = 'PUBLISHED' AND date <= ${asOf}) AS events,
             (SELECT count(*) FROM "Source" WHERE status = 'PUBLISHED') AS sources,
             GREATEST(
        (SELECT max("updatedAt") FROM "Commitment" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Event" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Poll" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Claim" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Site" WHERE status = 'PUBLISHED'),
        (SELECT max("updatedAt") FROM "Actor" WHERE status = 'PUBLISHED')) AS stamp`,
    // Headline figures: confirmed coalition-level figures, newest first.
    prisma.claim.findMany({
      where: { ...published, kind: "FIGURE", verification: "CONFIRMED", actor: { slug: "coalition" }, asOf: { lte: asOf } },
      orderBy: [{ asOf: "desc" }, { slug: "asc" }],
      take: 4,
      select: {
        slug: true,
        statement: true,
        valueLow: true,
        unit: true,
        asOf: true,
        asOfPrecision: true,
        citations: { select: { source: { select: { outlet: true, url: true, originalOutlet: true, status: true } } } },
      },
    }),
  ]);
  const stamp = counts;

  const cellMap = new Map<string, OverviewCell>();
  const actorsWith = new Set<string>();
  let live = 0;
  const changes: OverviewChange[] = [];
  for (const r of commitments) {
    const actor = { slug: r.slug, name: r.name, nameUk: r.nameUk, iso2: r.iso2 };
    if (r.t === "r") {
      changes.push({ commitmentSlug: r.cslug!, title: r.title!, actor, stage: r.stage, date: r.date!, datePrecision: r.precision! });
      continue;
    }
    live += r.n;
    actorsWith.add(r.slug);
    const key = `${r.kind}:${r.stage}`;
    const cell = cellMap.get(key) ?? { kind: r.kind, stage: r.stage, actors: [] };
    cell.actors.push({ slug: r.slug, name: r.name, nameUk: r.nameUk });
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
    claimsByVerification: (counts[0].claims ?? {}) as Overview["claimsByVerification"],
    latestEvents: events.map((e) => ({
      slug: e.slug,
      title: e.title,
      date: e.date,
      datePrecision: e.datePrecision,
      kind: e.kind,
      sources: uniqueByUrl(e.citations.map((c) => c.source).filter((s) => s.status === "PUBLISHED")),
    })),
    recentChanges: changes.sort((a, b) => b.date.getTime() - a.date.getTime() || a.commitmentSlug.localeCompare(b.commitmentSlug)),
    figures: figures.map((f) => ({
      slug: f.slug,
      statement: f.statement,
      value: f.valueLow === null ? null : Number(f.valueLow),
      unit: f.unit,
      asOf: f.asOf,
      asOfPrecision: f.asOfPrecision,
      sources: uniqueByUrl(f.citations.map((c) => c.source).filter((s) => s.status === "PUBLISHED")),
    })),
  };
}


/** Headline figures for the overview page (cached under the published tag). */
export const getOverview = cachedRead("overview", loadOverview);

/** One dated lifecycle stage of a published commitment (the overview chart's input). */
export type StageHistoryRow = { actor: string; commitment: string; stage: LifecycleStage; date: Date };
/** The summit with the most actors in a month: the overview chart marks it on its time axis. */
export type KeySummit = { slug: string; title: string; date: Date; location: string | null };
export type StageHistory = { stages: StageHistoryRow[]; summits: KeySummit[] };

/**
 * Every dated stage (on or before `asOf`) of published commitments by published countries and
 * organisations (the coalition's joint commitments are not an actor's), and one key summit per
 * month. One query: stage rows and summit rows in a UNION, told apart by `t`. Stages come one row
 * per actor as "slug STAGE YYYY-MM-DD,…" (slugs and stage names hold neither spaces nor commas):
 * 50 rows instead of 10,000 at ×10. Not cached here: the view caches the monthly counts it
 * makes of them (lib/views/overview.ts), a few kilobytes instead of every stage.
 */
export async function loadStageHistory(asOf: Date): Promise<StageHistory> {
  const rows = await db().$queryRaw<{ t: "s" | "e"; a: string; b: string; date: Date | null; location: string | null }[]>`
    SELECT 's' AS t, a.slug AS a, string_agg(c.slug || ' ' || s.stage || ' ' || s.date::text, ',') AS b, NULL::date AS date, NULL::text AS location
      FROM "CommitmentStage" s
      JOIN "Commitment" c ON c.id = s."commitmentId"
      JOIN "Actor" a ON a.id = c."actorId"
     WHERE c.status = 'PUBLISHED' AND a.status = 'PUBLISHED' AND a.kind <> 'COALITION' AND s.date <= ${asOf}
     GROUP BY a.slug
    UNION ALL
    SELECT * FROM (
      SELECT DISTINCT ON (date_trunc('month', e.date)) 'e' AS t, e.slug AS a, e.title AS b, e.date AS date, e.location AS location
        FROM "Event" e
       WHERE e.status = 'PUBLISHED' AND e.kind = 'SUMMIT' AND e.date <= ${asOf}
       ORDER BY date_trunc('month', e.date), (SELECT count(*) FROM "EventActor" x WHERE x."eventId" = e.id) DESC, e.date, e.slug
    ) k`;
  const stages: StageHistoryRow[] = [];
  const summits: KeySummit[] = [];
  for (const r of rows) {
    if (r.t === "e") {
      summits.push({ slug: r.a, title: r.b, date: r.date!, location: r.location });
      continue;
    }
    for (const item of r.b.split(",")) {
      const [commitment, stage, day] = item.split(" ");
      stages.push({ actor: r.a, commitment, stage: stage as LifecycleStage, date: new Date(`${day}T00:00:00Z`) });
    }
  }
  return { stages, summits };
}

/**
 * Outlets behind the commitments the overview chart counts (on or before `asOf`), most cited
 * first (counted once per commitment; a copy credits its original outlet), at most 40: ranked in
 * the database because at ×10 there are tens of thousands of citations.
 */
export async function loadCommitmentOutlets(asOf: Date): Promise<string[]> {
  const rows = await db().$queryRaw<{ name: string }[]>`
    WITH counted AS (
      SELECT c.id FROM "Commitment" c
        JOIN "Actor" a ON a.id = c."actorId" AND a.status = 'PUBLISHED' AND a.kind <> 'COALITION'
       WHERE c.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM "CommitmentStage" st WHERE st."commitmentId" = c.id AND st.date <= ${asOf})
    ), cited AS (
      SELECT ci."commitmentId" AS rec, ci."sourceId" FROM "Citation" ci JOIN counted ON counted.id = ci."commitmentId"
      UNION
      SELECT st."commitmentId", ci."sourceId" FROM "CommitmentStage" st
        JOIN counted ON counted.id = st."commitmentId"
        JOIN "Citation" ci ON ci."stageId" = st.id
       WHERE st.date <= ${asOf}
    )
    SELECT coalesce(s."originalOutlet", s.outlet) AS name
      FROM cited JOIN "Source" s ON s.id = cited."sourceId" AND s.status = 'PUBLISHED'
     GROUP BY 1 ORDER BY count(DISTINCT cited.rec) DESC, 1 LIMIT 40`;
  return rows.map((r) => r.name);
}
