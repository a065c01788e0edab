import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MODEL, liveDelegate, type EntityKey, type InputOf } from "@/lib/db/records";
import { seedDatabase } from "@/lib/db/seed";
import { createUser, updateUser } from "@/lib/db/users";
import { bulkWorkflow, publishDraft, restoreRevision, retractRecord, saveDraft, signOffCoordinate, submitDraft, type Result } from "@/lib/db/workflow";
import type { Actor } from "@/lib/permissions";
import { parseSeed, type SeedData } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

// The editorial workflow against a real database: the role × action matrix for every record
// type, the four-eyes rule, the sources gate, conflicts, and atomicity of change + audit.

const ENTITIES: EntityKey[] = ["sources", "actors", "participation", "commitments", "sites", "polls", "events", "claims"];
let seed: SeedData;
let n = 0;

const editor: Actor = { id: "u-editor", name: "Edna Editor", role: "EDITOR" };
const editor2: Actor = { id: "u-editor2", name: "Ed Second", role: "EDITOR" };
const reviewer: Actor = { id: "u-reviewer", name: "Rita Reviewer", role: "REVIEWER" };
const reviewer2: Actor = { id: "u-reviewer2", name: "Rob Reviewer", role: "REVIEWER" };
const admin: Actor = { id: "u-admin", name: "Ada Admin", role: "ADMIN" };

/** A valid, unique input for each entity, derived from the first seed record. */
function fixture<K extends EntityKey>(entity: K): InputOf<K> {
  const tag = `zz-wf-${entity}-${++n}-${Date.now().toString(36)}`;
  const base = structuredClone(seed[entity][0]) as Record<string, unknown>;
  base.slug = tag;
  if (entity === "sources") base.url = `https://example.org/${tag}`;
  if (entity === "actors") Object.assign(base, { kind: "ORGANISATION", iso2: null, groups: [] });
  if (entity === "sites") Object.assign(base, { latitude: null, longitude: null, coordinateSignedOffBy: null });
  return base as InputOf<K>;
}

const counts = async () => {
  const [revisions, audit, drafts, releases] = await Promise.all([db().revision.count(), db().auditEntry.count(), db().draft.count(), db().release.count()]);
  return { revisions, audit, drafts, releases };
};

function expectOk<T extends object>(r: Result<T>): asserts r is { ok: true } & T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
}

/** Creates, submits (editor) and publishes (reviewer2) a record; returns its id and live version. */
async function publishedRecord(entity: EntityKey) {
  const input = fixture(entity);
  const saved = await saveDraft(editor, { entity, entityId: null, draftVersion: null, baseVersion: null, input });
  expectOk(saved);
  const sub = await submitDraft(editor, { entity, entityId: saved.entityId, draftVersion: saved.draftVersion });
  expectOk(sub);
  const pub = await publishDraft(reviewer2, { entity, entityId: saved.entityId, draftVersion: sub.draftVersion, note: "Initial publication" });
  expectOk(pub);
  return { id: saved.entityId, version: pub.version, input };
}

beforeAll(async () => {
  seed = parseSeed(readSeedFiles());
  await seedDatabase(db(), seed);
});

// Other test files count published records: leave the database as the seed made it.
afterAll(async () => {
  const mine = { slug: { startsWith: "zz-wf-" } };
  await db().draft.deleteMany({});
  await db().site.deleteMany({ where: mine });
  await db().event.deleteMany({ where: mine });
  await db().poll.deleteMany({ where: mine });
  await db().claim.deleteMany({ where: mine });
  await db().commitment.deleteMany({ where: mine });
  await db().coalitionParticipation.deleteMany({ where: mine });
  await db().actor.deleteMany({ where: mine });
  await db().source.deleteMany({ where: mine });
  await db().user.deleteMany({ where: { email: { startsWith: "zz-" } } });
});

describe("role × action matrix, for every record type", () => {
  const people: [string, Actor | null][] = [
    ["anonymous", null],
    ["editor", editor],
    ["reviewer", reviewer],
    ["admin", admin],
  ];
  const may = {
    create: ["editor", "reviewer", "admin"],
    update: ["editor", "reviewer", "admin"],
    submit: ["editor", "reviewer", "admin"],
    publish: ["reviewer", "admin"],
    retract: ["reviewer", "admin"],
    restore: ["reviewer", "admin"],
  };

  for (const entity of ENTITIES) {
    it(`${entity}: each role may do exactly what it is allowed to`, async () => {
      for (const [who, actor] of people) {
        // create
        let before = await counts();
        const created = await saveDraft(actor, { entity, entityId: null, draftVersion: null, baseVersion: null, input: fixture(entity) });
        expect(created.ok, `${who} create`).toBe(may.create.includes(who));
        if (!created.ok) {
          expect(created.code).toBe(actor ? "forbidden" : "unauthenticated");
          expect(await counts()).toEqual(before);
        }

        // update a published record (starts a draft)
        const live = await publishedRecord(entity);
        before = await counts();
        const edit = { ...live.input, ...(entity === "sources" ? { outlet: `Edited by ${who}` } : { confidence: "LOW" }) };
        const updated = await saveDraft(actor, { entity, entityId: live.id, draftVersion: null, baseVersion: live.version, input: edit });
        expect(updated.ok, `${who} update`).toBe(may.update.includes(who));
        if (!updated.ok) expect(await counts()).toEqual(before);

        // submit (the editor's draft of another record)
        const draft = await saveDraft(editor, { entity, entityId: null, draftVersion: null, baseVersion: null, input: fixture(entity) });
        expectOk(draft);
        before = await counts();
        const submitted = await submitDraft(actor, { entity, entityId: draft.entityId, draftVersion: draft.draftVersion });
        expect(submitted.ok, `${who} submit`).toBe(may.submit.includes(who));
        if (!submitted.ok) expect(await counts()).toEqual(before);

        // publish a draft someone else wrote and submitted
        const pending = await saveDraft(editor2, { entity, entityId: null, draftVersion: null, baseVersion: null, input: fixture(entity) });
        expectOk(pending);
        const sub = await submitDraft(editor2, { entity, entityId: pending.entityId, draftVersion: pending.draftVersion });
        expectOk(sub);
        before = await counts();
        const published = await publishDraft(actor, { entity, entityId: pending.entityId, draftVersion: sub.draftVersion, note: "Checked both sources" });
        expect(published.ok, `${who} publish`).toBe(may.publish.includes(who));
        if (!published.ok) expect(await counts()).toEqual(before);
        else expect(await liveStatus(entity, pending.entityId)).toBe("PUBLISHED");

        // retract a published record
        const target = await publishedRecord(entity);
        before = await counts();
        const retracted = await retractRecord(actor, { entity, entityId: target.id, version: target.version, note: "Source withdrew the story" });
        expect(retracted.ok, `${who} retract`).toBe(may.retract.includes(who));
        if (!retracted.ok) expect(await counts()).toEqual(before);
        else expect(await liveStatus(entity, target.id)).toBe("RETRACTED");

        // restore the first published revision of a record
        const again = await publishedRecord(entity);
        const rev = await db().revision.findFirstOrThrow({ where: { entityId: again.id, action: "PUBLISH" }, select: { id: true } });
        before = await counts();
        const restored = await restoreRevision(actor, { revisionId: rev.id, version: again.version, note: "Back to the reviewed text" });
        expect(restored.ok, `${who} restore`).toBe(may.restore.includes(who));
        if (!restored.ok) expect(await counts()).toEqual(before);
      }
    });
  }

  it("only an admin manages users", async () => {
    for (const [who, actor] of people) {
      const before = await db().user.count();
      const r = await createUser(actor, { email: `zz-${who}-${Date.now()}@example.org`, name: "New Person", role: "EDITOR", password: "correct horse battery staple" });
      expect(r.ok, `${who} manage users`).toBe(who === "admin");
      expect(await db().user.count()).toBe(before + (who === "admin" ? 1 : 0));
    }
  });
});

async function liveStatus(entity: EntityKey, id: string) {
  const row = await (liveDelegate(db(), entity) as unknown as { findUnique: (a: object) => Promise<{ status: string } | null> }).findUnique({
    where: { id },
    select: { status: true },
  });
  return row?.status;
}

describe("publishing", () => {
  it("refuses a reviewer publishing their own change, unless an admin overrides (and records it)", async () => {
    const input = fixture("events");
    const s = await saveDraft(reviewer, { entity: "events", entityId: null, draftVersion: null, baseVersion: null, input });
    expectOk(s);
    const sub = await submitDraft(reviewer, { entity: "events", entityId: s.entityId, draftVersion: s.draftVersion });
    expectOk(sub);
    const own = await publishDraft(reviewer, { entity: "events", entityId: s.entityId, draftVersion: sub.draftVersion, note: "Mine" });
    expect(own).toMatchObject({ ok: false, code: "forbidden" });
    const asReviewerOverride = await publishDraft(reviewer, { entity: "events", entityId: s.entityId, draftVersion: sub.draftVersion, note: "Mine", override: true });
    expect(asReviewerOverride).toMatchObject({ ok: false, code: "forbidden" });

    const a = await saveDraft(admin, { entity: "events", entityId: null, draftVersion: null, baseVersion: null, input: fixture("events") });
    expectOk(a);
    const asub = await submitDraft(admin, { entity: "events", entityId: a.entityId, draftVersion: a.draftVersion });
    expectOk(asub);
    expect(await publishDraft(admin, { entity: "events", entityId: a.entityId, draftVersion: asub.draftVersion, note: "Own" })).toMatchObject({ ok: false, code: "forbidden" });
    const over = await publishDraft(admin, { entity: "events", entityId: a.entityId, draftVersion: asub.draftVersion, note: "Urgent fix", override: true });
    expectOk(over);
    const rev = await db().revision.findFirstOrThrow({ where: { entityId: a.entityId, action: "PUBLISH" } });
    expect(rev.message).toMatch(/admin override/);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { revisionId: rev.id } });
    expect(audit.detail).toEqual({ override: true });
  });

  it("needs two sources or the single-source flag, and a dated sourced stage for a commitment", async () => {
    const input = { ...fixture("commitments"), citations: [seed.commitments[0].citations[0]], singleSource: false, stages: [] };
    const s = await saveDraft(editor, { entity: "commitments", entityId: null, draftVersion: null, baseVersion: null, input });
    expectOk(s);
    const sub = await submitDraft(editor, { entity: "commitments", entityId: s.entityId, draftVersion: s.draftVersion });
    expectOk(sub);
    const before = await counts();
    const r = await publishDraft(reviewer, { entity: "commitments", entityId: s.entityId, draftVersion: sub.draftVersion, note: "Try" });
    expect(r).toMatchObject({ ok: false, code: "blocked" });
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["singleSource", "stages"]);
    expect(await counts()).toEqual(before);
    expect(await db().commitment.findUnique({ where: { id: s.entityId } })).toBeNull();
  });

  it("refuses to publish a record that cites an unpublished source", async () => {
    const input = { ...fixture("polls"), citations: [{ url: "https://example.org/not-a-published-source", quote: null, note: null }], singleSource: true };
    const s = await saveDraft(editor, { entity: "polls", entityId: null, draftVersion: null, baseVersion: null, input });
    expectOk(s);
    const sub = await submitDraft(editor, { entity: "polls", entityId: s.entityId, draftVersion: s.draftVersion });
    expectOk(sub);
    const r = await publishDraft(reviewer, { entity: "polls", entityId: s.entityId, draftVersion: sub.draftVersion, note: "Try" });
    expect(r).toMatchObject({ ok: false, code: "blocked" });
    if (!r.ok) expect(r.fieldErrors).toHaveProperty("citations");
  });

  it("asks a second person to sign off a site's coordinate, and a moved point needs a new sign-off", async () => {
    const input = { ...fixture("sites"), precision: "CITY", countryIso2: "UA", region: null, city: "Kyiv", latitude: 50.45, longitude: 30.52, isContext: false };
    const s = await saveDraft(editor, { entity: "sites", entityId: null, draftVersion: null, baseVersion: null, input });
    expectOk(s);
    const ref = { entity: "sites" as const, entityId: s.entityId };
    expect(await signOffCoordinate(editor, { ...ref, draftVersion: s.draftVersion })).toMatchObject({ ok: false, code: "forbidden" });
    const signed = await signOffCoordinate(editor2, { ...ref, draftVersion: s.draftVersion });
    expectOk(signed);
    // Moving the point clears the sign-off.
    const moved = await saveDraft(editor, { ...ref, draftVersion: signed.draftVersion, baseVersion: null, input: { ...input, latitude: 50.4, coordinateSignedOffBy: "Forged Name" } });
    expectOk(moved);
    const draft = await db().draft.findFirstOrThrow({ where: { entityId: s.entityId } });
    expect((draft.snapshot as { coordinateSignedOffBy: string | null }).coordinateSignedOffBy).toBeNull();
    const sub = await submitDraft(editor, { ...ref, draftVersion: moved.draftVersion });
    expectOk(sub);
    const blocked = await publishDraft(reviewer, { ...ref, draftVersion: sub.draftVersion, note: "Publish" });
    expect(blocked).toMatchObject({ ok: false, code: "blocked" });
    if (!blocked.ok) expect(blocked.fieldErrors).toHaveProperty("coordinateSignedOffBy");
  });
});

describe("bulk submit and publish", () => {
  it("publishes a batch in one release, references first, or nothing when one draft is blocked", async () => {
    const actor = { ...fixture("actors") };
    const commitment = { ...fixture("commitments"), actor: actor.slug };
    const event = fixture("events");
    const drafts = [];
    // The commitment comes first in the request: the batch must publish its actor before it.
    for (const [entity, input] of [["commitments", commitment], ["actors", actor], ["events", event]] as const) {
      const r = await saveDraft(editor, { entity, entityId: null, draftVersion: null, baseVersion: null, input });
      expectOk(r);
      drafts.push({ entity, entityId: r.entityId, draftVersion: r.draftVersion });
    }
    expect(await bulkWorkflow(editor, { action: "publish", items: drafts, note: "Batch" })).toMatchObject({ ok: false, code: "forbidden" });
    const submitted = await bulkWorkflow(editor, { action: "submit", items: drafts });
    expectOk(submitted);
    const inReview = drafts.map((d) => ({ ...d, draftVersion: d.draftVersion + 1 }));

    // One blocked draft (no sources) stops the whole batch.
    const bad = await saveDraft(editor, { entity: "polls", entityId: null, draftVersion: null, baseVersion: null, input: { ...fixture("polls"), citations: [] } });
    expectOk(bad);
    const badSub = await submitDraft(editor, { entity: "polls", entityId: bad.entityId, draftVersion: bad.draftVersion });
    expectOk(badSub);
    const before = await counts();
    const refused = await bulkWorkflow(reviewer, { action: "publish", items: [...inReview, { entity: "polls", entityId: bad.entityId, draftVersion: badSub.draftVersion }], note: "Batch" });
    expect(refused).toMatchObject({ ok: false, code: "blocked" });
    if (!refused.ok) expect(refused.items?.map((i) => i.entityId)).toEqual([bad.entityId]);
    expect(await counts()).toEqual(before);

    const published = await bulkWorkflow(reviewer, { action: "publish", items: inReview, note: "Batch from the March polls" });
    expectOk(published);
    expect(published.count).toBe(3);
    const releases = await db().revision.findMany({ where: { entityId: { in: drafts.map((d) => d.entityId) }, action: "PUBLISH" }, select: { releaseNumber: true } });
    expect(new Set(releases.map((r) => r.releaseNumber))).toEqual(new Set([published.release]));
    expect(await liveStatus("commitments", drafts[0].entityId)).toBe("PUBLISHED");
  });
});

describe("restoring", () => {
  it("restores a seeded record's first revision as a new revision, leaving history untouched", async () => {
    const seeded = await db().claim.findUniqueOrThrow({ where: { slug: seed.claims[0].slug }, select: { id: true, version: true } });
    const rev = await db().revision.findFirstOrThrow({ where: { entityId: seeded.id, action: "SEED" } });
    const r = await restoreRevision(reviewer, { revisionId: rev.id, version: seeded.version, note: "Back to the seeded wording" });
    expectOk(r);
    expect(r.version).toBe(seeded.version + 1);
    expect(await db().revision.findUniqueOrThrow({ where: { id: rev.id } })).toEqual(rev);
    const latest = await db().revision.findFirstOrThrow({ where: { entityId: seeded.id }, orderBy: { version: "desc" } });
    expect(latest).toMatchObject({ action: "RESTORE", releaseNumber: r.release });
    // A stale version is refused.
    expect(await restoreRevision(reviewer, { revisionId: rev.id, version: seeded.version, note: "Again" })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("never makes a draft revision public: a reviewer cannot restore their own unreviewed draft", async () => {
    const live = await publishedRecord("claims");
    const d = await saveDraft(reviewer, { entity: "claims", entityId: live.id, draftVersion: null, baseVersion: live.version, input: { ...live.input, statement: "Unreviewed wording." } });
    expectOk(d);
    const draftRev = await db().revision.findFirstOrThrow({ where: { entityId: live.id, action: "UPDATE" }, select: { id: true } });
    const before = await counts();
    expect(await restoreRevision(reviewer, { revisionId: draftRev.id, version: live.version, note: "Sneak it out" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await counts()).toEqual(before);
  });
});

describe("no lost updates", () => {
  it("refuses a save against a stale version and shows the other editor's change", async () => {
    const live = await publishedRecord("claims");
    const first = await saveDraft(editor, { entity: "claims", entityId: live.id, draftVersion: null, baseVersion: live.version, input: { ...live.input, statement: "First editor's wording." } });
    expectOk(first);
    const second = await saveDraft(editor2, { entity: "claims", entityId: live.id, draftVersion: null, baseVersion: live.version, input: { ...live.input, statement: "Second editor's wording." } });
    expect(second).toMatchObject({ ok: false, code: "conflict" });
    if (!second.ok) {
      expect(second.conflict?.authorLabel).toBe(editor.name);
      expect((second.conflict?.snapshot as { statement: string }).statement).toBe("First editor's wording.");
      // Merge and save again against the version shown.
      const merged = await saveDraft(editor2, { entity: "claims", entityId: live.id, draftVersion: second.conflict!.version, baseVersion: live.version, input: { ...live.input, statement: "Merged wording." } });
      expectOk(merged);
    }
  });

  it("loses nothing in a storm of 20 concurrent editors × 20 saves", async () => {
    // Each acknowledged save appends its own token to the summary: a lost update would drop one.
    const s = await saveDraft(editor, { entity: "events", entityId: null, draftVersion: null, baseVersion: null, input: { ...fixture("events"), summary: "Storm:" } });
    expectOk(s);
    let acknowledged = 0;
    let conflicts = 0;
    const writer = async (w: number) => {
      const me: Actor = { id: `storm-${w}`, name: `Storm editor ${w}`, role: "EDITOR" };
      for (let i = 0; i < 20; i++) {
        for (;;) {
          const d = await db().draft.findFirstOrThrow({ where: { entityId: s.entityId }, select: { version: true, snapshot: true } });
          const cur = d.snapshot as InputOf<"events">;
          const input = { ...cur, summary: `${cur.summary} ${(w * 20 + i).toString(36)}` };
          const r = await saveDraft(me, { entity: "events", entityId: s.entityId, draftVersion: d.version, baseVersion: null, input });
          if (r.ok) {
            acknowledged++;
            break;
          }
          expect(r.code).toBe("conflict");
          conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
    const final = await db().draft.findFirstOrThrow({ where: { entityId: s.entityId } });
    const tokens = new Set((final.snapshot as InputOf<"events">).summary.split(" ").slice(1));
    const lost = Array.from({ length: 400 }, (_, k) => k.toString(36)).filter((t) => !tokens.has(t));
    expect(acknowledged).toBe(400);
    expect(lost).toEqual([]);
    expect(final.version).toBe(1 + 400);
    expect(await db().revision.count({ where: { entityId: s.entityId, action: "UPDATE" } })).toBe(400);
    console.info(`storm: 400 acknowledged saves, ${conflicts} refused as stale, ${lost.length} lost`);
  }, 180_000);
});

describe("atomicity", () => {
  it("an error between a change and its audit entry leaves neither", async () => {
    const slug = `zz-wf-atomic-${Date.now()}`;
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION zz_fail_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected audit failure'; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER zz_fail_audit BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION zz_fail_audit()`);
    try {
      const before = await counts();
      await expect(
        saveDraft(editor, { entity: "events", entityId: null, draftVersion: null, baseVersion: null, input: { ...fixture("events"), slug } }),
      ).rejects.toThrow(/injected audit failure/);
      expect(await counts()).toEqual(before);
      expect(await db().draft.count({ where: { entityType: MODEL.events, snapshot: { path: ["slug"], equals: slug } } })).toBe(0);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER zz_fail_audit ON "AuditEntry"`);
      await db().$executeRawUnsafe(`DROP FUNCTION zz_fail_audit()`);
    }
  });
});

describe("users", () => {
  it("keeps at least one active admin", async () => {
    const r = await createUser(admin, { email: `zz-last-admin-${Date.now()}@example.org`, name: "Only Admin", role: "ADMIN", password: "correct horse battery staple" });
    expectOk(r);
    const admins = await db().user.findMany({ where: { role: "ADMIN", disabled: false, id: { not: r.id } }, select: { id: true } });
    for (const a of admins) await db().user.update({ where: { id: a.id }, data: { disabled: true } });
    try {
      expect(await updateUser(admin, { id: r.id, role: "EDITOR", disabled: false })).toMatchObject({ ok: false, code: "blocked" });
    } finally {
      for (const a of admins) await db().user.update({ where: { id: a.id }, data: { disabled: false } });
    }
  });
});
