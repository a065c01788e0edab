import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db, type Prisma } from "./client";
import { MODEL, ReferenceError, applyRecord, liveDelegate, publishedRefs, setLiveStatus, type EntityKey, type InputOf, type Tx } from "./records";
import { can, mayOverrideOwnChange, type Action, type Actor } from "@/lib/permissions";
import { publicationIssues } from "@/lib/schemas/publication";
import { SEED_FILES } from "@/lib/schemas/seed";

// The editorial workflow: every change is a draft (table Draft) until a reviewer publishes it.
// Each command checks the actor's role itself (a page's login check protects nothing), validates
// with the entity's zod schema, compares versions (no lost updates), and writes the change, its
// revision and its audit entry in one transaction. Publishing also creates a dataset Release.

export type FieldErrors = Record<string, string[]>;

/** What the other editor saved, shown beside the form when a save is refused as stale. */
export type Conflict = { source: "draft" | "live"; version: number; snapshot: unknown; authorLabel: string; at: Date };

export type Failure = {
  ok: false;
  code: "unauthenticated" | "forbidden" | "not_found" | "invalid" | "blocked" | "conflict" | "error";
  message: string;
  fieldErrors?: FieldErrors;
  conflict?: Conflict;
  /** Per-draft reasons when a bulk request was refused. */
  items?: { entity: EntityKey; entityId: string; message: string; fieldErrors?: FieldErrors }[];
};
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

const fail = (code: Failure["code"], message: string, extra: Partial<Failure> = {}): Failure => ({ ok: false, code, message, ...extra });

/** The singular kind publicationIssues() knows. */
const GATE_KIND: Record<EntityKey, string> = {
  sources: "source",
  actors: "actor",
  participation: "participation",
  commitments: "commitment",
  sites: "site",
  polls: "poll",
  events: "event",
  claims: "claim",
};

function deny(actor: Actor | null, action: Action): Failure | null {
  if (!actor) return fail("unauthenticated", "Sign in to make changes.");
  if (!can(actor, action)) return fail("forbidden", `Your role (${actor.role.toLowerCase()}) may not ${action === "manageUsers" ? "manage users" : action} records.`);
  return null;
}

/** Zod issues as field errors keyed by dotted path ("stages.0.date"; "" for the whole form). */
export function toFieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".");
    (out[key] ??= []).push(i.message);
  }
  return out;
}

/** Validates an entity's input with its shared zod schema (strict: unknown fields are refused). */
export function parseInput<K extends EntityKey>(entity: K, input: unknown): { ok: true; data: InputOf<K> } | Failure {
  const schema = SEED_FILES[entity] as unknown as z.ZodType<InputOf<K>>;
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  return fail("invalid", "Some fields need attention.", { fieldErrors: toFieldErrors(r.error.issues) });
}

/**
 * A stored snapshot as form input: only the fields of the entity's schema (seed snapshots also
 * carry the row id). Never used on input from a request, which must be refused when it has extras.
 */
export function snapshotInput(entity: EntityKey, snapshot: unknown): Record<string, unknown> {
  const shape = (SEED_FILES[entity] as unknown as { shape: Record<string, unknown> }).shape;
  const s = (snapshot ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.keys(shape).filter((k) => k in s).map((k) => [k, s[k]]));
}

/** The latest snapshot a record was made live with (seed, publish, restore): its live input. */
export async function liveSnapshot(tx: Tx | ReturnType<typeof db>, entity: EntityKey, id: string) {
  return tx.revision.findFirst({
    where: { entityType: MODEL[entity], entityId: id, action: { in: ["SEED", "PUBLISH", "RESTORE"] } },
    orderBy: { version: "desc" },
    select: { snapshot: true, version: true, authorLabel: true, createdAt: true },
  });
}

async function liveRow(tx: Tx, entity: EntityKey, id: string) {
  const d = liveDelegate(tx, entity) as unknown as {
    findUnique: (a: object) => Promise<{ id: string; slug: string; version: number; status: string; publishedAt: Date | null } | null>;
  };
  return d.findUnique({ where: { id }, select: { id: true, slug: true, version: true, status: true, publishedAt: true } });
}

async function nextRevisionNumber(tx: Tx, entity: EntityKey, id: string): Promise<number> {
  const last = await tx.revision.findFirst({ where: { entityType: MODEL[entity], entityId: id }, orderBy: { version: "desc" }, select: { version: true } });
  return (last?.version ?? 0) + 1;
}

type RevisionAction = Prisma.RevisionCreateInput["action"];

async function record(
  tx: Tx,
  entity: EntityKey,
  id: string,
  action: RevisionAction,
  snapshot: unknown,
  actor: { id: string | null; label: string },
  message: string | null,
  detail?: Prisma.InputJsonValue,
  releaseNumber?: number,
): Promise<string> {
  const rev = await tx.revision.create({
    data: {
      entityType: MODEL[entity],
      entityId: id,
      version: await nextRevisionNumber(tx, entity, id),
      action,
      snapshot: snapshot as Prisma.InputJsonValue,
      message,
      authorId: actor.id,
      authorLabel: actor.label,
      releaseNumber,
    },
    select: { id: true },
  });
  await tx.auditEntry.create({
    data: { action, entityType: MODEL[entity], entityId: id, revisionId: rev.id, actorLabel: actor.label, detail },
  });
  return rev.id;
}

/** Is the slug free among live records and other drafts of this entity? */
async function slugTaken(tx: Tx, entity: EntityKey, id: string, slug: string): Promise<boolean> {
  const d = liveDelegate(tx, entity) as unknown as { findFirst: (a: object) => Promise<{ id: string } | null> };
  const live = await d.findFirst({ where: { slug, id: { not: id } }, select: { id: true } });
  if (live) return true;
  const drafts = await tx.draft.findMany({ where: { entityType: MODEL[entity], entityId: { not: id } }, select: { snapshot: true } });
  return drafts.some((x) => (x.snapshot as { slug?: string }).slug === slug);
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

const SITE_COORDS = (s: unknown) => {
  const x = s as { latitude?: number | null; longitude?: number | null } | null;
  return `${x?.latitude ?? ""},${x?.longitude ?? ""}`;
};

export type SaveDraftInput = {
  entity: EntityKey;
  /** null for a new record. */
  entityId: string | null;
  /** The draft's version the form was loaded with; null when the form started from the live record. */
  draftVersion: number | null;
  /** The live record's version the form was loaded with; null for a new record. */
  baseVersion: number | null;
  input: unknown;
  message?: string | null;
};

/** Saves a draft (creating or editing a record) with compare-and-set on the version the form carried. */
export async function saveDraft(actor: Actor | null, req: SaveDraftInput): Promise<Result<{ entityId: string; draftVersion: number }>> {
  const denied = deny(actor, req.entityId ? "update" : "create");
  if (denied) return denied;
  const parsed = parseInput(req.entity, req.input);
  if (!parsed.ok) return parsed;
  const input = { ...parsed.data } as InputOf<EntityKey> & { coordinateSignedOffBy?: string | null };
  const model = MODEL[req.entity];
  const who = { id: actor!.id, label: actor!.name };
  const message = req.message?.trim().slice(0, 500) || null;

  try {
    return await db().$transaction(async (tx) => {
      const id = req.entityId ?? randomUUID();
      if (await slugTaken(tx, req.entity, id, input.slug)) {
        return fail("invalid", "Some fields need attention.", { fieldErrors: { slug: ["Another record already uses this slug."] } });
      }
      const draft = req.entityId ? await tx.draft.findUnique({ where: { entityType_entityId: { entityType: model, entityId: id } } }) : null;
      const live = req.entityId ? await liveRow(tx, req.entity, id) : null;
      if (req.entityId && !draft && !live) return fail("not_found", "This record does not exist.");

      // The coordinate sign-off is given by its own command; an edit that moves the point clears it.
      if (req.entity === "sites") {
        const before = draft?.snapshot ?? (live ? (await liveSnapshot(tx, req.entity, id))?.snapshot : null);
        const kept = before && SITE_COORDS(before) === SITE_COORDS(input) ? ((before as { coordinateSignedOffBy?: string | null }).coordinateSignedOffBy ?? null) : null;
        input.coordinateSignedOffBy = kept;
      }

      if (draft) {
        if (req.draftVersion !== draft.version) return conflictWithDraft(draft);
        const updated = await tx.draft.updateMany({
          where: { id: draft.id, version: draft.version },
          data: { snapshot: input as Prisma.InputJsonValue, version: draft.version + 1, status: "DRAFT", authorId: who.id, authorLabel: who.label, message },
        });
        if (updated.count !== 1) return conflictWithDraft((await tx.draft.findUnique({ where: { id: draft.id } }))!);
        await record(tx, req.entity, id, "UPDATE", input, who, message);
        return { ok: true as const, entityId: id, draftVersion: draft.version + 1 };
      }
      if (live && req.baseVersion !== live.version) {
        const snap = await liveSnapshot(tx, req.entity, id);
        return fail("conflict", "This record was changed since you opened it.", {
          conflict: { source: "live", version: live.version, snapshot: snap ? snapshotInput(req.entity, snap.snapshot) : null, authorLabel: snap?.authorLabel ?? "", at: snap?.createdAt ?? new Date() },
        });
      }
      await tx.draft.create({
        data: {
          entityType: model,
          entityId: id,
          isNew: !live,
          snapshot: input as Prisma.InputJsonValue,
          baseVersion: live?.version ?? null,
          authorId: who.id,
          authorLabel: who.label,
          message,
        },
      });
      await record(tx, req.entity, id, live ? "UPDATE" : "CREATE", input, who, message);
      return { ok: true as const, entityId: id, draftVersion: 1 };
    });
  } catch (e) {
    // Two editors opened the same published record and both started a draft: one wins.
    if (isUniqueViolation(e) && req.entityId) {
      const other = await db().draft.findUnique({ where: { entityType_entityId: { entityType: model, entityId: req.entityId } } });
      if (other) return conflictWithDraft(other);
    }
    throw e;
  }
}

function conflictWithDraft(d: { version: number; snapshot: unknown; authorLabel: string; updatedAt: Date }): Failure {
  return fail("conflict", `${d.authorLabel} saved this record after you opened it.`, {
    conflict: { source: "draft", version: d.version, snapshot: d.snapshot, authorLabel: d.authorLabel, at: d.updatedAt },
  });
}

type DraftRef = { entity: EntityKey; entityId: string; draftVersion: number };

async function lockedDraft(tx: Tx, ref: DraftRef) {
  const draft = await tx.draft.findUnique({ where: { entityType_entityId: { entityType: MODEL[ref.entity], entityId: ref.entityId } } });
  if (!draft) return { error: fail("not_found", "There is no draft of this record.") };
  if (draft.version !== ref.draftVersion) return { error: conflictWithDraft(draft) };
  return { draft };
}

async function submitInTx(tx: Tx, actor: Actor, ref: DraftRef): Promise<Result<{ draftVersion: number }>> {
  const { draft, error } = await lockedDraft(tx, ref);
  if (error) return error;
  if (draft.status === "IN_REVIEW") return fail("invalid", "This draft is already in review.");
  const n = await tx.draft.updateMany({
    where: { id: draft.id, version: draft.version },
    data: { status: "IN_REVIEW", version: draft.version + 1, submittedById: actor.id, submittedAt: new Date() },
  });
  if (n.count !== 1) return conflictWithDraft((await tx.draft.findUnique({ where: { id: draft.id } }))!);
  await record(tx, ref.entity, ref.entityId, "SUBMIT", draft.snapshot, { id: actor.id, label: actor.name }, "Submitted for review");
  return { ok: true as const, draftVersion: draft.version + 1 };
}

/** Sends a draft for review. */
export async function submitDraft(actor: Actor | null, ref: DraftRef): Promise<Result<{ draftVersion: number }>> {
  const denied = deny(actor, "submit");
  if (denied) return denied;
  return db().$transaction((tx) => submitInTx(tx, actor!, ref));
}

/** A second person confirms a site's coordinate (the site-precision rule of DESIGN.md). */
export async function signOffCoordinate(actor: Actor | null, ref: DraftRef): Promise<Result<{ draftVersion: number }>> {
  const denied = deny(actor, "signOff");
  if (denied) return denied;
  if (ref.entity !== "sites") return fail("invalid", "Only sites have coordinates to sign off.");
  return db().$transaction(async (tx) => {
    const { draft, error } = await lockedDraft(tx, ref);
    if (error) return error;
    const snap = draft.snapshot as { latitude: number | null; coordinateSignedOffBy: string | null };
    if (snap.latitude === null) return fail("invalid", "This site has no coordinate to sign off.");
    const setBy = await tx.revision.findFirst({
      where: { entityType: "Site", entityId: ref.entityId, authorId: actor!.id, createdAt: { gte: draft.createdAt }, action: { in: ["CREATE", "UPDATE", "IMPORT"] } },
      select: { id: true },
    });
    if (setBy) return fail("forbidden", "You edited this draft: a second editor must sign off its coordinate.");
    const snapshot = { ...snap, coordinateSignedOffBy: actor!.name };
    const n = await tx.draft.updateMany({ where: { id: draft.id, version: draft.version }, data: { snapshot, version: draft.version + 1 } });
    if (n.count !== 1) return conflictWithDraft((await tx.draft.findUnique({ where: { id: draft.id } }))!);
    await record(tx, ref.entity, ref.entityId, "UPDATE", snapshot, { id: actor!.id, label: actor!.name }, "Coordinate signed off");
    return { ok: true as const, draftVersion: draft.version + 1 };
  });
}

/** Checks the sources gate, the site rules and references; returns field errors or the refs. */
async function gate(tx: Tx, entity: EntityKey, input: InputOf<EntityKey>) {
  // A source is its own evidence; every other record passes the sources gate.
  const issues = entity === "sources" ? [] : publicationIssues(GATE_KIND[entity], input as Parameters<typeof publicationIssues>[1]);
  if (issues.length) return { error: fail("blocked", "This record cannot be published yet.", { fieldErrors: toFieldErrors(issues) }) };
  try {
    return { refs: await publishedRefs(tx, entity, input) };
  } catch (e) {
    if (e instanceof ReferenceError) return { error: fail("blocked", e.message, { fieldErrors: toFieldErrors([{ path: e.path, message: e.message }]) }) };
    throw e;
  }
}

async function release(tx: Tx, note: string, actor: Actor, changes: number) {
  return tx.release.create({ data: { note, authorLabel: actor.name, changes }, select: { number: true } });
}

export type PublishInput = DraftRef & { note: string; override?: boolean };

const noteIssue = (note: string, message: string): Failure | null =>
  note.length < 3 || note.length > 1000 ? fail("invalid", message, { fieldErrors: { note: ["Write 3–1000 characters."] } }) : null;

async function publishInTx(tx: Tx, actor: Actor, req: PublishInput, releaseNumber: () => Promise<number>): Promise<Result<{ release: number; version: number }>> {
  const note = req.note.trim();
  const { draft, error } = await lockedDraft(tx, req);
  if (error) return error;
  if (draft.status !== "IN_REVIEW") return fail("invalid", "Submit the draft for review before publishing it.");
  const own = await tx.revision.findFirst({
    where: { entityType: MODEL[req.entity], entityId: req.entityId, authorId: actor.id, createdAt: { gte: draft.createdAt }, action: { in: ["CREATE", "UPDATE", "IMPORT"] } },
    select: { id: true },
  });
  const overridden = Boolean(own);
  if (own && !(req.override && mayOverrideOwnChange(actor))) {
    return fail("forbidden", "You changed this draft: another reviewer must publish it (an admin may override, which is recorded).");
  }
  const parsed = parseInput(req.entity, draft.snapshot);
  if (!parsed.ok) return parsed;
  const g = await gate(tx, req.entity, parsed.data);
  if (g.error) return g.error;
  const live = await liveRow(tx, req.entity, req.entityId);
  if (live && live.version !== draft.baseVersion) {
    const snap = await liveSnapshot(tx, req.entity, req.entityId);
    return fail("conflict", "The published record changed after this draft was started: update the draft first.", {
      conflict: { source: "live", version: live.version, snapshot: snap ? snapshotInput(req.entity, snap.snapshot) : null, authorLabel: snap?.authorLabel ?? "", at: snap?.createdAt ?? new Date() },
    });
  }
  if (await slugTaken(tx, req.entity, req.entityId, parsed.data.slug)) {
    return fail("blocked", "Another record already uses this slug.", { fieldErrors: { slug: ["Another record already uses this slug."] } });
  }
  const version = (live?.version ?? 0) + 1;
  await applyRecord(tx, req.entity, req.entityId, parsed.data, { status: "PUBLISHED", version, publishedAt: live?.publishedAt ?? new Date() }, g.refs!);
  const message = overridden ? `${note} (published by ${actor.name} with an admin override of the four-eyes rule)` : note;
  const number = await releaseNumber();
  await record(tx, req.entity, req.entityId, "PUBLISH", parsed.data, { id: actor.id, label: actor.name }, message, overridden ? { override: true } : undefined, number);
  await tx.draft.delete({ where: { id: draft.id } });
  return { ok: true as const, release: number, version };
}

/** Publishes a draft in review: the gate, the four-eyes rule, live rows, revision, audit, release. */
export async function publishDraft(actor: Actor | null, req: PublishInput): Promise<Result<{ release: number; version: number }>> {
  const denied = deny(actor, "publish");
  if (denied) return denied;
  const bad = noteIssue(req.note.trim(), "Describe the change for the corrections log.");
  if (bad) return bad;
  return db().$transaction((tx) => publishInTx(tx, actor!, req, async () => (await release(tx, req.note.trim(), actor!, 1)).number));
}

/** Publishing order within one batch, so that a record's references are published before it. */
const PUBLISH_ORDER: EntityKey[] = ["sources", "actors", "participation", "commitments", "sites", "polls", "events", "claims"];

/** The most drafts one bulk request may touch. */
export const BULK_LIMIT = 1000;

/** Thrown inside a bulk transaction to roll every change back. */
class BulkRollback extends Error {
  constructor(readonly items: NonNullable<Failure["items"]>) {
    super("bulk rollback");
  }
}

/**
 * Submits or publishes many drafts at once (e.g. after a CSV import), all or nothing: one
 * transaction and, for publishing, one release. Each draft passes the same checks as alone.
 */
export async function bulkWorkflow(
  actor: Actor | null,
  req: { action: "submit" | "publish"; items: DraftRef[]; note?: string; override?: boolean },
): Promise<Result<{ count: number; release: number | null }>> {
  const denied = deny(actor, req.action);
  if (denied) return denied;
  if (req.items.length === 0) return fail("invalid", "Choose at least one draft.");
  if (req.items.length > BULK_LIMIT) return fail("invalid", `Choose at most ${BULK_LIMIT} drafts at a time.`);
  const note = (req.note ?? "").trim();
  if (req.action === "publish") {
    const bad = noteIssue(note, "Describe the change for the corrections log.");
    if (bad) return bad;
  }
  const items = [...req.items].sort((a, b) => PUBLISH_ORDER.indexOf(a.entity) - PUBLISH_ORDER.indexOf(b.entity));
  try {
    return await db().$transaction(
      async (tx) => {
        let number: number | null = null;
        const releaseNumber = async () => (number ??= (await release(tx, note, actor!, items.length)).number);
        const failures: NonNullable<Failure["items"]> = [];
        for (const item of items) {
          const r = req.action === "submit" ? await submitInTx(tx, actor!, item) : await publishInTx(tx, actor!, { ...item, note, override: req.override }, releaseNumber);
          if (!r.ok) failures.push({ entity: item.entity, entityId: item.entityId, message: r.message, fieldErrors: r.fieldErrors });
        }
        if (failures.length) throw new BulkRollback(failures);
        return { ok: true as const, count: items.length, release: number };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (e instanceof BulkRollback) {
      return fail("blocked", `${e.items.length} of ${items.length} drafts cannot be ${req.action === "submit" ? "submitted" : "published"}; nothing was changed.`, { items: e.items });
    }
    throw e;
  }
}

export type LiveRef = { entity: EntityKey; entityId: string; version: number; note: string };

/** Withdraws a published record from the public site (it stays in history and the corrections log). */
export async function retractRecord(actor: Actor | null, req: LiveRef): Promise<Result<{ release: number; version: number }>> {
  const denied = deny(actor, "retract");
  if (denied) return denied;
  const note = req.note.trim();
  if (note.length < 3 || note.length > 1000) return fail("invalid", "Say why the record is retracted.", { fieldErrors: { note: ["Write 3–1000 characters."] } });
  return db().$transaction(async (tx) => {
    const live = await liveRow(tx, req.entity, req.entityId);
    if (!live) return fail("not_found", "This record is not published.");
    if (live.status !== "PUBLISHED") return fail("invalid", "This record is already retracted.");
    if (!(await setLiveStatus(tx, req.entity, req.entityId, req.version, "RETRACTED"))) {
      return fail("conflict", "This record changed since you opened it: reload and try again.");
    }
    const snap = await liveSnapshot(tx, req.entity, req.entityId);
    const r = await release(tx, note, actor!, 1);
    await record(tx, req.entity, req.entityId, "RETRACT", snap?.snapshot ?? {}, { id: actor!.id, label: actor!.name }, note, undefined, r.number);
    return { ok: true as const, release: r.number, version: req.version + 1 };
  });
}

const ONCE_PUBLIC: RevisionAction[] = ["SEED", "PUBLISH", "RESTORE", "RETRACT"];

/** Makes an earlier revision live again, as a new revision (through the same gate as publishing). */
export async function restoreRevision(
  actor: Actor | null,
  req: { revisionId: string; version: number | null; note: string },
): Promise<Result<{ release: number; version: number }>> {
  const denied = deny(actor, "restore");
  if (denied) return denied;
  const note = req.note.trim();
  if (note.length < 3 || note.length > 1000) return fail("invalid", "Say why this revision is restored.", { fieldErrors: { note: ["Write 3–1000 characters."] } });
  return db().$transaction(async (tx) => {
    const rev = await tx.revision.findUnique({ where: { id: req.revisionId } });
    const entity = (Object.keys(MODEL) as EntityKey[]).find((k) => MODEL[k] === rev?.entityType);
    if (!rev || !entity) return fail("not_found", "This revision does not exist.");
    // Only a version the public once saw: a draft revision reaches the public through review.
    if (!ONCE_PUBLIC.includes(rev.action)) {
      return fail("forbidden", "Only a version that was once published can be restored; a draft goes through review.");
    }
    const parsed = parseInput(entity, snapshotInput(entity, rev.snapshot));
    if (!parsed.ok) return fail("blocked", "This revision no longer passes today's rules; edit the record instead.", { fieldErrors: parsed.fieldErrors });
    const g = await gate(tx, entity, parsed.data);
    if (g.error) return g.error;
    const live = await liveRow(tx, entity, rev.entityId);
    if ((live?.version ?? null) !== req.version) return fail("conflict", "This record changed since you opened its history: reload and try again.");
    if (await slugTaken(tx, entity, rev.entityId, parsed.data.slug)) {
      return fail("blocked", "Another record now uses this revision's slug.", { fieldErrors: { slug: ["Another record already uses this slug."] } });
    }
    const version = (live?.version ?? 0) + 1;
    await applyRecord(tx, entity, rev.entityId, parsed.data, { status: "PUBLISHED", version, publishedAt: live?.publishedAt ?? new Date() }, g.refs!);
    const r = await release(tx, note, actor!, 1);
    await record(tx, entity, rev.entityId, "RESTORE", parsed.data, { id: actor!.id, label: actor!.name }, `${note} (restored revision ${rev.version})`, { restoredRevision: rev.id }, r.number);
    return { ok: true as const, release: r.number, version };
  });
}
