// Loads validated seed input in bulk for the benchmark: the rows are built by the seed's own
// mapping (rowFields in lib/db/records.ts) and inserted 500 at a time with json_populate_recordset,
// in one transaction, followed by ANALYZE. Unlike the seed (lib/db/seed.ts) it writes no revision or
// audit entry per record (one release stands for the whole load): the ×10 dataset loads in seconds
// instead of minutes, and the public pages measured do not read revisions.
import pg from "pg";
import { rowFields, day, type Refs } from "../../../lib/db/records";
import type { SeedData } from "../../../lib/schemas/seed";
import { insertRows } from "../../lib/backup-format";

type Row = Record<string, unknown>;

export async function bulkLoad(url: string, data: SeedData): Promise<Record<string, number>> {
  const now = new Date();
  const ids = new Map<string, string>();
  const id = (kind: string, key: string) => {
    const k = `${kind}:${key}`;
    let v = ids.get(k);
    if (!v) ids.set(k, (v = `bench-${kind}-${ids.size}`));
    return v;
  };
  const need = (kind: string, key: string) => {
    const v = ids.get(`${kind}:${key}`);
    if (!v) throw new Error(`Unknown ${kind} ${key} in the benchmark data.`);
    return v;
  };
  const countryIds = new Map(data.actors.filter((a) => a.iso2).map((a) => [a.iso2!, id("actor", a.slug)]));
  const refs: Refs = {
    actor: (slug) => need("actor", slug),
    country: (iso2) => countryIds.get(iso2) ?? need("actor", iso2),
    commitment: (slug) => need("commitment", slug),
    source: (url) => need("source", url),
  };
  const live = { status: "PUBLISHED", version: 1, publishedAt: now, createdAt: now, updatedAt: now };
  const tables: Record<string, Row[]> = {
    Source: [], Actor: [], CoalitionParticipation: [], Commitment: [], CommitmentStage: [], Site: [], SiteActor: [],
    Poll: [], Event: [], EventActor: [], EventCommitment: [], Claim: [], Citation: [],
  };
  const cite = (list: { url: string; quote: string | null; note: string | null }[], column: string, target: string) => {
    for (const c of list) tables.Citation.push({ id: `bench-citation-${tables.Citation.length}`, sourceId: refs.source(c.url), quote: c.quote, note: c.note, [column]: target, createdAt: now });
  };

  for (const s of data.sources) tables.Source.push({ ...live, id: id("source", s.url), ...rowFields.sources(s) });
  for (const a of data.actors) {
    const rowId = id("actor", a.slug);
    tables.Actor.push({ ...live, id: rowId, ...rowFields.actors(a) });
    cite(a.citations, "actorId", rowId);
  }
  for (const p of data.participation) {
    const rowId = id("participation", p.slug);
    tables.CoalitionParticipation.push({ ...live, id: rowId, ...rowFields.participation(p, refs) });
    cite(p.citations, "participationId", rowId);
  }
  for (const c of data.commitments) {
    const rowId = id("commitment", c.slug);
    tables.Commitment.push({ ...live, id: rowId, ...rowFields.commitments(c, refs) });
    cite(c.citations, "commitmentId", rowId);
    for (const s of c.stages) {
      const stageId = `bench-stage-${tables.CommitmentStage.length}`;
      tables.CommitmentStage.push({ id: stageId, commitmentId: rowId, stage: s.stage, date: day(s.date), datePrecision: s.datePrecision, note: s.note });
      cite(s.citations, "stageId", stageId);
    }
  }
  for (const s of data.sites) {
    const rowId = id("site", s.slug);
    tables.Site.push({ ...live, id: rowId, ...rowFields.sites(s, refs, now) });
    for (const a of s.actors) tables.SiteActor.push({ siteId: rowId, actorId: refs.actor(a.actor), role: a.role });
    cite(s.citations, "siteId", rowId);
  }
  for (const p of data.polls) {
    const rowId = id("poll", p.slug);
    tables.Poll.push({ ...live, id: rowId, ...rowFields.polls(p, refs) });
    cite(p.citations, "pollId", rowId);
  }
  for (const e of data.events) {
    const rowId = id("event", e.slug);
    tables.Event.push({ ...live, id: rowId, ...rowFields.events(e) });
    for (const a of e.actors) tables.EventActor.push({ eventId: rowId, actorId: refs.actor(a) });
    for (const c of e.commitments) tables.EventCommitment.push({ eventId: rowId, commitmentId: refs.commitment(c) });
    cite(e.citations, "eventId", rowId);
  }
  for (const c of data.claims) {
    const rowId = id("claim", c.slug);
    tables.Claim.push({ ...live, id: rowId, ...rowFields.claims(c, refs) });
    cite(c.citations, "claimId", rowId);
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [table, rows] of Object.entries(tables)) {
      if (!rows.length) continue;
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      await insertRows(client, table, columns, rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))));
    }
    const changes = Object.values(tables).reduce((n, rows) => n + rows.length, 0);
    await client.query(`INSERT INTO "Release" ("publishedAt", note, "authorLabel", changes) VALUES ($1, $2, 'bench', $3)`, [now, "Synthetic benchmark data.", changes]);
    await client.query("COMMIT");
    // PGlite runs no autovacuum: without statistics the planner loops over whole tables.
    await client.query("ANALYZE");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  return Object.fromEntries(
    Object.entries({ sources: "Source", actors: "Actor", participation: "CoalitionParticipation", commitments: "Commitment", stages: "CommitmentStage", sites: "Site", polls: "Poll", events: "Event", claims: "Claim", citations: "Citation" }).map(([k, t]) => [k, tables[t].length]),
  );
}
