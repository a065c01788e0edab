import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/health";
import { getOverview } from "@/lib/db/overview";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const today = new Date();
const seed = parseSeed(readSeedFiles());
const liveOn = (iso: string) => seed.commitments.filter((c) => c.stages.some((s) => s.date <= iso)).length;

describe("overview", () => {
  beforeAll(async () => {
    await seedDatabase(db(), seed);
    const gb = await db().actor.findUniqueOrThrow({ where: { slug: "gb" }, select: { id: true } });
    // Drafts that must never reach a public page.
    await db().commitment.create({
      data: {
        slug: "zz-draft-commitment",
        actorId: gb.id,
        kind: "AIR_POLICING",
        title: "Draft",
        summary: "Draft",
        status: "DRAFT",
        stages: { create: { stage: "DEPLOYED", date: new Date("2026-02-01T00:00:00Z") } },
      },
    });
    await db().event.create({
      data: { slug: "zz-draft-event", kind: "SUMMIT", date: new Date("2026-11-01T00:00:00Z"), title: "Draft event", summary: "Draft", status: "DRAFT" },
    });
  });
  afterAll(async () => {
    await db().commitment.deleteMany({ where: { slug: "zz-draft-commitment" } });
    await db().event.deleteMany({ where: { slug: "zz-draft-event" } });
  });

  it("counts actors by kind and the stage in force today, from published records only", async () => {
    const o = await getOverview(today);
    const published = await db().commitment.count({ where: { status: "PUBLISHED" } });
    expect(o.totals.commitments).toBe(published);
    expect(o.cells.some((c) => c.stage === "DEPLOYED")).toBe(false);
    const troopsFormalised = o.cells.find((c) => c.kind === "TROOPS" && c.stage === "FORMALISED");
    expect(troopsFormalised?.actors.map((a) => a.slug)).toContain("gb");
    expect(o.latestEvents.some((e) => e.slug === "zz-draft-event")).toBe(false);
    expect(o.latestEvents.length).toBe(8);
    expect(o.latestEvents.every((e) => e.sources.length > 0)).toBe(true);
    expect(o.dataAsOf).not.toBeNull();
    expect(o.claimsByVerification.UNVERIFIED).toBeGreaterThanOrEqual(6);
  });

  it("shows the state of the world on an earlier date (valid time)", async () => {
    const before = await getOverview(new Date("2025-03-01T23:59:59Z"));
    expect(before.totals.commitments).toBe(liveOn("2025-03-01"));
    expect(before.totals.commitments).toBeLessThan(liveOn("2026-11-28"));
    expect(before.latestEvents.every((e) => e.date <= new Date("2025-03-01T23:59:59Z"))).toBe(true);
    const sept = await getOverview(new Date("2025-09-05T23:59:59Z"));
    expect(sept.cells.find((c) => c.kind === "TROOPS" && c.stage === "FORMALISED")).toBeUndefined();
    expect(sept.totals.commitments).toBe(liveOn("2025-09-05"));
  });

  it("reports the database as healthy", async () => {
    const h = await checkDatabase();
    expect(h.ok).toBe(true);
    if (h.ok) expect(h.migrations).toBeGreaterThanOrEqual(1);
  });
});
