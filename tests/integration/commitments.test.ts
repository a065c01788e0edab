import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMatrix, downloadRows } from "@/lib/charts/commitment-matrix";
import { db } from "@/lib/db/client";
import { getCommitment, listCommitmentRecords } from "@/lib/db/commitments";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const seed = parseSeed(readSeedFiles());
const end = (iso: string) => new Date(`${iso}T23:59:59.999Z`);
const TODAY = new Date();
const liveOn = (iso: string) => seed.commitments.filter((c) => c.stages.some((s) => s.date <= iso)).length;

describe("commitments loader", () => {
  beforeAll(async () => {
    await seedDatabase(db(), seed);
    const gb = await db().actor.findUniqueOrThrow({ where: { slug: "gb" }, select: { id: true } });
    const published = await db().commitment.findUniqueOrThrow({ where: { slug: "gb-troops-mnf-u" }, select: { id: true } });
    // Records that must never reach the public view.
    await db().commitment.create({
      data: {
        slug: "zz-draft-commitment",
        actorId: gb.id,
        kind: "AIR_POLICING",
        title: "Draft",
        summary: "Draft",
        status: "DRAFT",
        stages: { create: { stage: "DEPLOYED", date: new Date("2025-02-01T00:00:00Z") } },
      },
    });
    const draftActor = await db().actor.create({ data: { slug: "zz-draft-actor", kind: "COUNTRY", name: "Draftland", status: "DRAFT" } });
    await db().commitment.create({
      data: {
        slug: "zz-published-of-draft-actor",
        actorId: draftActor.id,
        kind: "TROOPS",
        title: "Published commitment of an unpublished actor",
        summary: "x",
        status: "PUBLISHED",
        stages: { create: { stage: "ANNOUNCED", date: new Date("2025-02-01T00:00:00Z") } },
      },
    });
    const draftSource = await db().source.create({
      data: { slug: "zz-draft-source", url: "https://draft.example/zz", outlet: "Draft Outlet", kind: "MEDIA", status: "DRAFT" },
    });
    await db().citation.create({ data: { sourceId: draftSource.id, commitmentId: published.id, quote: "draft quote" } });
  });

  afterAll(async () => {
    await db().commitment.deleteMany({ where: { slug: { in: ["zz-draft-commitment", "zz-published-of-draft-actor"] } } });
    await db().actor.deleteMany({ where: { slug: "zz-draft-actor" } });
    await db().citation.deleteMany({ where: { source: { slug: "zz-draft-source" } } });
    await db().source.deleteMany({ where: { slug: "zz-draft-source" } });
  });

  it("loads published commitments of published actors, with published sources only", async () => {
    const records = await listCommitmentRecords(TODAY);
    const slugs = records.map((r) => r.slug);
    expect(slugs).not.toContain("zz-draft-commitment");
    expect(slugs).not.toContain("zz-published-of-draft-actor");
    expect(records).toHaveLength(await db().commitment.count({ where: { status: "PUBLISHED", actor: { status: "PUBLISHED" } } }));
    const gb = records.find((r) => r.slug === "gb-troops-mnf-u")!;
    expect(gb.sources.length).toBeGreaterThan(1);
    expect(gb.sources.some((s) => s.url === "https://draft.example/zz")).toBe(false);
    expect(JSON.stringify(records)).not.toContain("internalNote");
    const m = buildMatrix(records, { asOf: TODAY });
    expect(m.rows.some((r) => r.actor.slug === "zz-draft-actor")).toBe(false);
    expect(m.rows.flatMap((r) => r.commitments).every((c) => c.stageAsOf !== "DEPLOYED")).toBe(true);
  });

  it("shows each commitment at the stage in force on the view's date", async () => {
    const sept = buildMatrix(await listCommitmentRecords(end("2025-09-05")), { asOf: end("2025-09-05") });
    expect(sept.totals.recorded).toBe(liveOn("2025-09-05"));
    const gbSept = sept.rows.find((r) => r.actor.slug === "gb")!.cells.TROOPS!;
    expect(gbSept.primary.slug).toBe("gb-troops-mnf-u");
    expect(gbSept.primary.stageAsOf).toBe("CONDITIONAL_OFFER");
    expect(gbSept.commitments).toHaveLength(1); // the reported 7,500 figure came later

    const now = buildMatrix(await listCommitmentRecords(TODAY), { asOf: TODAY });
    const gbNow = now.rows.find((r) => r.actor.slug === "gb")!.cells.TROOPS!;
    expect(gbNow.primary.stageAsOf).toBe("FORMALISED");
    expect(gbNow.commitments.map((c) => c.slug)).toEqual(["gb-troops-mnf-u", "gb-troops-reported-number"]);

    const early = buildMatrix(await listCommitmentRecords(end("2025-01-01")), { asOf: end("2025-01-01") });
    expect(early.totals.recorded).toBe(liveOn("2025-01-01"));
  });

  it("filters by group, kind, condition, bindingness and stage", async () => {
    const records = await listCommitmentRecords(TODAY);
    const actors = (filters: Parameters<typeof buildMatrix>[1]["filters"]) =>
      buildMatrix(records, { asOf: TODAY, filters }).rows.map((r) => r.actor.slug);
    const nonEu = actors({ group: ["NON_EUROPEAN"] });
    expect(nonEu).toEqual(expect.arrayContaining(["us", "ca", "au"]));
    expect(nonEu).not.toContain("gb");
    expect(actors({ kind: ["REFUSAL"] }).sort()).toEqual(["bg", "fi", "it", "pl", "sk", "us"]);
    expect(actors({ condition: ["US_BACKSTOP"], group: ["EU"] })).toEqual(expect.arrayContaining(["de", "nl", "se"]));
    expect(actors({ approval: ["PROMISED"] })).toEqual(["gb"]);
    expect(actors({ legalForm: ["POLITICAL_DECLARATION"], stage: ["FORMALISED"] }).sort()).toEqual(["coalition", "fr", "gb"]);
    const rows = downloadRows(buildMatrix(records, { asOf: TODAY, filters: { kind: ["REFUSAL"] } }));
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.stage_as_of === "RULED_OUT" && String(r.sources).startsWith("http"))).toBe(true);
  });

  it("loads one commitment with its dated lifecycle, links and citations", async () => {
    const c = await getCommitment("gb-troops-mnf-u");
    expect(c).not.toBeNull();
    expect(c!.actor.slug).toBe("gb");
    expect(c!.stages.map((s) => s.stage)).toEqual(["CONDITIONAL_OFFER", "FORMALISED"]);
    expect(c!.stages[0].citations.length).toBeGreaterThan(0);
    expect(c!.stages[0].citations.some((x) => x.quote?.includes("boots on the ground"))).toBe(true);
    expect(c!.allCitations.some((x) => x.source.url === "https://draft.example/zz")).toBe(false);
    expect(c!.parliamentaryApproval).toBe("PROMISED");

    const number = await getCommitment("gb-troops-reported-number");
    expect(number).toMatchObject({ quantityLow: null, quantityHigh: 7500, quantityQualifier: "FEWER_THAN", quantityBasis: "REPORTED_ESTIMATE" });

    const hq = await getCommitment("fr-hq-command");
    expect(hq!.sites.map((s) => s.slug)).toContain("mnf-u-hq-paris");
  });

  it("has no page for drafts, unpublished actors, unknown or malformed slugs", async () => {
    expect(await getCommitment("zz-draft-commitment")).toBeNull();
    expect(await getCommitment("zz-published-of-draft-actor")).toBeNull();
    expect(await getCommitment("no-such-commitment")).toBeNull();
    expect(await getCommitment("../etc/passwd")).toBeNull();
    expect(await getCommitment("x".repeat(500))).toBeNull();
  });
});
