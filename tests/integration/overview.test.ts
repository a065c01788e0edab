import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as embed } from "@/app/embed/[chart]/route";
import { GET as download } from "@/app/(public)/overview/download/route";
import { db } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/health";
import { getOverview, loadStageHistory } from "@/lib/db/overview";
import { forgetRelease } from "@/lib/db/release";
import { overviewChart } from "@/lib/views/overview";
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
    forgetRelease();
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

  it("loads the lead chart's stages and key summits from published records only, in one query", async () => {
    const h = await loadStageHistory(today);
    expect(h.stages.some((r) => r.commitment === "zz-draft-commitment")).toBe(false);
    expect(h.stages.some((r) => r.actor === "coalition")).toBe(false);
    expect(h.stages.some((r) => r.actor === "gb" && r.stage === "FORMALISED")).toBe(true);
    expect(h.summits.some((e) => e.slug === "zz-draft-event")).toBe(false);
    // At most one key summit a month.
    const months = h.summits.map((e) => e.date.toISOString().slice(0, 7));
    expect(new Set(months).size).toBe(months.length);
    expect(h.summits.length).toBeGreaterThan(3);
  });

  it("counts every actor with a live commitment once in the lead chart's last month, the coalition apart", async () => {
    const bound = overviewChart.bind({});
    if (!bound.ok) throw new Error(bound.errors.join());
    const loaded = await bound.chart.load();
    if (!loaded.ok) throw new Error(loaded.errors.join());
    const last = (loaded.data as { months: { support: number; refusalOnly: number; stages: number[] }[] }).months.at(-1)!;
    const o = await getOverview(today);
    const coalition = o.cells.some((c) => c.actors.some((a) => a.slug === "coalition")) ? 1 : 0;
    expect(last.support + last.refusalOnly + coalition).toBe(o.totals.actorsWithCommitments);
    expect(last.refusalOnly).toBeGreaterThan(0);
    expect(overviewChart.bind({ asOf: "2999-01-01" }).ok).toBe(false);
  });

  it("serves the lead chart as an embed under 30 KB gzip, as SVG and CSV, and as a download", async () => {
    const get = (path: string) => embed(new Request(`http://tracker.test/embed/${path}`), { params: Promise.resolve({ chart: path.split("?")[0] }) });
    const html = await (await get("overview")).text();
    expect(html).toContain('data-chart="overview"');
    expect(html).toContain("Actors by strongest stage over time");
    expect(gzipSync(html).length).toBeLessThanOrEqual(30 * 1024);
    const uk = await (await get("overview?lang=uk")).text();
    expect(uk).toContain("Учасники за найсильнішим етапом у часі");
    expect(uk).toContain("Умовна пропозиція");
    const svg = await (await get("overview.svg?w=narrow")).text();
    expect(svg).toMatch(/^<\?xml/);
    const csv = await (await get("overview.csv")).text();
    expect(csv.split("\r\n")[0]).toContain("month,counted_on,floated");
    const json = await (await download(new Request("http://tracker.test/overview/download?format=json&asOf=2025-09-30"))).json();
    expect(json.asOf).toBe("2025-09-30");
    expect(json.rows.at(-1)).toMatchObject({ month: "2025-09", counted_on: "2025-09-30" });
    const bad = await download(new Request("http://tracker.test/overview/download?asOf=someday"));
    expect(bad.status).toBe(422);
    expect((await get("overview?asOf=someday")).status).toBe(422);
  });

  it("reports the database as healthy", async () => {
    const h = await checkDatabase();
    expect(h.ok).toBe(true);
    if (h.ok) expect(h.migrations).toBeGreaterThanOrEqual(1);
  });
});
