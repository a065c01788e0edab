import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCountryRows, europeGeometry } from "@/lib/charts/europe-map";
import { checkLegibility, meetsRules } from "@/lib/charts/legibility";
import { WIDTH_CLASSES } from "@/lib/charts/width";
import { ukraineGeometry } from "@/lib/charts/ukraine-map";
import { europeMapChart, ukraineMapChart } from "@/lib/views/maps";
import { buildSiteRows } from "@/lib/charts/ukraine-map";
import { db } from "@/lib/db/client";
import { getMapData } from "@/lib/db/map";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const seed = parseSeed(readSeedFiles());
const end = (iso: string) => new Date(`${iso}T23:59:59.999Z`);
const today = end(new Date().toISOString().slice(0, 10));

describe("map data", () => {
  beforeAll(async () => {
    await seedDatabase(db(), seed);
    const [gb, sk] = await Promise.all([
      db().actor.findUniqueOrThrow({ where: { slug: "gb" }, select: { id: true } }),
      db().actor.findUniqueOrThrow({ where: { slug: "sk" }, select: { id: true } }),
    ]);
    // Drafts that must never reach the maps.
    await db().commitment.create({
      data: {
        slug: "zz-map-draft-commitment",
        actorId: gb.id,
        kind: "AIR_POLICING",
        title: "Draft",
        summary: "Draft",
        status: "DRAFT",
        stages: { create: { stage: "DEPLOYED", date: new Date("2026-02-01T00:00:00Z") } },
      },
    });
    await db().coalitionParticipation.create({
      data: { slug: "zz-map-draft-participation", actorId: sk.id, firstRecorded: new Date("2025-03-02T00:00:00Z"), status: "DRAFT" },
    });
    await db().site.create({
      data: { slug: "zz-map-draft-site", kind: "BASE", name: "Draft base", precision: "CITY", countryIso2: "UA", city: "Kyiv", status: "DRAFT" },
    });
  });
  afterAll(async () => {
    await db().commitment.deleteMany({ where: { slug: "zz-map-draft-commitment" } });
    await db().coalitionParticipation.deleteMany({ where: { slug: "zz-map-draft-participation" } });
    await db().site.deleteMany({ where: { slug: "zz-map-draft-site" } });
  });

  it("loads published participants, commitments and sites only", async () => {
    const data = await getMapData(today);
    expect(data.commitments.some((c) => c.slug === "zz-map-draft-commitment")).toBe(false);
    expect(data.sites.some((s) => s.slug === "zz-map-draft-site")).toBe(false);
    expect(data.participations.some((p) => p.actor.slug === "sk")).toBe(false);
    const published = await db().site.count({ where: { status: "PUBLISHED" } });
    expect(data.sites).toHaveLength(published);
    expect(data.participations.length).toBe(seed.participation.length);

    const rows = buildCountryRows(data.participations, data.commitments, today);
    const gb = rows.find((r) => r.actor.slug === "gb")!;
    expect(gb).toMatchObject({ participant: true, stage: "FORMALISED" });
    expect(gb.stage).not.toBe("DEPLOYED");
    expect(rows.find((r) => r.actor.slug === "fi")).toMatchObject({ stage: "RULED_OUT", refusalOnly: true });
    expect(rows.find((r) => r.actor.slug === "it")).toMatchObject({ alsoRefused: true });
    expect(rows.find((r) => r.actor.slug === "sk")).toMatchObject({ participant: false });
    expect(rows.every((r) => r.sources.every((s) => /^https?:\/\//.test(s.url)))).toBe(true);
  });

  it("applies the as-of date to participation and stages", async () => {
    const early = await getMapData(end("2025-03-05"));
    const rows = buildCountryRows(early.participations, early.commitments, end("2025-03-05"));
    const participants = rows.filter((r) => r.participant).map((r) => r.actor.slug).sort();
    expect(participants).toEqual(seed.participation.filter((p) => p.firstRecorded <= "2025-03-05").map((p) => p.actor).sort());
    expect(rows.find((r) => r.actor.slug === "gb")?.stage).toBe("CONDITIONAL_OFFER");
    expect(rows.some((r) => r.actor.slug === "tr")).toBe(false);
  });

  it("keeps each site's published precision, actors and sources", async () => {
    const data = await getMapData(today);
    const rows = buildSiteRows(data.sites);
    const kyiv = rows.find((r) => r.slug === "kyiv-coordination-cell")!;
    expect(kyiv).toMatchObject({ precision: "CITY", place: "Kyiv, UA", placement: "city", outsideUkraine: false, leads: ["United Kingdom"] });
    expect(rows.find((r) => r.slug === "uk-fr-military-hubs-ukraine")).toMatchObject({ placement: "country", precision: "COUNTRY" });
    expect(rows.find((r) => r.slug === "tapa-nato-battlegroup")).toMatchObject({ outsideUkraine: true, placement: "city" });
    expect(rows.every((r) => r.sources.length > 0)).toBe(true);
  });

  it("loads in 3 queries with no per-row queries", async () => {
    await getMapData(today); // warm the pool
    const spy = vi.spyOn(pg.Client.prototype, "query");
    try {
      await getMapData(today);
      const sql = spy.mock.calls.map((c) => String(typeof c[0] === "string" ? c[0] : (c[0] as { text?: string }).text)).filter((t) => /^\s*SELECT/i.test(t));
      expect(sql.length).toBeGreaterThan(0);
      expect(sql.length).toBeLessThanOrEqual(3);
    } finally {
      spy.mockRestore();
    }
  });

  it("builds both maps from their definitions: a legible layout per width class and the download rows", async () => {
    for (const [chart, kind] of [[europeMapChart, "europe-map"], [ukraineMapChart, "ukraine-map"]] as const) {
      const bound = chart.bind({});
      if (!bound.ok) throw new Error(bound.errors.join());
      const loaded = await bound.chart.load();
      if (!loaded.ok) throw new Error("load failed");
      for (const lang of ["en", "uk"] as const) {
        const model = bound.chart.model(loaded.data, { lang, origin: "" });
        expect(model.spec.kind).toBe(kind);
        for (const w of WIDTH_CLASSES) {
          const spec = model.spec;
          const g = spec.kind === "europe-map" ? europeGeometry(spec.layouts[w]) : spec.kind === "ukraine-map" ? ukraineGeometry(spec.layouts[w]) : null;
          expect(meetsRules(checkLegibility(g!))).toBe(true);
          expect(model.sizes[w].width).toBe(w === "narrow" ? 320 : w === "medium" ? 480 : 880);
        }
        expect(model.csv.rows.length).toBeGreaterThan(0);
      }
    }
  });
});
