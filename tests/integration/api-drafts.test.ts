import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_TABLES, ENTITIES } from "@/lib/export/fields";
import { db } from "@/lib/db/client";
import { forgetRelease } from "@/lib/db/release";
import { seedDatabase } from "@/lib/db/seed";
import { unzipExport } from "@/lib/export/import";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";
import { apiGet } from "./api-helpers";

// Anything unpublished carries this marker; no public response may ever contain it.
const MARK = "zzsecretdraftmarker";
const SLUGS = ["zz-draft-source", "zz-draft-actor", "zz-draft-actor-commitment", "zz-draft-commitment", "zz-retracted-claim", "zz-draft-new"];

describe("drafts never reach the public API, bulk files or feeds", () => {
  const created = { revisions: [] as string[], drafts: [] as string[], release: 0, internalNote: null as string | null, gbTroopsId: "" };

  beforeAll(async () => {
    const p = db();
    await seedDatabase(p, parseSeed(readSeedFiles()));
    const gb = await p.actor.findUniqueOrThrow({ where: { slug: "gb" } });
    const gbTroops = await p.commitment.findUniqueOrThrow({ where: { slug: "gb-troops-mnf-u" } });
    created.gbTroopsId = gbTroops.id;
    created.internalNote = gbTroops.internalNote;
    const date = new Date("2025-06-01T00:00:00Z");

    const source = await p.source.create({ data: { slug: "zz-draft-source", url: `https://zz-draft.example/${MARK}`, outlet: MARK, kind: "MEDIA", status: "DRAFT" } });
    const actor = await p.actor.create({ data: { slug: "zz-draft-actor", kind: "ORGANISATION", name: MARK, status: "IN_REVIEW" } });
    // Published, but its actor is not: hidden like on the pages.
    await p.commitment.create({
      data: { slug: "zz-draft-actor-commitment", actorId: actor.id, kind: "TROOPS", title: MARK, summary: MARK, status: "PUBLISHED", stages: { create: { stage: "ANNOUNCED", date } } },
    });
    const draftCommitment = await p.commitment.create({
      data: { slug: "zz-draft-commitment", actorId: gb.id, kind: "TROOPS", title: MARK, summary: MARK, status: "DRAFT", stages: { create: { stage: "DEPLOYED", date, note: MARK } } },
    });
    // A published event that links the draft actor and commitment and cites the draft source: those links are left out.
    await p.event.create({
      data: {
        slug: "zz-public-event",
        kind: "MEETING",
        date,
        title: "A published test event",
        summary: "Links to unpublished records must not show.",
        status: "PUBLISHED",
        publishedAt: new Date(),
        actors: { create: [{ actorId: actor.id }, { actorId: gb.id }] },
        commitments: { create: [{ commitmentId: draftCommitment.id }] },
        citations: { create: [{ sourceId: source.id, quote: MARK, note: MARK }] },
      },
    });
    await p.claim.create({ data: { slug: "zz-retracted-claim", kind: "CLAIM", statement: MARK, verification: "UNVERIFIED", finding: MARK, status: "RETRACTED" } });
    await p.commitment.update({ where: { id: gbTroops.id }, data: { internalNote: MARK } });

    // Working copies in the admin's Draft table: a new record and an edit of a published one.
    for (const [entityId, isNew] of [
      [randomUUID(), true],
      [gbTroops.id, false],
    ] as const) {
      const d = await p.draft.create({
        data: { entityType: "Commitment", entityId, isNew, snapshot: { slug: "zz-draft-new", title: MARK, internalNote: MARK }, authorLabel: MARK, message: MARK },
      });
      created.drafts.push(d.id);
    }

    // A release with revisions that must not leak: a draft's history, a publish of a record that
    // is not public now, and a real publish whose author label is an e-mail address.
    const release = await p.release.create({ data: { note: "Test release for the drafts check", authorLabel: "test" } });
    created.release = release.number;
    const revisions = [
      { entityType: "Commitment", entityId: draftCommitment.id, action: "CREATE" as const, message: MARK, authorLabel: MARK },
      { entityType: "Actor", entityId: actor.id, action: "PUBLISH" as const, message: MARK, authorLabel: MARK, releaseNumber: release.number },
      { entityType: "Commitment", entityId: gbTroops.id, action: "UPDATE" as const, message: MARK, authorLabel: MARK },
      { entityType: "Commitment", entityId: gbTroops.id, action: "PUBLISH" as const, message: MARK, authorLabel: `editor@${MARK}.example`, releaseNumber: release.number },
    ];
    for (const [i, r] of revisions.entries()) {
      const rev = await p.revision.create({ data: { ...r, version: 90 + i, snapshot: { title: MARK, internalNote: MARK } } });
      created.revisions.push(rev.id);
    }
    forgetRelease();
  });

  afterAll(async () => {
    const p = db();
    await p.revision.deleteMany({ where: { id: { in: created.revisions } } });
    await p.draft.deleteMany({ where: { id: { in: created.drafts } } });
    await p.event.deleteMany({ where: { slug: "zz-public-event" } });
    await p.commitment.deleteMany({ where: { slug: { in: ["zz-draft-actor-commitment", "zz-draft-commitment"] } } });
    await p.claim.deleteMany({ where: { slug: "zz-retracted-claim" } });
    await p.actor.deleteMany({ where: { slug: "zz-draft-actor" } });
    await p.source.deleteMany({ where: { slug: "zz-draft-source" } });
    await p.commitment.update({ where: { id: created.gbTroopsId }, data: { internalNote: created.internalNote } });
    await p.release.deleteMany({ where: { number: created.release } });
    forgetRelease();
  });

  it("leaves every unpublished record, link, citation, draft, internal note and e-mail out of every response", async () => {
    const bodies: { url: string; status: number; text: string }[] = [];
    const get = async (url: string) => {
      const res = await apiGet(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (url.endsWith(".zip")) {
        for (const [name, content] of unzipExport(bytes)) bodies.push({ url: `${url}:${name}`, status: res.status, text: new TextDecoder().decode(content) });
      } else bodies.push({ url, status: res.status, text: new TextDecoder().decode(bytes) });
      return res;
    };
    await get("/api/v1");
    await get("/api/v1/openapi.json");
    for (const e of ENTITIES) {
      await get(`/api/v1/${e}?limit=500`);
      await get(`/api/v1/${e}?limit=500&asOf=2025-12-31`);
      await get(`/api/v1/bulk/${e}.json`);
    }
    for (const t of CSV_TABLES) await get(`/api/v1/bulk/${t}.csv`);
    for (const f of ["manifest.json", "dictionary.json", "SHA256SUMS", "archive.zip"]) await get(`/api/v1/bulk/${f}`);
    for (const f of ["changes.atom", "countries/gb.atom", "kinds/TROOPS.atom"]) await get(`/api/v1/feeds/${f}`);
    await get("/api/v1/commitments?actor=gb&kind=TROOPS&limit=500");
    await get("/api/v1/events?actor=gb&limit=500");

    // The unpublished records themselves: 404 by slug and by id.
    const ids = await Promise.all([
      db().commitment.findUniqueOrThrow({ where: { slug: "zz-draft-commitment" } }),
      db().commitment.findUniqueOrThrow({ where: { slug: "zz-draft-actor-commitment" } }),
    ]);
    for (const [table, key] of [
      ["sources", "zz-draft-source"],
      ["actors", "zz-draft-actor"],
      ["commitments", "zz-draft-commitment"],
      ["commitments", "zz-draft-actor-commitment"],
      ["commitments", ids[0].id],
      ["commitments", ids[1].id],
      ["claims", "zz-retracted-claim"],
    ]) {
      expect((await get(`/api/v1/${table}/${key}`)).status, key).toBe(404);
    }
    const event = await get("/api/v1/events/zz-public-event");
    expect(event.status).toBe(200);

    for (const b of bodies) expect(b.text.includes(MARK), `${b.url} contains the draft marker`).toBe(false);
    for (const b of bodies.filter((x) => x.status === 200)) {
      for (const slug of SLUGS) expect(b.text.includes(slug), `${b.url} names ${slug}`).toBe(false);
    }
    const publicEvent = JSON.parse(bodies.find((b) => b.url === "/api/v1/events/zz-public-event")!.text).data;
    expect(publicEvent.actors).toEqual(["gb"]);
    expect(publicEvent.commitments).toEqual([]);
    expect(publicEvent.citations).toEqual([]);
    // The real publish is in the feed, signed by the organisation, never by a name or an e-mail address.
    const feed = bodies.find((b) => b.url === "/api/v1/feeds/changes.atom")!.text;
    expect(feed).toContain("Test release for the drafts check");
    expect(feed).toContain("<name>Security Guarantees Tracker editors</name>");
    expect(feed).not.toMatch(/@[a-z0-9-]+\.example/);
  });
});
