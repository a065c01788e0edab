import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";
import { MODEL, liveDelegate, type Tx } from "./records";
import type { Failure } from "./workflow";
import { isImportEntity, type ImportEntity } from "@/lib/import/columns";
import { parseImportFile, type ParsedRow } from "@/lib/import/parse";
import { buildReport, cleanFileName, fileReferences, sha256Hex, type ImportReport, type Known, type RefState } from "@/lib/import/report";
import { fitsTemplate } from "@/lib/import/template";
import { can, type Actor } from "@/lib/permissions";
import { SEED_FILES } from "@/lib/schemas/seed";

// CSV import of polls, events and commitments (docs/decisions/010-csv-import.md). A dry run
// writes nothing; a confirm re-reads the same file, re-checks it against the database inside
// one transaction, and writes every importable row as a new DRAFT with an IMPORT revision and
// an audit entry, or nothing at all. Drafts then go through review like any edit.

export type ImportFailure = Failure & { report?: ImportReport };
export type ImportResult<T extends object> = ({ ok: true } & T) | ImportFailure;

export type ImportRequest = { entity: string; fileName: string | null; data: Uint8Array | string };
export type CommitRequest = ImportRequest & { sha256: string; digest: string };
export type CreatedDraft = { row: number; slug: string; id: string };

const fail = (code: Failure["code"], message: string, report?: ImportReport): ImportFailure => ({ ok: false, code, message, ...(report ? { report } : {}) });

function deny(actor: Actor | null): ImportFailure | null {
  if (!actor) return fail("unauthenticated", "Sign in to import records.");
  if (!can(actor, "create")) return fail("forbidden", `Your role (${actor.role.toLowerCase()}) may not create records.`);
  return null;
}

/** One key for every import: two confirms never interleave their duplicate checks and writes. */
const IMPORT_LOCK = 5_348_001;

/** Slug (or another snapshot field) of every draft of a model, with its record id. */
type Reader = Tx | ReturnType<typeof db>;

async function draftValues(tx: Reader, model: string, field: string): Promise<{ entityId: string; value: string | null }[]> {
  return tx.$queryRaw<{ entityId: string; value: string | null }[]>`
    SELECT "entityId", snapshot ->> ${field} AS value FROM "Draft" WHERE "entityType" = ${model}`;
}

const states = (published: (string | null)[], drafted: (string | null)[]): Map<string, RefState> => {
  const m = new Map<string, RefState>();
  for (const v of drafted) if (v) m.set(v, "draft");
  for (const v of published) if (v) m.set(v, "published");
  return m;
};

/** Everything the report needs from the database, in a handful of queries (no query per row). */
async function knownFor(tx: Reader, entity: ImportEntity, rows: ParsedRow[]): Promise<Known> {
  const refs = fileReferences(rows);
  const published = { status: "PUBLISHED" as const };
  const live = liveDelegate(tx as Tx, entity) as unknown as { findMany: (a: object) => Promise<{ id: string; slug: string }[]> };
  const needActors = refs.actors.size > 0 || refs.countries.size > 0;
  const [liveRows, draftRows, actors, actorDrafts, actorIsoDrafts, commitments, commitmentDrafts, sources, sourceDrafts] = await Promise.all([
    live.findMany({ select: { id: true, slug: true } }),
    draftValues(tx, MODEL[entity], "slug"),
    needActors ? tx.actor.findMany({ where: published, select: { slug: true, iso2: true } }) : [],
    refs.actors.size ? draftValues(tx, MODEL.actors, "slug") : [],
    refs.countries.size ? draftValues(tx, MODEL.actors, "iso2") : [],
    refs.commitments.size ? tx.commitment.findMany({ where: { ...published, slug: { in: [...refs.commitments] } }, select: { slug: true } }) : [],
    refs.commitments.size ? draftValues(tx, MODEL.commitments, "slug") : [],
    refs.sources.size ? tx.source.findMany({ where: { ...published, url: { in: [...refs.sources] } }, select: { url: true } }) : [],
    refs.sources.size ? draftValues(tx, MODEL.sources, "url") : [],
  ]);
  const records: Known["records"] = new Map(liveRows.map((r) => [r.slug, { id: r.id, draft: false }]));
  for (const d of draftRows) if (d.value && !records.has(d.value)) records.set(d.value, { id: d.entityId, draft: true });
  return {
    records,
    actors: states(actors.map((a) => a.slug), actorDrafts.map((d) => d.value)),
    countries: states(actors.map((a) => a.iso2), actorIsoDrafts.map((d) => d.value)),
    commitments: states(commitments.map((c) => c.slug), commitmentDrafts.map((d) => d.value)),
    sources: states(sources.map((s) => s.url), sourceDrafts.map((d) => d.value)),
  };
}

async function reportFor(tx: Reader, entity: ImportEntity, req: ImportRequest) {
  const parsed = parseImportFile(entity, req.data);
  const known = await knownFor(tx, entity, parsed.rows);
  return buildReport(entity, parsed, known, { fileName: cleanFileName(req.fileName), sha256: sha256Hex(req.data) });
}

type ImportedRow = { row: number; id: string; draftId: string; revisionId: string; snapshot: unknown };

/**
 * Writes each row's draft (status DRAFT, new record), its IMPORT revision (version 1) and its
 * audit entry: the shapes saveDraft writes, in one statement. Prisma's createMany took about 30
 * times longer for thousands of rows (see the decision record), so the rows travel as one JSON
 * parameter and PostgreSQL expands them.
 */
async function insertImported(tx: Tx, a: { model: string; actor: { id: string; label: string }; fileName: string; sha256: string; rows: ImportedRow[] }) {
  const message = `import: ${a.fileName}`;
  // timestamp(3) columns hold UTC wall time, as Prisma writes them.
  const at = new Date().toISOString().replace("Z", "");
  const rows = JSON.stringify(a.rows.map(({ row, id, draftId, revisionId, snapshot }) => ({ row, id, draftId, revisionId, snapshot })));
  await tx.$executeRaw`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS x("row" integer, id text, "draftId" text, "revisionId" text, snapshot jsonb)
    ), drafts AS (
      INSERT INTO "Draft" (id, "entityType", "entityId", "isNew", snapshot, status, version, "baseVersion", message, "authorId", "authorLabel", "createdAt", "updatedAt")
      SELECT "draftId", ${a.model}, id, true, snapshot, 'DRAFT'::"DraftStatus", 1, NULL, ${message}, ${a.actor.id}, ${a.actor.label}, ${at}::timestamp(3), ${at}::timestamp(3) FROM input
    ), revisions AS (
      INSERT INTO "Revision" (id, "entityType", "entityId", version, action, snapshot, message, "authorId", "authorLabel", "createdAt")
      SELECT "revisionId", ${a.model}, id, 1, 'IMPORT'::"RevisionAction", snapshot, ${message}, ${a.actor.id}, ${a.actor.label}, ${at}::timestamp(3) FROM input
    )
    INSERT INTO "AuditEntry" (at, action, "entityType", "entityId", "revisionId", "actorLabel", detail)
    SELECT ${at}::timestamp(3), 'IMPORT'::"RevisionAction", ${a.model}, id, "revisionId", ${a.actor.label},
           jsonb_build_object('file', ${a.fileName}::text, 'sha256', ${a.sha256}::text, 'row', "row")
    FROM input`;
}

/** The dry run: the report of what a confirm would write. Writes nothing. */
export async function checkImport(actor: Actor | null, req: ImportRequest): Promise<ImportResult<{ report: ImportReport }>> {
  const denied = deny(actor);
  if (denied) return denied;
  if (!isImportEntity(req.entity)) return fail("invalid", "Choose polls, events or commitments.");
  const { report } = await reportFor(db(), req.entity, req);
  return { ok: true, report };
}

/**
 * Imports the importable rows of a checked file as new drafts, in one transaction. Refused,
 * with the fresh report and nothing written, when the file or what it would write changed.
 */
export async function commitImport(actor: Actor | null, req: CommitRequest): Promise<ImportResult<{ report: ImportReport; created: CreatedDraft[] }>> {
  const denied = deny(actor);
  if (denied) return denied;
  const entity = req.entity;
  if (!isImportEntity(entity)) return fail("invalid", "Choose polls, events or commitments.");
  const who = { id: actor!.id, label: actor!.name };
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}::bigint)`;
      const { report, importable } = await reportFor(tx, entity, req);
      if (report.sha256 !== req.sha256) {
        return fail("conflict", "This is not the file you checked: here is the report for this file. Nothing was imported.", report);
      }
      if (report.digest !== req.digest) {
        return fail("conflict", "The records changed since your check (for example a slug is now taken): here is the new report. Nothing was imported.", report);
      }
      if (importable.length === 0) return fail("invalid", "There are no valid new rows to import.", report);

      const created = importable.map((r) => ({ row: r.row, slug: r.slug, id: randomUUID(), draftId: randomUUID(), revisionId: randomUUID(), snapshot: r.input }));
      await insertImported(tx, { model: MODEL[entity], actor: who, fileName: report.fileName, sha256: report.sha256, rows: created });
      return { ok: true as const, report, created: created.map(({ row, slug, id }) => ({ row, slug, id })) };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/** A seed record of the entity for the template's example row (the first by slug that fits), or null. */
export async function templateExample(entity: ImportEntity): Promise<Record<string, unknown> | null> {
  const revisions = await db().revision.findMany({ where: { entityType: MODEL[entity], action: "SEED" }, select: { snapshot: true }, take: 500 });
  const examples = revisions
    // Seed snapshots also carry the row id, which is not part of the input.
    .map((r) => {
      const input = { ...(r.snapshot as Record<string, unknown>) };
      delete input.id;
      return SEED_FILES[entity].safeParse(input);
    })
    .flatMap((r) => (r.success ? [r.data as Record<string, unknown>] : []))
    .filter(fitsTemplate)
    .sort((a, b) => String(a.slug).localeCompare(String(b.slug)));
  return examples[0] ?? null;
}
