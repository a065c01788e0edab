import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capacityChart, capacityRows } from "@/lib/charts/capacity";
import { pollRows } from "@/lib/charts/polls";
import { PollsParams } from "@/lib/schemas/views/polls";
import { loadPollTable, pollsChart, pollsDownload, type PollsData } from "@/lib/views/polls";
import { getCapacity } from "@/lib/db/capacity";
import { db } from "@/lib/db/client";
import { getPolls, getPollsSummary, getPollsView } from "@/lib/db/polls";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { asOfDate, parseView } from "@/lib/schemas/search-params";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const seed = parseSeed(readSeedFiles());
const today = asOfDate(undefined).end;
const end = (iso: string) => new Date(`${iso}T23:59:59.999Z`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("polls loader", () => {
  beforeAll(async () => {
    await seedDatabase(db(), seed);
    const gb = await db().actor.findUniqueOrThrow({ where: { slug: "gb" }, select: { id: true } });
    const draftSource = await db().source.create({
      data: { slug: "zz-draft-source", url: "https://draft.example/zz", outlet: "Draft outlet", kind: "MEDIA", status: "DRAFT" },
    });
    const published = await db().poll.findUniqueOrThrow({ where: { slug: "yougov-2025-03-gb-peacekeepers" }, select: { id: true } });
    await db().citation.create({ data: { sourceId: draftSource.id, pollId: published.id } });
    await db().poll.create({
      data: {
        slug: "zz-draft-poll",
        pollster: "Draft pollster",
        fieldworkEnd: day("2025-06-01"),
        countryId: gb.id,
        question: "Draft?",
        wordingClass: "OWN_TROOPS_COMBAT",
        support: 99,
        status: "DRAFT",
      },
    });
  });
  afterAll(async () => {
    await db().poll.deleteMany({ where: { slug: "zz-draft-poll" } });
    await db().citation.deleteMany({ where: { source: { slug: "zz-draft-source" } } });
    await db().source.deleteMany({ where: { slug: "zz-draft-source" } });
  });

  it("returns every published poll with its published sources only", async () => {
    const v = await getPolls({ asOf: today });
    expect(v.polls).toHaveLength(seed.polls.length);
    expect(v.polls.some((p) => p.slug === "zz-draft-poll")).toBe(false);
    expect(v.polls.flatMap((p) => p.sources).some((s) => s.url.includes("draft.example"))).toBe(false);
    const gb = v.polls.find((p) => p.slug === "yougov-2025-03-gb-peacekeepers")!;
    expect(gb).toMatchObject({ pollster: "YouGov", support: 52, oppose: 27, dontKnow: 20, questionVerbatim: true, sampleSize: null });
    expect(gb.sources.length).toBe(3);
    const sw = v.polls.find((p) => p.slug === "swresearch-2025-08-pl-peacekeeping")!;
    expect(sw).toMatchObject({ support: 17.3, sampleSize: 800, mode: "ONLINE", client: "Rzeczpospolita" });
  });

  it("keeps the digest's unverified 56/40/40/36 apart from the polls", async () => {
    const v = await getPolls({ asOf: today });
    expect(v.unverified.map((c) => c.value).sort()).toEqual([36, 40, 40, 56]);
    expect(v.unverified.map((c) => c.country?.iso2).sort()).toEqual(["FR", "GB", "IT", "PL"]);
    expect(v.unverified.every((c) => c.finding)).toBe(true);
    // No poll carries those figures for those countries.
    expect(v.polls.some((p) => p.country.iso2 === "GB" && p.support === 56)).toBe(false);
  });

  it("shows only polls whose fieldwork had ended by the as-of date", async () => {
    const v = await getPolls({ asOf: end("2025-02-20") });
    expect(v.polls.map((p) => p.slug).sort()).toEqual(["forsa-2025-02-de-peacekeeping", "voxmeter-2025-02-dk-peacekeepers", "yougov-2025-01-gb-peacekeepers"]);
    expect(v.polls.every((p) => p.fieldworkEnd <= end("2025-02-20"))).toBe(true);
  });

  it("filters by country and wording class", async () => {
    const gb = await getPolls({ asOf: today, countries: ["GB"] });
    expect(gb.polls.length).toBe(seed.polls.filter((p) => p.country === "GB").length);
    expect(gb.polls.every((p) => p.country.iso2 === "GB")).toBe(true);
    expect(gb.unverified.map((c) => c.country?.iso2)).toEqual(["GB"]);
    const stab = await getPolls({ asOf: today, classes: ["OWN_TROOPS_STABILISATION"] });
    expect(stab.polls.length).toBe(seed.polls.filter((p) => p.wordingClass === "OWN_TROOPS_STABILISATION").length);
    const both = await getPolls({ asOf: today, countries: ["PL"], classes: ["OWN_TROOPS_STABILISATION", "OWN_TROOPS_PEACEKEEPING"] });
    expect(both.polls.map((p) => p.slug).sort()).toEqual([
      "opinia24-2025-04-pl-stabilisation",
      "swresearch-2025-08-pl-peacekeeping",
      "swresearch-2025-12-pl-stabilisation",
    ]);
  });

  it("aggregates in the database: the latest poll per pollster and country, per class, and every count", async () => {
    const s = await getPollsSummary({ asOf: today });
    const combos = new Set(seed.polls.map((p) => `${p.wordingClass}|${p.country}|${p.pollster}`));
    expect(s.latest).toHaveLength(combos.size);
    expect(s.perClass.reduce((n, c) => n + c.polls, 0)).toBe(seed.polls.length);
    const gb = s.latest.filter((p) => p.country.iso2 === "GB" && p.pollster === "YouGov" && p.wordingClass === "OWN_TROOPS_PEACEKEEPING");
    expect(gb.map((p) => p.slug)).toEqual(["yougov-2025-03-gb-peacekeepers"]);
    expect(s.countries.find((c) => c.iso2 === "PL")!.polls).toBe(seed.polls.filter((p) => p.country === "PL").length);
    const stab = await getPollsSummary({ asOf: today, classes: ["OWN_TROOPS_STABILISATION"] });
    // The class filter narrows the country counts, not the class counts (each filter's options).
    expect(stab.countries.find((c) => c.iso2 === "PL")!.polls).toBe(seed.polls.filter((p) => p.country === "PL" && p.wordingClass === "OWN_TROOPS_STABILISATION").length);
    expect(stab.classes.reduce((n, c) => n + c.polls, 0)).toBe(seed.polls.length);
    expect(s.unverified).toBe(4);
  });

  it("pages the table and refuses a page past the last", async () => {
    const first = await loadPollTable({}, "en");
    expect(first.ok && [first.total, first.pages, first.rows.length]).toEqual([seed.polls.length, 1, seed.polls.length]);
    const past = await loadPollTable({ page: 2 }, "en");
    expect(past.ok).toBe(false);
    if (!past.ok) expect(past.errors[0]).toContain("no page 2");
  });

  it("draws the latest polls; the download carries every poll matching the filters", async () => {
    const chart = pollsChart.bind({ class: "OWN_TROOPS_PEACEKEEPING" });
    const all = pollsDownload.bind({ class: "OWN_TROOPS_PEACEKEEPING" });
    if (!chart.ok || !all.ok) throw new Error("bind");
    const [c, d] = await Promise.all([chart.chart.load(), all.chart.load()]);
    if (!c.ok || !d.ok) throw new Error("load");
    const n = seed.polls.filter((p) => p.wordingClass === "OWN_TROOPS_PEACEKEEPING").length;
    expect((d.data as PollsData).rows).toHaveLength(n);
    expect((c.data as PollsData).rows.length).toBeLessThan(n);
    expect(all.chart.model(d.data, { lang: "en", origin: "" }).csv.rows).toHaveLength(n);
  });

  it("explains an unknown country instead of returning nothing", async () => {
    const parsed = parseView(PollsParams, { country: "GB,XX" });
    expect(parsed.ok).toBe(true);
    const r = await getPollsView(parsed.ok ? parsed.value : {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain("XX");
    const ok = await getPollsView({ country: ["FR"] });
    expect(ok.ok && pollRows(ok.view.polls).every((row) => row.country === "FR")).toBe(true);
  });
});

describe("capacity loader", () => {
  beforeAll(async () => {
    await seedDatabase(db(), seed);
    const [gb, no] = await Promise.all(
      ["gb", "no"].map((slug) => db().actor.findUniqueOrThrow({ where: { slug }, select: { id: true } })),
    );
    await db().claim.create({
      data: { slug: "zz-draft-figure", kind: "FIGURE", statement: "Draft", actorId: gb.id, valueLow: 1, unit: "personnel", valueQualifier: "EXACT", asOf: day("2025-01-01"), verification: "CONFIRMED", metric: "regular-army", status: "DRAFT" },
    });
    // A published offer that is later ruled out: in force between the two dates only.
    await db().commitment.create({
      data: {
        slug: "zz-no-troops",
        actorId: no.id,
        kind: "TROOPS",
        title: "Test offer",
        summary: "Test",
        status: "PUBLISHED",
        quantityLow: 50,
        quantityHigh: 50,
        quantityQualifier: "ABOUT",
        quantityUnit: "troops",
        stages: {
          create: [
            { stage: "ANNOUNCED", date: day("2025-05-01") },
            { stage: "RULED_OUT", date: day("2025-07-01") },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await db().claim.deleteMany({ where: { slug: "zz-draft-figure" } });
    await db().commitment.deleteMany({ where: { slug: "zz-no-troops" } });
  });

  it("lists countries with a live troop offer, with the UK's figures by metric", async () => {
    const countries = await getCapacity(today);
    const isos = countries.map((c) => c.iso2);
    expect(isos).toEqual(expect.arrayContaining(["GB", "FR", "DE", "LT", "EE"]));
    expect(isos).not.toContain("IT"); // refusal, not a troop offer
    expect(isos).not.toContain("NO"); // ruled out
    const gb = countries.find((c) => c.iso2 === "GB")!;
    expect(gb.figures.some((f) => f.slug === "zz-draft-figure")).toBe(false);
    const byMetric = (m: string) => gb.figures.filter((f) => f.metric === m).map((f) => f.low).sort();
    expect(byMetric("armed-forces-total")).toEqual([182060]);
    expect(byMetric("regular-army")).toEqual(expect.arrayContaining([71000, 73847]));
    expect(byMetric("deployed-in:EE")).toContain(900);
    expect(byMetric("pledge-for-ukraine")).toEqual([7500]);
    expect(gb.figures.every((f) => f.sources.length > 0)).toBe(true);

    const chart = capacityChart(countries);
    const placed = chart.countries.find((c) => c.iso2 === "GB")!;
    const pledge = placed.bars.filter((b) => b.metric === "pledge-for-ukraine");
    expect(pledge).toHaveLength(1); // commitment quantity and The Times figure are one bar
    expect(pledge[0].entry).toMatchObject({ qualifier: "FEWER_THAN", verification: "REPORTED", basis: "REPORTED_ESTIMATE" });
    const rows = capacityRows(chart);
    expect(rows.filter((r) => r.country === "GB" && r.shown === "current").every((r) => String(r.sources).startsWith("http"))).toBe(true);
  });

  it("applies the as-of date to stages and figures", async () => {
    const june = await getCapacity(end("2025-06-01"));
    expect(june.map((c) => c.iso2)).toContain("NO");
    const gb = june.find((c) => c.iso2 === "GB")!;
    expect(gb.commitments.map((c) => c.slug)).toEqual(["gb-troops-mnf-u"]);
    expect(gb.figures.every((f) => f.asOf === null || f.asOf <= end("2025-06-01"))).toBe(true);
    expect(gb.figures.some((f) => f.metric === "armed-forces-total")).toBe(false);
    expect(gb.figures.some((f) => f.low === 73847)).toBe(true);
    const before = await getCapacity(end("2025-01-01"));
    expect(before.map((c) => c.iso2)).not.toContain("GB");
  });
});
