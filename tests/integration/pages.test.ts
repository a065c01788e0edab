import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getCountry, listActors } from "@/lib/db/countries";
import { getOverview } from "@/lib/db/overview";
import { search } from "@/lib/db/search";
import { seedDatabase } from "@/lib/db/seed";
import { claimsByVerification, listSources, listSourcesPage } from "@/lib/db/sources";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const seed = parseSeed(readSeedFiles());
const end = (iso: string) => new Date(`${iso}T23:59:59.999Z`);

describe("country, sources and search views", () => {
  beforeAll(async () => {
    await seedDatabase(db(), seed);
    const gb = await db().actor.findUniqueOrThrow({ where: { slug: "gb" }, select: { id: true } });
    await db().claim.create({
      data: { slug: "zz-draft-claim", kind: "CLAIM", statement: "Zebra draft claim", verification: "UNVERIFIED", status: "DRAFT", actorId: gb.id },
    });
    await db().source.create({ data: { slug: "zz-draft-source", url: "https://zz.example/draft", outlet: "Zebra Draft Outlet", kind: "MEDIA", status: "DRAFT" } });
  });
  afterAll(async () => {
    await db().claim.deleteMany({ where: { slug: "zz-draft-claim" } });
    await db().source.deleteMany({ where: { slug: "zz-draft-source" } });
  });

  it("gathers everything about the UK, as of a date, published only", async () => {
    const now = await getCountry("gb", end("2026-11-28"));
    expect(now?.actor.name).toBe("United Kingdom");
    const expected = seed.commitments.filter((c) => c.actor === "gb").length;
    expect(now!.commitments.length).toBe(expected);
    expect(now!.polls.every((p) => p.sources.length > 0)).toBe(true);
    expect(now!.claims.some((c) => c.statement.includes("Zebra"))).toBe(false);
    expect(now!.sources.length).toBeGreaterThan(10);
    const early = await getCountry("GB", end("2025-03-01"));
    const liveEarly = seed.commitments.filter((c) => c.actor === "gb" && c.stages.some((s) => s.date <= "2025-03-01")).length;
    expect(early!.commitments.length).toBe(liveEarly);
    expect(early!.events.every((e) => e.date <= end("2025-03-01"))).toBe(true);
  });

  it("finds organisations by slug and refuses unknown or malformed codes", async () => {
    expect((await getCountry("eu", end("2026-11-28")))?.actor.kind).toBe("ORGANISATION");
    expect(await getCountry("zz", end("2026-11-28"))).toBeNull();
    expect(await getCountry("../etc", end("2026-11-28"))).toBeNull();
    const actors = await listActors();
    expect(actors.length).toBe(seed.actors.length);
    // Stage chips: each actor's commitments counted by today's stage, strongest first.
    const gb = actors.find((a) => a.iso2 === "GB")!;
    expect(gb.stages.reduce((n, s) => n + s.n, 0)).toBe(gb.commitments);
    expect(gb.stages[0].stage).toBe("FORMALISED");
  });

  it("lists every published source with what cites it, never a draft", async () => {
    const sources = await listSources({});
    expect(sources.length).toBe(seed.sources.length);
    expect(sources.some((s) => s.outlet === "Zebra Draft Outlet")).toBe(false);
    const tass = sources.find((s) => s.url === "https://tass.com/world/2012443");
    expect(tass?.citedBy.length).toBeGreaterThan(0);
    const wires = await listSources({ kinds: ["WIRE"] });
    expect(wires.every((s) => s.kind === "WIRE")).toBe(true);
    // A page of sources is the same slice of the same order, with the total.
    const page2 = await listSourcesPage({ page: 2, size: 10 });
    expect(page2.total).toBe(sources.length);
    expect(page2.rows.map((s) => s.url)).toEqual(sources.slice(10, 20).map((s) => s.url));
    expect(page2.rows.map((s) => s.citedBy.length)).toEqual(sources.slice(10, 20).map((s) => s.citedBy.length));
  });

  it("groups claims by verification, unverified ones first-class", async () => {
    const groups = await claimsByVerification();
    const unverifiedSeed = seed.claims.filter((c) => c.verification === "UNVERIFIED").length;
    expect(groups.UNVERIFIED.length).toBe(unverifiedSeed);
    expect(groups.UNVERIFIED.some((c) => c.statement.includes("Zebra"))).toBe(false);
  });

  it("searches across types with prefixes and ignores drafts and hostile input", async () => {
    const hits = await search("Starmer");
    expect(hits.event.length).toBeGreaterThan(0);
    expect((await search("Lithuan")).actor.map((a) => a.slug)).toContain("lt");
    expect((await search("zebra")).claim).toEqual([]);
    const hostile = await search("'); DROP TABLE \"Actor\"; --");
    expect(Object.values(hostile).flat().length).toBeGreaterThanOrEqual(0);
    expect(await db().actor.count()).toBeGreaterThan(0);
    expect(Object.values(await search("!!!")).flat()).toEqual([]);
  });

  it("shows recent lifecycle changes and confirmed coalition figures on the overview", async () => {
    const o = await getOverview(end("2026-11-28"));
    expect(o.recentChanges.length).toBe(8);
    for (let i = 1; i < o.recentChanges.length; i++) {
      expect(o.recentChanges[i - 1].date.getTime()).toBeGreaterThanOrEqual(o.recentChanges[i].date.getTime());
    }
    expect(o.figures.length).toBeGreaterThan(0);
    expect(o.figures.every((f) => f.sources.length > 0)).toBe(true);
  });
});
