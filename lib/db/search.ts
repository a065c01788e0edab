import "server-only";
import { db } from "./client";
import { toPrefixQuery } from "@/lib/search";

export type SearchType = "actor" | "commitment" | "event" | "claim" | "source";
export type SearchHit = { type: SearchType; slug: string; title: string; snippet: string | null; href: string; rank: number };

/**
 * Full-text search (PostgreSQL, 'simple' configuration so that English, Ukrainian and other
 * source languages all match) across published actors, commitments, events, claims and sources.
 * One query; at most `perType` hits of each type, best first.
 */
export async function search(text: string, perType = 20): Promise<Record<SearchType, SearchHit[]>> {
  const empty: Record<SearchType, SearchHit[]> = { actor: [], commitment: [], event: [], claim: [], source: [] };
  const tsq = toPrefixQuery(text);
  if (!tsq) return empty;
  const rows = await db().$queryRaw<{ type: SearchType; slug: string; title: string; snippet: string | null; code: string | null; rank: number }[]>`
    WITH q AS (SELECT to_tsquery('simple', ${tsq}) AS query)
    SELECT * FROM (
      SELECT 'actor' AS type, a.slug, a.name AS title, a.summary AS snippet, lower(coalesce(a.iso2, a.slug)) AS code,
             ts_rank(v, q.query) AS rank, row_number() OVER (ORDER BY ts_rank(v, q.query) DESC) AS n
      FROM "Actor" a, q, to_tsvector('simple', a.name || ' ' || coalesce(a."nameUk", '') || ' ' || coalesce(a.iso2, '') || ' ' || coalesce(a.summary, '')) v
      WHERE a.status = 'PUBLISHED' AND v @@ q.query
      UNION ALL
      SELECT 'commitment', c.slug, c.title, c.summary, NULL, ts_rank(v, q.query), row_number() OVER (ORDER BY ts_rank(v, q.query) DESC)
      FROM "Commitment" c JOIN "Actor" a ON a.id = c."actorId", q,
           to_tsvector('simple', c.title || ' ' || c.summary || ' ' || coalesce(c."conditionNote", '') || ' ' || a.name) v
      WHERE c.status = 'PUBLISHED' AND a.status = 'PUBLISHED' AND v @@ q.query
      UNION ALL
      SELECT 'event', e.slug, e.title, e.summary, to_char(e.date, 'YYYY-MM-DD'), ts_rank(v, q.query), row_number() OVER (ORDER BY ts_rank(v, q.query) DESC)
      FROM "Event" e, q, to_tsvector('simple', e.title || ' ' || e.summary || ' ' || coalesce(e.speaker, '') || ' ' || coalesce(e.location, '')) v
      WHERE e.status = 'PUBLISHED' AND v @@ q.query
      UNION ALL
      SELECT 'claim', c.slug, c.statement, c.finding, c.verification::text, ts_rank(v, q.query), row_number() OVER (ORDER BY ts_rank(v, q.query) DESC)
      FROM "Claim" c, q, to_tsvector('simple', c.statement || ' ' || coalesce(c.finding, '')) v
      WHERE c.status = 'PUBLISHED' AND v @@ q.query
      UNION ALL
      SELECT 'source', s.slug, coalesce(s.title, s.outlet), s.url, s.outlet, ts_rank(v, q.query), row_number() OVER (ORDER BY ts_rank(v, q.query) DESC)
      FROM "Source" s, q, to_tsvector('simple', s.outlet || ' ' || coalesce(s."originalOutlet", '') || ' ' || coalesce(s.title, '') || ' ' || coalesce(s.author, '')) v
      WHERE s.status = 'PUBLISHED' AND v @@ q.query
    ) hits
    WHERE n <= ${perType}
    ORDER BY type, rank DESC, slug`;
  for (const r of rows) {
    const href =
      r.type === "actor"
        ? `/countries/${r.code}`
        : r.type === "commitment"
          ? `/commitments/${r.slug}`
          : r.type === "event"
            ? `/timeline#event-${r.slug}`
            : r.type === "claim"
              ? `/sources#claim-${r.slug}`
              : `/sources#source-${r.slug}`;
    empty[r.type].push({ type: r.type, slug: r.slug, title: r.title, snippet: r.snippet, href, rank: Number(r.rank) });
  }
  return empty;
}
