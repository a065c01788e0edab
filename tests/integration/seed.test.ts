import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const data = parseSeed(readSeedFiles());

async function counts() {
  const p = db();
  const [actors, commitments, polls, events, claims, sources, citations, revisions, audit] = await Promise.all([
    p.actor.count(),
    p.commitment.count(),
    p.poll.count(),
    p.event.count(),
    p.claim.count(),
    p.source.count(),
    p.citation.count(),
    p.revision.count(),
    p.auditEntry.count(),
  ]);
  return { actors, commitments, polls, events, claims, sources, citations, revisions, audit };
}

describe("seeding", () => {
  beforeAll(async () => {
    await seedDatabase(db(), data);
  });

  it("loads every seed record, published, with its citations, a revision and an audit entry", async () => {
    const c = await counts();
    expect(c.actors).toBeGreaterThanOrEqual(data.actors.length);
    expect(c.commitments).toBeGreaterThanOrEqual(data.commitments.length);
    expect(c.polls).toBeGreaterThanOrEqual(data.polls.length);
    expect(c.sources).toBeGreaterThanOrEqual(data.sources.length);
    const seeded = await db().commitment.findUniqueOrThrow({
      where: { slug: data.commitments[0].slug },
      select: { id: true, status: true, version: true, _count: { select: { citations: true, stages: true } } },
    });
    expect(seeded.status).toBe("PUBLISHED");
    expect(seeded.version).toBe(1);
    expect(seeded._count.citations).toBe(data.commitments[0].citations.length);
    expect(seeded._count.stages).toBe(data.commitments[0].stages.length);
    const rev = await db().revision.findFirstOrThrow({ where: { entityId: seeded.id }, select: { id: true, action: true } });
    expect(rev.action).toBe("SEED");
    expect(await db().auditEntry.count({ where: { revisionId: rev.id } })).toBe(1);
  });

  it("is idempotent: a second run writes nothing", async () => {
    const before = await counts();
    const created = await seedDatabase(db(), data);
    expect(Object.values(created).every((n) => n === 0)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("keeps an editor's change to a seeded record", async () => {
    const slug = data.events[0].slug;
    await db().event.update({ where: { slug }, data: { title: "Edited by an editor" } });
    await seedDatabase(db(), data);
    expect((await db().event.findUniqueOrThrow({ where: { slug }, select: { title: true } })).title).toBe("Edited by an editor");
    await db().event.update({ where: { slug }, data: { title: data.events[0].title } });
  });

  it("writes nothing when a record fails half-way (one transaction)", async () => {
    const before = await counts();
    const bad = structuredClone(data);
    // New records, the last of which the database refuses (shares above 100.5).
    bad.actors = [{ ...bad.actors[0], slug: "zz-test-actor", iso2: null, kind: "ORGANISATION" }];
    bad.sources = [{ ...bad.sources[0], slug: "zz-test-source", url: "https://zz.example/source" }];
    bad.polls = [{ ...bad.polls[0], slug: "zz-test-poll", support: 90, oppose: 90, dontKnow: null }];
    await expect(seedDatabase(db(), bad)).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await db().actor.findUnique({ where: { slug: "zz-test-actor" } })).toBeNull();
  });
});
