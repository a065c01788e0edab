// After a crash: is every acknowledged write there with its exact content, and is every record
// whole (draft ↔ revision ↔ audit entry ↔ live row ↔ release)? loadState reads the database;
// check() is pure, so its verdicts are unit-tested on states with deliberate damage.
import type pg from "pg";
import type { Ack } from "./workload";
import { BASE_SOURCES } from "./workload";

export type RevisionRow = {
  id: string;
  entityType: string;
  entityId: string;
  version: number;
  action: string;
  snapshot: unknown;
  releaseNumber: number | null;
  authorLabel: string;
};
export type AuditRow = { id: string; revisionId: string | null; entityType: string; entityId: string; action: string };
export type DraftRow = { entityType: string; entityId: string; version: number; status: string; snapshot: unknown };
export type LiveRow = { entityType: string; id: string; status: string; version: number; fields: Record<string, unknown> };
export type DbState = { revisions: RevisionRow[]; audit: AuditRow[]; drafts: DraftRow[]; releases: number[]; live: LiveRow[] };

export type Verdict = {
  /** Acknowledged writes checked. */
  acked: number;
  /** Acknowledged writes missing or different, one sentence each. */
  lost: string[];
  /** Records not whole, one sentence each. */
  halfWritten: string[];
  /** Writes that committed but whose acknowledgement the kill cut off (allowed: at most one per writer). */
  committedUnacked: number;
};

const TYPES = ["Source", "Event"];
const ENTITY_TYPE = { sources: "Source", events: "Event" } as const;

/** JSON with sorted keys, so equal content compares equal whatever the key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** The live row's fields the checker compares, as a record's snapshot would give them. */
export function liveFieldsOf(entityType: string, snapshot: unknown): Record<string, unknown> {
  const s = snapshot as Record<string, unknown>;
  if (entityType === "Source") return { slug: s.slug, url: s.url, outlet: s.outlet, title: s.title, author: s.author };
  const citations = (s.citations as { url: string; quote: string | null }[]).map((c) => ({ url: c.url, quote: c.quote }));
  citations.sort((a, b) => a.url.localeCompare(b.url));
  return { slug: s.slug, title: s.title, summary: s.summary, location: s.location, date: s.date, citations };
}

/** Reads everything the checker needs, in one snapshot. */
export async function loadState(client: pg.Client): Promise<DbState> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const revisions = await client.query(
      `SELECT id, "entityType", "entityId", version, action::text, snapshot, "releaseNumber", "authorLabel" FROM "Revision" WHERE "entityType" = ANY($1)`,
      [TYPES],
    );
    const audit = await client.query(`SELECT id::text, "revisionId", "entityType", "entityId", action::text FROM "AuditEntry" WHERE "entityType" = ANY($1)`, [TYPES]);
    const drafts = await client.query(`SELECT "entityType", "entityId", version, status::text, snapshot FROM "Draft"`);
    const releases = await client.query(`SELECT number FROM "Release"`);
    const sources = await client.query(`SELECT id, status::text, version, slug, url, outlet, title, author FROM "Source"`);
    const events = await client.query(`SELECT id, status::text, version, slug, title, summary, location, date::text AS date FROM "Event"`);
    const cites = await client.query(
      `SELECT c."eventId", s.url, c.quote FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."eventId" IS NOT NULL`,
    );
    const byEvent = new Map<string, { url: string; quote: string | null }[]>();
    for (const c of cites.rows) (byEvent.get(c.eventId) ?? byEvent.set(c.eventId, []).get(c.eventId)!).push({ url: c.url, quote: c.quote });
    const live: LiveRow[] = [
      ...sources.rows.map((r) => ({
        entityType: "Source",
        id: r.id,
        status: r.status,
        version: r.version,
        fields: { slug: r.slug, url: r.url, outlet: r.outlet, title: r.title, author: r.author },
      })),
      ...events.rows.map((r) => ({
        entityType: "Event",
        id: r.id,
        status: r.status,
        version: r.version,
        fields: {
          slug: r.slug,
          title: r.title,
          summary: r.summary,
          location: r.location,
          date: r.date,
          citations: (byEvent.get(r.id) ?? []).sort((a, b) => a.url.localeCompare(b.url)),
        },
      })),
    ];
    return {
      revisions: revisions.rows,
      audit: audit.rows,
      drafts: drafts.rows,
      releases: releases.rows.map((r) => r.number),
      live,
    };
  } finally {
    await client.query("COMMIT");
  }
}

const key = (type: string, id: string) => `${type}:${id}`;

/** The verdict on a database state after a crash, given every acknowledgement the writers printed. */
export function check(state: DbState, acks: Ack[]): Verdict {
  const lost: string[] = [];
  const half: string[] = [];

  const revsOf = new Map<string, RevisionRow[]>();
  for (const r of state.revisions) (revsOf.get(key(r.entityType, r.entityId)) ?? revsOf.set(key(r.entityType, r.entityId), []).get(key(r.entityType, r.entityId))!).push(r);
  for (const list of revsOf.values()) list.sort((a, b) => a.version - b.version);
  const revById = new Map(state.revisions.map((r) => [r.id, r]));
  const auditByRev = new Map<string, AuditRow[]>();
  for (const a of state.audit) {
    if (a.revisionId === null) continue;
    (auditByRev.get(a.revisionId) ?? auditByRev.set(a.revisionId, []).get(a.revisionId)!).push(a);
    if (!revById.has(a.revisionId)) half.push(`Audit entry ${a.id} (${a.action} ${a.entityType} ${a.entityId}) names revision ${a.revisionId}, which does not exist.`);
  }
  const draftOf = new Map(state.drafts.map((d) => [key(d.entityType, d.entityId), d]));
  const liveOf = new Map(state.live.map((l) => [key(l.entityType, l.id), l]));
  const releases = new Set(state.releases);
  const releaseUse = new Map<number, number>();

  // Every acknowledged write: its revision, with the exact content, author and release.
  const acked = new Set<string>();
  for (const a of acks) {
    const type = ENTITY_TYPE[a.entity];
    const what = `${a.action} of ${type} ${a.id} (revision ${a.rev})`;
    acked.add(`${key(type, a.id)}#${a.rev}`);
    const rev = (revsOf.get(key(type, a.id)) ?? []).find((r) => r.version === a.rev);
    if (!rev) {
      lost.push(`Acknowledged ${what} is missing.`);
      continue;
    }
    if (rev.action !== a.action) lost.push(`Acknowledged ${what} is stored as ${rev.action}.`);
    if (rev.authorLabel !== a.author) lost.push(`Acknowledged ${what} names ${rev.authorLabel}, not ${a.author}.`);
    if (a.snapshot && canonical(rev.snapshot) !== canonical(a.snapshot)) lost.push(`Acknowledged ${what} has different content.`);
    if (a.release !== undefined && rev.releaseNumber !== a.release) lost.push(`Acknowledged ${what} belongs to release ${rev.releaseNumber}, not ${a.release}.`);
    if (a.liveVersion !== undefined && (liveOf.get(key(type, a.id))?.version ?? 0) < a.liveVersion) {
      lost.push(`Acknowledged ${what} made version ${a.liveVersion} live, but the live row is ${liveOf.get(key(type, a.id))?.version ?? "missing"}.`);
    }
  }

  // Every record whole: replay its revisions and compare with the draft, the live row and releases.
  let committedUnacked = 0;
  const base = new Set(BASE_SOURCES.map((s) => s.slug));
  for (const [k, list] of revsOf) {
    const [type, id] = k.split(":");
    list.forEach((r, i) => {
      if (r.version !== i + 1) half.push(`${type} ${id} has revisions ${list.map((x) => x.version).join(",")}: not 1..${list.length}.`);
      const audits = auditByRev.get(r.id) ?? [];
      if (audits.length !== 1) half.push(`Revision ${r.version} (${r.action}) of ${type} ${id} has ${audits.length} audit entries, not 1.`);
      else if (audits[0].action !== r.action || audits[0].entityId !== r.entityId) half.push(`The audit entry of revision ${r.version} of ${type} ${id} does not match it.`);
      if (r.action === "PUBLISH") {
        if (r.releaseNumber === null || !releases.has(r.releaseNumber)) half.push(`Publish revision ${r.version} of ${type} ${id} has no release (${r.releaseNumber}).`);
        else releaseUse.set(r.releaseNumber, (releaseUse.get(r.releaseNumber) ?? 0) + 1);
      }
      if (!acked.has(`${k}#${r.version}`) && !base.has((r.snapshot as { slug?: string }).slug ?? "")) committedUnacked++;
    });
    const lastPublish = list.map((r) => r.action).lastIndexOf("PUBLISH");
    const publishes = list.filter((r) => r.action === "PUBLISH");
    const after = list.slice(lastPublish + 1);
    const draft = draftOf.get(k);
    if (after.length === 0) {
      if (draft) half.push(`${type} ${id} has a draft (version ${draft.version}) although its last revision published it.`);
    } else {
      const last = after[after.length - 1];
      const status = last.action === "SUBMIT" ? "IN_REVIEW" : "DRAFT";
      if (!draft) half.push(`${type} ${id} has no draft although its last revision is ${last.action}.`);
      else {
        if (draft.version !== after.length) half.push(`The draft of ${type} ${id} is at version ${draft.version}; its revisions say ${after.length}.`);
        if (draft.status !== status) half.push(`The draft of ${type} ${id} is ${draft.status}; its last revision (${last.action}) says ${status}.`);
        if (canonical(draft.snapshot) !== canonical(last.snapshot)) half.push(`The draft of ${type} ${id} differs from its last revision.`);
      }
    }
    const live = liveOf.get(k);
    if (publishes.length === 0) {
      if (live) half.push(`${type} ${id} is live (version ${live.version}) without a publish revision.`);
    } else if (!live) half.push(`${type} ${id} was published ${publishes.length} time(s) but has no live row.`);
    else {
      if (live.status !== "PUBLISHED" || live.version !== publishes.length) {
        half.push(`${type} ${id} is live as ${live.status} version ${live.version}; its revisions say PUBLISHED version ${publishes.length}.`);
      }
      if (canonical(live.fields) !== canonical(liveFieldsOf(type, publishes[publishes.length - 1].snapshot))) {
        half.push(`The live row of ${type} ${id} differs from its last published revision.`);
      }
    }
  }
  for (const d of state.drafts) if (!revsOf.has(key(d.entityType, d.entityId))) half.push(`Draft of ${d.entityType} ${d.entityId} has no revision.`);
  for (const l of state.live) if (!revsOf.has(key(l.entityType, l.id))) half.push(`Live ${l.entityType} ${l.id} has no revision.`);
  for (const n of state.releases) {
    const uses = releaseUse.get(n) ?? 0;
    if (uses !== 1) half.push(`Release ${n} is named by ${uses} publish revisions, not 1.`);
  }
  return { acked: acks.length, lost, halfWritten: half, committedUnacked };
}
