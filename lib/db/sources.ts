import "server-only";
import { cachedRead } from "./cache";
import { db } from "./client";
import type { SourceKind, VerificationStatus } from "@/lib/generated/prisma/enums";
import { sourcesOf } from "./countries";

const PUB = { status: "PUBLISHED" as const };
const pub = <T extends { status: string }>(r: T | null): T | null => (r && r.status === "PUBLISHED" ? r : null);

export type CitedBy = { type: "actor" | "commitment" | "event" | "poll" | "claim" | "site" | "participation"; label: string; href: string };

/** Every published source with the published records that cite it (one query). */
async function loadSources(filter: { kinds?: SourceKind[]; ids?: string[] }) {
  const rows = await db().source.findMany({
    where: { ...PUB, ...(filter.kinds?.length ? { kind: { in: filter.kinds } } : {}), ...(filter.ids ? { id: { in: filter.ids } } : {}) },
    orderBy: [{ outlet: "asc" }, { url: "asc" }],
    select: {
      slug: true,
      url: true,
      outlet: true,
      originalOutlet: true,
      author: true,
      title: true,
      publishedOn: true,
      publishedPrecision: true,
      kind: true,
      language: true,
      citations: {
        select: {
          actor: { select: { slug: true, iso2: true, name: true, status: true } },
          commitment: { select: { slug: true, title: true, status: true } },
          stage: { select: { commitment: { select: { slug: true, title: true, status: true } } } },
          event: { select: { slug: true, title: true, status: true } },
          poll: { select: { slug: true, pollster: true, status: true, country: { select: { iso2: true, name: true } } } },
          claim: { select: { slug: true, statement: true, status: true } },
          site: { select: { slug: true, name: true, status: true } },
          participation: { select: { status: true, actor: { select: { slug: true, iso2: true, name: true } } } },
        },
      },
    },
  });
  return rows.map((s) => {
    const cited = new Map<string, CitedBy>();
    const add = (c: CitedBy) => cited.set(`${c.type}:${c.href}`, c);
    for (const c of s.citations) {
      const actor = pub(c.actor);
      if (actor) add({ type: "actor", label: actor.name, href: `/countries/${(actor.iso2 ?? actor.slug).toLowerCase()}` });
      const commitment = pub(c.commitment) ?? pub(c.stage?.commitment ?? null);
      if (commitment) add({ type: "commitment", label: commitment.title, href: `/commitments/${commitment.slug}` });
      const event = pub(c.event);
      if (event) add({ type: "event", label: event.title, href: `/timeline#event-${event.slug}` });
      const poll = pub(c.poll);
      if (poll) add({ type: "poll", label: `${poll.pollster} (${poll.country.name})`, href: `/polls#poll-${poll.slug}` });
      const claim = pub(c.claim);
      if (claim) add({ type: "claim", label: claim.statement, href: `/sources#claim-${claim.slug}` });
      const site = pub(c.site);
      if (site) add({ type: "site", label: site.name, href: `/map#site-${site.slug}` });
      const part = pub(c.participation);
      if (part) add({ type: "participation", label: part.actor.name, href: `/countries/${(part.actor.iso2 ?? part.actor.slug).toLowerCase()}` });
    }
    const { citations: _omit, ...source } = s;
    void _omit;
    return { ...source, citedBy: [...cited.values()] };
  });
}
/**
 * One page of the published sources (same order and filter as listSources) and how many there are
 * in all: three queries, citations read only for the page's sources.
 */
async function loadSourcesPage(filter: { kinds?: SourceKind[]; page: number; size: number }) {
  const where = { ...PUB, ...(filter.kinds?.length ? { kind: { in: filter.kinds } } : {}) };
  // The page's ids first: with skip/take on the query that joins every citation, PostgreSQL
  // joins the citations of all sources before cutting the page (seconds at ×10 data).
  const [total, ids] = await Promise.all([
    db().source.count({ where }),
    db().source.findMany({ where, orderBy: [{ outlet: "asc" }, { url: "asc" }], skip: (filter.page - 1) * filter.size, take: filter.size, select: { id: true } }),
  ]);
  const rows = ids.length ? await loadSources({ kinds: filter.kinds, ids: ids.map((x) => x.id) }) : [];
  return { total, rows };
}
/** One page of the published sources with what cites them (cached). */
export const listSourcesPage = cachedRead("sources-page", loadSourcesPage);

/** Every published source with what cites it (cached). */
export const listSources = cachedRead("sources", loadSources);
export type SourceRow = Awaited<ReturnType<typeof loadSources>>[number];

/** Published claims and figures grouped by verification status, with their sources (one query). */
async function loadClaimsByVerification() {
  const claims = await db().claim.findMany({
    where: PUB,
    orderBy: [{ verification: "desc" }, { slug: "asc" }],
    select: {
      slug: true,
      kind: true,
      statement: true,
      finding: true,
      origin: true,
      verification: true,
      confidence: true,
      asOf: true,
      asOfPrecision: true,
      actor: { select: { name: true, iso2: true, slug: true } },
      citations: { select: { quote: true, source: { select: { url: true, outlet: true, originalOutlet: true, status: true } } } },
    },
  });
  const groups: Record<VerificationStatus, (Omit<(typeof claims)[number], "citations"> & { sources: ReturnType<typeof sourcesOf> })[]> = {
    UNVERIFIED: [],
    DISPUTED: [],
    REPORTED: [],
    CONFIRMED: [],
  };
  for (const { citations, ...c } of claims) groups[c.verification].push({ ...c, sources: sourcesOf(citations) });
  return groups;
}

/** Published claims grouped by verification status (cached). */
export const claimsByVerification = cachedRead("claims-by-verification", loadClaimsByVerification);
