import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLegibility, meetsRules } from "@/lib/charts/legibility";
import { sceneGeometry, timelineRows } from "@/lib/charts/timeline";
import { WIDTH_CLASSES } from "@/lib/charts/width";
import { timelineChart } from "@/lib/views/timeline";
import { GET as download } from "@/app/(public)/timeline/download/route";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/db/seed";
import { getTimeline } from "@/lib/db/timeline";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const seed = parseSeed(readSeedFiles());
const end = (iso: string) => new Date(`${iso}T23:59:59.999Z`);
const today = end(new Date().toISOString().slice(0, 10));
const seedStages = seed.commitments.flatMap((c) => c.stages.map((s) => ({ ...s, actor: c.actor })));

describe("timeline loader", () => {
  beforeAll(async () => {
    await seedDatabase(db(), seed);
    const gb = await db().actor.findUniqueOrThrow({ where: { slug: "gb" }, select: { id: true } });
    const source = await db().source.create({
      data: { slug: "zz-timeline-draft-source", url: "https://draft.example/timeline", outlet: "Draft outlet", kind: "MEDIA", status: "DRAFT" },
    });
    // Drafts (and a draft source on a published event) that must never reach the timeline.
    await db().commitment.create({
      data: {
        slug: "zz-timeline-draft-commitment",
        actorId: gb.id,
        kind: "AIR_POLICING",
        title: "Draft",
        summary: "Draft",
        status: "DRAFT",
        stages: { create: { stage: "DEPLOYED", date: new Date("2026-01-06T00:00:00Z") } },
      },
    });
    await db().event.create({
      data: {
        slug: "zz-timeline-draft-event",
        kind: "SUMMIT",
        date: new Date("2026-01-06T00:00:00Z"),
        title: "Draft event",
        summary: "Draft",
        status: "DRAFT",
        actors: { create: { actorId: gb.id } },
      },
    });
    const published = await db().event.findFirstOrThrow({ where: { status: "PUBLISHED", kind: "SUMMIT" }, select: { id: true } });
    await db().citation.create({ data: { sourceId: source.id, eventId: published.id } });
  });
  afterAll(async () => {
    await db().citation.deleteMany({ where: { source: { slug: "zz-timeline-draft-source" } } });
    await db().source.deleteMany({ where: { slug: "zz-timeline-draft-source" } });
    await db().commitment.deleteMany({ where: { slug: "zz-timeline-draft-commitment" } });
    await db().event.deleteMany({ where: { slug: "zz-timeline-draft-event" } });
  });

  it("shows every published event and lifecycle change, with sources, in chronological order", async () => {
    const t = await getTimeline({ asOf: today });
    expect(t.items).toHaveLength(seed.events.length + seedStages.length);
    expect(t.total).toBe(t.items.length);
    expect(t.items.some((i) => i.anchor.includes("zz-timeline"))).toBe(false);
    expect(t.items.every((i) => i.sources.length > 0)).toBe(true);
    expect(t.items.flatMap((i) => i.sources).some((s) => s.url === "https://draft.example/timeline")).toBe(false);
    const times = t.items.map((i) => i.date.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(t.items.map((i) => i.anchor)).size).toBe(t.items.length);
    const ukOffer = t.items.find((i) => i.anchor === "pledge-gb-troops-mnf-u-conditional-offer-2025-03-02");
    expect(ukOffer).toMatchObject({ lane: "pledges", kind: "PLEDGE", stage: "CONDITIONAL_OFFER" });
    expect(ukOffer?.actors.map((a) => a.slug)).toEqual(["gb"]);
    expect(t.actors.some((a) => a.slug === "gb")).toBe(true);
    expect(t.unknownActors).toEqual([]);
  });

  it("shows nothing dated after the as-of date", async () => {
    const t = await getTimeline({ asOf: end("2025-03-31") });
    const expected =
      seed.events.filter((e) => e.date <= "2025-03-31").length + seedStages.filter((s) => s.date <= "2025-03-31").length;
    expect(t.items).toHaveLength(expected);
    expect(t.total).toBe(expected);
    expect(t.items.every((i) => i.date <= end("2025-03-31"))).toBe(true);
  });

  it("filters by actor, kind, lane and date range", async () => {
    const nl = await getTimeline({ asOf: today, actors: ["nl"] });
    expect(nl.items.length).toBeGreaterThan(0);
    expect(nl.items.every((i) => i.actors.some((a) => a.slug === "nl"))).toBe(true);

    const votes = await getTimeline({ asOf: today, kinds: ["VOTE"] });
    expect(votes.items).toHaveLength(seed.events.filter((e) => e.kind === "VOTE").length);

    const pledges = await getTimeline({ asOf: today, lanes: ["pledges"] });
    expect(pledges.items).toHaveLength(seedStages.length);
    expect(pledges.total).toBeGreaterThan(pledges.items.length);

    const jan = await getTimeline({ asOf: today, from: "2026-01-01", to: "2026-01-31" });
    expect(jan.items.length).toBe(
      seed.events.filter((e) => e.date.startsWith("2026-01")).length + seedStages.filter((s) => s.date.startsWith("2026-01")).length,
    );
    expect(jan.items.length).toBeGreaterThanOrEqual(50);

    const unknown = await getTimeline({ asOf: today, actors: ["gb", "zz"] });
    expect(unknown.unknownActors).toEqual(["zz"]);
  });

  it("builds one download row per item with its source URLs", async () => {
    const t = await getTimeline({ asOf: today, kinds: ["SUMMIT"] });
    const rows = timelineRows(t.items);
    expect(rows).toHaveLength(t.items.length);
    expect(rows.every((r) => r.sources && /^https?:\/\//.test(r.sources))).toBe(true);
  });

  it("draws the seeded data legibly in every width class from the view's one definition", async () => {
    const bound = timelineChart.bind({});
    if (!bound.ok) throw new Error(bound.errors.join());
    const loaded = await bound.chart.load();
    if (!loaded.ok) throw new Error(loaded.errors.join());
    for (const lang of ["en", "uk"] as const) {
      const model = bound.chart.model(loaded.data, { lang, origin: "https://sgt.example" });
      if (model.spec.kind !== "timeline") throw new Error("not a timeline");
      for (const w of WIDTH_CLASSES) {
        const scene = model.spec.scenes[w];
        const l = checkLegibility(sceneGeometry(scene));
        expect(meetsRules(l), `${lang} ${w}: ${JSON.stringify({ ...l, overlaps: l.overlaps.length })}`).toBe(true);
        expect(model.sizes[w]).toEqual({ width: scene.width, height: scene.height });
      }
      // Items link to the list page that holds them; counts to the list of their month.
      const wide = model.spec.scenes.wide;
      const item = wide.groups.find((g) => g.link.kind === "item")!;
      expect(model.spec.href(item.link)).toMatch(/^https:\/\/sgt\.example\/timeline(\?.*)?#(event|pledge)-/);
      expect(model.spec.href({ kind: "range", from: "2026-01-01", to: "2026-01-31", lane: "pledges" })).toBe(
        `https://sgt.example/timeline?from=2026-01-01&lane=pledges&${lang === "uk" ? "lang=uk&" : ""}to=2026-01-31#list`,
      );
    }
  });

  it("downloads every item matching the filters, not one page", async () => {
    const t = await getTimeline({ asOf: today });
    const res = await download(new Request("http://localhost/timeline/download?format=json&page=3"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { id: string }[] };
    expect(body.rows.map((r) => r.id)).toEqual(t.items.map((i) => i.anchor));
    const csv = await download(new Request("http://localhost/timeline/download?format=csv&kind=VOTE"));
    expect((await csv.text()).split("\r\n")[0]).toBe("id,date,precision,date_label,lane,kind,stage,title,actors,actor_names,commitment,sources");
    expect((await download(new Request("http://localhost/timeline/download?kind=PICNIC"))).status).toBe(422);
  });
});
