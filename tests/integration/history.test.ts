import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { CORRECTIONS_PAGE_SIZE, correctionsLog, recordHistory, type CorrectionRelease } from "@/lib/db/history";
import type { EntityKey, InputOf } from "@/lib/db/records";
import { seedDatabase } from "@/lib/db/seed";
import { liveSnapshot, publishDraft, restoreRevision, retractRecord, saveDraft, submitDraft, type Result } from "@/lib/db/workflow";
import type { Actor } from "@/lib/permissions";
import { parseSeed, type SeedData } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

// Record time: a record's history (revisions newest first, readable diffs, restore as a new
// revision) and the public corrections log (releases with notes and the records they changed,
// never staff names, e-mail addresses, revision messages, internal notes or drafts).

const editor: Actor = { id: "u-hist-editor", name: "Edna Editor", role: "EDITOR" };
// Display names are free text: one that is an e-mail address must still never reach the public.
const reviewer: Actor = { id: "u-hist-reviewer", name: "rita.reviewer@example.org", role: "REVIEWER" };
const reviewer2: Actor = { id: "u-hist-reviewer2", name: "Rob Reviewer", role: "REVIEWER" };

const tag = `zz-hist-${Date.now().toString(36)}`;
const INTERNAL_NOTE = `Internal note ${tag}: call the Kyiv desk`;
const EDIT_MESSAGE = `Editor's own message ${tag}: checked with the desk`;
let seed: SeedData;
let first: InputOf<"commitments">;
let commitmentId: string;
const releases: Record<"added" | "updated" | "restored" | "retracted", number> = { added: 0, updated: 0, restored: 0, retracted: 0 };

function expectOk<T extends object>(r: Result<T>): asserts r is { ok: true } & T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
}

/** A valid, unique input derived from the first seed record of the entity. */
function fixture<K extends EntityKey>(entity: K, suffix: string, extra: Record<string, unknown> = {}): InputOf<K> {
  const base = structuredClone(seed[entity][0]) as Record<string, unknown>;
  return { ...base, slug: `${tag}-${suffix}`, ...extra } as InputOf<K>;
}

/** Saves, submits (editor) and publishes (reviewer) a draft; returns the release number. */
async function publish(entity: EntityKey, entityId: string | null, baseVersion: number | null, input: unknown, note: string, by: Actor, message?: string) {
  const saved = await saveDraft(editor, { entity, entityId, draftVersion: null, baseVersion, input, message });
  expectOk(saved);
  const sub = await submitDraft(editor, { entity, entityId: saved.entityId, draftVersion: saved.draftVersion });
  expectOk(sub);
  const pub = await publishDraft(by, { entity, entityId: saved.entityId, draftVersion: sub.draftVersion, note });
  expectOk(pub);
  return { id: saved.entityId, release: pub.release, version: pub.version };
}

beforeAll(async () => {
  seed = parseSeed(readSeedFiles());
  await seedDatabase(db(), seed);
  // Other test files count the seed's countries and commitment kinds: this file's records belong
  // to an organisation of its own, of a kind they do not count, and are retracted at the end.
  const org = fixture("actors", "org", { kind: "ORGANISATION", iso2: null, groups: [], name: `Organisation ${tag}` });
  await publish("actors", null, null, org, "Added an organisation.", reviewer2);
  // create → submit → publish → edit → submit → publish
  first = fixture("commitments", "pledge", { title: `Demining pledge ${tag}`, actor: org.slug, kind: "MARITIME_DEMINING" });
  const a = await publish("commitments", null, null, first, "Added the demining pledge.", reviewer);
  commitmentId = a.id;
  releases.added = a.release;
  const edited = {
    ...first,
    legalForm: "TREATY",
    conditions: [...first.conditions, "US_BACKSTOP"],
    summary: `${first.summary} The text was signed as a treaty.`,
  };
  const b = await publish("commitments", a.id, a.version, edited, "Corrected the legal form: it is a treaty.", reviewer2, EDIT_MESSAGE);
  releases.updated = b.release;
});

afterAll(async () => {
  const live = await db().commitment.findUniqueOrThrow({ where: { id: commitmentId }, select: { version: true } });
  expectOk(await retractRecord(reviewer2, { entity: "commitments", entityId: commitmentId, version: live.version, note: "Test record withdrawn." }));
  const org = await db().actor.findUniqueOrThrow({ where: { slug: `${tag}-org` }, select: { id: true, version: true } });
  expectOk(await retractRecord(reviewer2, { entity: "actors", entityId: org.id, version: org.version, note: "Test record withdrawn." }));
});

describe("history of a record", () => {
  it("lists every revision newest first, each with what it changed in the form's words", async () => {
    const h = await recordHistory("commitments", commitmentId);
    expect(h).not.toBeNull();
    expect(h!.title).toBe(`Demining pledge ${tag}`);
    expect(h!.live).toEqual({ status: "PUBLISHED", version: 2 });
    expect(h!.revisions.map((r) => [r.version, r.action])).toEqual([
      [6, "PUBLISH"],
      [5, "SUBMIT"],
      [4, "UPDATE"],
      [3, "PUBLISH"],
      [2, "SUBMIT"],
      [1, "CREATE"],
    ]);
    const [pub2, submit2, update, pub1, , create] = h!.revisions;

    // The second publication, against what the public saw before it.
    expect(pub2).toMatchObject({ authorLabel: "Rob Reviewer", release: releases.updated, basis: "published", message: "Corrected the legal form: it is a treaty." });
    expect(pub2.changes).toEqual([
      { field: "summary", label: "Summary", before: first.summary, after: `${first.summary} The text was signed as a treaty.` },
      { field: "conditions", label: "Conditions", before: "After a ceasefire\nAfter a peace deal\nNeeds a parliamentary vote", after: "After a ceasefire\nAfter a peace deal\nNeeds a parliamentary vote\nNeeds a US backstop" },
      { field: "legalForm", label: "Legal form", before: "Political declaration", after: "Treaty" },
    ]);
    // The editor's edit, against the revision before it, with the editor's message.
    expect(update).toMatchObject({ authorLabel: "Edna Editor", basis: "previous", message: EDIT_MESSAGE, release: null });
    expect(update.changes.map((c) => c.label)).toEqual(["Summary", "Conditions", "Legal form"]);
    // Submitting changes nothing: an event.
    expect(submit2.changes).toEqual([]);
    // A new record lists its filled fields.
    expect(create.basis).toBe("new");
    expect(create.changes.find((c) => c.field === "title")).toEqual({ field: "title", label: "Title", before: "—", after: `Demining pledge ${tag}` });
    expect(create.changes.some((c) => c.field === "quantityUnit")).toBe(false);
    expect(pub1).toMatchObject({ basis: "new", release: releases.added });

    // Only a version the public once saw, and does not see now, can be restored.
    expect(h!.revisions.filter((r) => r.restorable).map((r) => r.version)).toEqual([3]);
  });

  it("restores the first published revision as a new revision and release, rewriting nothing", async () => {
    const h = (await recordHistory("commitments", commitmentId))!;
    const firstPublish = h.revisions.find((r) => r.version === 3)!;
    const before = await db().revision.findMany({ where: { entityId: commitmentId }, orderBy: { version: "asc" } });
    const releaseCount = await db().release.count();

    // A history page opened before someone else's change is refused, and writes nothing.
    const stale = await restoreRevision(reviewer, { revisionId: firstPublish.id, version: 1, note: "Back to the reviewed wording" });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await db().release.count()).toBe(releaseCount);

    const r = await restoreRevision(reviewer, { revisionId: firstPublish.id, version: h.live!.version, note: "Restored the reviewed wording: the treaty claim was wrong." });
    expectOk(r);
    releases.restored = r.release;

    // The live row equals the first published snapshot again.
    const live = await db().commitment.findUniqueOrThrow({ where: { id: commitmentId }, select: { legalForm: true, summary: true, conditions: true, version: true, status: true } });
    expect(live).toEqual({ legalForm: first.legalForm, summary: first.summary, conditions: first.conditions, version: 3, status: "PUBLISHED" });
    expect((await liveSnapshot(db(), "commitments", commitmentId))?.snapshot).toEqual(first);

    // One more revision (RESTORE, with its release); the old ones are untouched.
    const after = await db().revision.findMany({ where: { entityId: commitmentId }, orderBy: { version: "asc" } });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ version: 7, action: "RESTORE", releaseNumber: r.release, authorLabel: reviewer.name });
    expect(await db().release.findUnique({ where: { number: r.release }, select: { note: true, changes: true } })).toEqual({
      note: "Restored the reviewed wording: the treaty claim was wrong.",
      changes: 1,
    });

    // The history shows the restore against the public version it replaced.
    const again = (await recordHistory("commitments", commitmentId))!;
    expect(again.revisions[0]).toMatchObject({ version: 7, action: "RESTORE", basis: "published" });
    expect(again.revisions[0].changes.find((c) => c.field === "legalForm")).toMatchObject({ before: "Treaty", after: "Political declaration" });
    expect(again.revisions.filter((x) => x.restorable).map((x) => x.version)).toEqual([6]);
  });

  it("is null for a record that does not exist", async () => {
    expect(await recordHistory("commitments", "no-such-record")).toBeNull();
  });
});

describe("public corrections log", () => {
  let draftOnly: InputOf<"events">;
  let retractedId: string;

  beforeAll(async () => {
    // Things that must never reach the public log.
    await db().commitment.update({ where: { id: commitmentId }, data: { internalNote: INTERNAL_NOTE } });
    draftOnly = fixture("events", "draft-only", { title: `Draft-only event ${tag}`, actors: [], commitments: [] });
    const d = await saveDraft(editor, { entity: "events", entityId: null, draftVersion: null, baseVersion: null, input: draftOnly });
    expectOk(d);
    expectOk(await submitDraft(editor, { entity: "events", entityId: d.entityId, draftVersion: d.draftVersion }));
    // A record published and later withdrawn: listed, but no longer linked.
    const ev = await publish("events", null, null, fixture("events", "withdrawn", { title: `Withdrawn event ${tag}`, actors: [], commitments: [] }), "Added an event.", reviewer2);
    const retracted = await retractRecord(reviewer2, { entity: "events", entityId: ev.id, version: ev.version, note: "Withdrawn: the source retracted its report." });
    expectOk(retracted);
    retractedId = ev.id;
    releases.retracted = retracted.release;
    // A published record with an unpublished edit: the edit stays out.
    const live = await db().commitment.findUniqueOrThrow({ where: { id: commitmentId }, select: { version: true } });
    expectOk(await saveDraft(editor, { entity: "commitments", entityId: commitmentId, draftVersion: null, baseVersion: live.version, input: { ...first, title: `Unpublished title ${tag}` } }));
  });

  const find = (page: { releases: CorrectionRelease[] }, n: number) => page.releases.find((r) => r.number === n);

  it("lists releases newest first with their notes and the records each changed", async () => {
    const log = await correctionsLog(1);
    const numbers = log.releases.map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(log.releases.length).toBeLessThanOrEqual(CORRECTIONS_PAGE_SIZE);
    expect(log.pages).toBe(Math.ceil(log.total / CORRECTIONS_PAGE_SIZE));
    expect(log.total).toBe(await db().release.count());

    const slug = `${tag}-pledge`;
    const pledge = { entity: "commitments", slug, href: `/commitments/${slug}` };
    expect(find(log, releases.added)).toMatchObject({ note: "Added the demining pledge.", records: [{ ...pledge, kind: "added", action: "PUBLISH", title: `Demining pledge ${tag}` }] });
    expect(find(log, releases.updated)).toMatchObject({ note: "Corrected the legal form: it is a treaty.", records: [{ ...pledge, kind: "updated" }] });
    expect(find(log, releases.restored)).toMatchObject({ records: [{ ...pledge, kind: "restored", action: "RESTORE" }] });
    expect(find(log, releases.retracted)).toMatchObject({
      note: "Withdrawn: the source retracted its report.",
      records: [{ entity: "events", kind: "retracted", title: `Withdrawn event ${tag}`, href: null }],
    });
    // The withdrawn event's earlier publication is still listed, without a link.
    const added = log.releases.flatMap((r) => r.records).filter((x) => x.slug === `${tag}-withdrawn`);
    expect(added.map((x) => [x.kind, x.href])).toEqual([
      ["retracted", null],
      ["added", null],
    ]);
    expect(retractedId).toBeTruthy();
  });

  it("never shows staff names, e-mail addresses, revision messages, internal notes or drafts", async () => {
    const text = JSON.stringify(await correctionsLog(1));
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    for (const secret of [INTERNAL_NOTE, EDIT_MESSAGE, "Edna Editor", "Rob Reviewer", "Submitted for review", draftOnly.slug, draftOnly.title, `Unpublished title ${tag}`]) {
      expect(text).not.toContain(secret);
    }
  });

  it("summarises the seed release on the last page, with a public link for each record that has one", async () => {
    const first = await correctionsLog(1);
    const last = await correctionsLog(first.pages);
    const seeded = last.releases.find((r) => r.records.length > 0 && r.records.every((x) => x.kind === "seeded"));
    expect(seeded).toBeDefined();
    const total = Object.values(seed).reduce((n, list) => n + list.length, 0);
    // Another test file may have turned a seeded row into a draft directly: such a row is not listed.
    expect(seeded!.records.length).toBeGreaterThan(total - 5);
    expect(seeded!.records.length).toBeLessThanOrEqual(total);
    expect(Object.values(seeded!.counts).reduce((a, b) => a + b, 0)).toBe(seeded!.records.length);
    const gb = seeded!.records.find((x) => x.entity === "actors" && x.slug === "gb");
    expect(gb?.href).toBe("/countries/gb");
    const events = seeded!.records.filter((x) => x.entity === "events");
    expect(events.every((x) => x.href === `/timeline#event-${x.slug}`)).toBe(true);
    expect(seeded!.records.filter((x) => x.entity === "participation").every((x) => x.href === null || /^\/countries\/[a-z]{2}$/.test(x.href))).toBe(true);
    // Past the last page: an empty page, not an error.
    expect((await correctionsLog(first.pages + 1)).releases).toEqual([]);
  });
});
