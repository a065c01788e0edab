import { describe, expect, it } from "vitest";
import { SUPPORT_STAGES, buildStageSeries, layoutOverview, overviewGeometry, seriesRows, SERIES_COLUMNS, type StageRow, type SummitRow } from "@/lib/charts/overview";
import { checkLegibility } from "@/lib/charts/legibility";
import { WIDTH, WIDTH_CLASSES } from "@/lib/charts/width";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import { actorCount } from "@/lib/i18n/messages/overview";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const end = (iso: string) => new Date(`${iso}T23:59:59.999Z`);
const row = (actor: string, commitment: string, stage: LifecycleStage, iso: string): StageRow => ({ actor, commitment, stage, date: d(iso) });
const at = (stage: LifecycleStage) => SUPPORT_STAGES.indexOf(stage);

// Shaped like the seeded data: about twenty actors, troop offers, hubs and a few refusals.
const TODAY: StageRow[] = [
  row("gb", "gb-troops", "CONDITIONAL_OFFER", "2025-03-02"),
  row("gb", "gb-troops", "FORMALISED", "2026-01-06"),
  row("gb", "gb-loan", "ANNOUNCED", "2025-03-01"),
  row("fr", "fr-troops", "CONDITIONAL_OFFER", "2025-04-11"),
  row("fr", "fr-troops", "FORMALISED", "2026-01-06"),
  row("fr", "fr-aid", "ANNOUNCED", "2025-03-27"),
  row("es", "es-troops", "FLOATED", "2025-02-01"),
  row("nl", "nl-troops", "FLOATED", "2025-02-15"),
  row("au", "au-troops", "FLOATED", "2025-03-01"),
  row("au", "au-troops", "CONDITIONAL_OFFER", "2025-03-17"),
  row("be", "be-troops", "CONDITIONAL_OFFER", "2025-04-08"),
  row("dk", "dk-troops", "CONDITIONAL_OFFER", "2025-03-17"),
  row("ee", "ee-troops", "CONDITIONAL_OFFER", "2025-04-11"),
  row("lt", "lt-troops", "CONDITIONAL_OFFER", "2025-03-01"),
  row("lv", "lv-troops", "CONDITIONAL_OFFER", "2025-04-11"),
  row("se", "se-troops", "FLOATED", "2025-03-01"),
  row("cz", "cz-troops", "FLOATED", "2025-08-01"),
  row("ca", "ca-troops", "FLOATED", "2025-08-24"),
  row("de", "de-troops", "CONDITIONAL_OFFER", "2026-01-06"),
  row("eu", "eu-loan", "ANNOUNCED", "2025-12-01"),
  row("tr", "tr-navy", "CONDITIONAL_OFFER", "2025-12-01"),
  row("it", "it-refusal", "RULED_OUT", "2025-03-27"),
  row("it", "it-monitoring", "FLOATED", "2026-01-06"),
  row("fi", "fi-refusal", "RULED_OUT", "2025-03-17"),
  row("pl", "pl-refusal", "RULED_OUT", "2025-09-04"),
  row("pl", "pl-logistics", "ANNOUNCED", "2026-01-06"),
  row("us", "us-refusal", "RULED_OUT", "2025-08-01"),
  row("us", "us-air", "FLOATED", "2025-08-01"),
  row("bg", "bg-refusal", "RULED_OUT", "2025-09-04"),
  row("bg", "bg-navy", "CONDITIONAL_OFFER", "2025-09-04"),
  row("sk", "sk-refusal", "RULED_OUT", "2026-01-01"),
  row("sk", "sk-monitoring", "FLOATED", "2026-01-01"),
];
const summit = (slug: string, iso: string, location: string | null, title = slug): SummitRow => ({ slug, title, date: d(iso), location });
const SUMMITS: SummitRow[] = [
  summit("london", "2025-03-02", "London, Lancaster House", "London summit launches UK-France-led coalition of the willing"),
  summit("kyiv", "2025-05-10", "Kyiv"),
  summit("northwood", "2025-07-10", "Northwood, UK"),
  summit("white-house", "2025-08-18", "Washington, White House"),
  summit("paris-sep", "2025-09-04", "Paris"),
  summit("london-oct", "2025-10-24", "London, FCDO"),
  summit("paris-jan", "2026-01-06", "Paris, Élysée Palace"),
];

// The bench's ×10 shape: 50 countries, 5,000 commitments, stages over 21 months, a summit a month.
function x10(): { rows: StageRow[]; summits: SummitRow[] } {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows: StageRow[] = [];
  const day = (n: number) => new Date(Date.UTC(2025, 0, 2) + n * 86_400_000).toISOString().slice(0, 10);
  for (let c = 0; c < 5000; c++) {
    const actor = `c${c % 50}`;
    const start = Math.floor(rand() * 600);
    if (rand() < 0.1) {
      rows.push(row(actor, `k${c}`, "RULED_OUT", day(start)));
      continue;
    }
    const top = Math.floor(rand() * 4);
    for (let s = 0; s <= top; s++) rows.push(row(actor, `k${c}`, SUPPORT_STAGES[s], day(Math.min(635, start + s * 20))));
  }
  const summits = Array.from({ length: 21 }, (_, i) => summit(`s${i}`, new Date(Date.UTC(2025, i, 5 + (i % 20))).toISOString().slice(0, 10), i % 3 ? "Paris, Élysée Palace" : "Brussels"));
  return { rows, summits };
}

describe("buildStageSeries", () => {
  const series = buildStageSeries(TODAY, SUMMITS, end("2026-02-10"));

  it("counts each actor once per month at its strongest stage, from the first recorded stage to the as-of month", () => {
    expect(series.months[0].month).toBe("2025-02");
    expect(series.months.at(-1)!.month).toBe("2026-02");
    expect(series.months).toHaveLength(13);
    const feb25 = series.months[0];
    expect(feb25.on).toBe("2025-02-28");
    expect(feb25.stages[at("FLOATED")]).toBe(2);
    expect(feb25.support).toBe(2);
    const mar25 = series.months[1];
    // gb: conditional offer beats its announced loan; au moved from floated to conditional.
    expect(mar25.stages[at("CONDITIONAL_OFFER")]).toBe(4);
    expect(mar25.stages[at("ANNOUNCED")]).toBe(1);
    expect(mar25.stages[at("FLOATED")]).toBe(3);
    const jan26 = series.months.find((m) => m.month === "2026-01")!;
    expect(jan26.stages[at("FORMALISED")]).toBe(2);
    expect(jan26.stages.reduce((a, b) => a + b, 0)).toBe(jan26.support);
  });

  it("keeps refusals out of the stack: refusal-only actors apart, mixed ones at their positive stage", () => {
    const sep25 = series.months.find((m) => m.month === "2025-09")!;
    // it, fi: only refusals; us: floated beside a refusal; pl: refusal only; bg: offer beside a refusal.
    expect(sep25.refusalOnly).toBe(3);
    expect(sep25.alsoRefused).toBe(2);
    const jan26 = series.months.find((m) => m.month === "2026-01")!;
    expect(jan26.refusalOnly).toBe(1); // fi: it, pl and sk now have positive positions too
    const actors = new Set(TODAY.map((r) => r.actor));
    expect(jan26.support + jan26.refusalOnly).toBe(actors.size);
  });

  it("cuts off at the as-of date: the last month is counted on that date and later stages are ignored", () => {
    const s = buildStageSeries(TODAY, SUMMITS, end("2026-01-05"));
    const last = s.months.at(-1)!;
    expect(last.month).toBe("2026-01");
    expect(last.on).toBe("2026-01-05");
    expect(last.stages[at("FORMALISED")]).toBe(0);
    expect(s.summits.map((x) => x.slug)).not.toContain("paris-jan");
    expect(buildStageSeries(TODAY, SUMMITS, end("2025-01-31")).months).toEqual([]);
  });

  it("labels summits by their place and drops those before the first month", () => {
    expect(series.summits[0]).toMatchObject({ slug: "london", label: "London", date: "2025-03-02" });
    expect(series.summits.find((s) => s.slug === "white-house")!.label).toBe("Washington");
    const noPlace = buildStageSeries(TODAY, [summit("call", "2025-03-15", null)], end("2026-02-10"));
    expect(noPlace.summits[0].label).toBeNull();
    expect(layoutOverview(noPlace, "wide", "uk").texts.some((t) => t.text === "15 бер")).toBe(true);
    const s = buildStageSeries(TODAY, [summit("early", "2024-11-01", "Rome"), ...SUMMITS], end("2026-02-10"));
    expect(s.summits.map((x) => x.slug)).not.toContain("early");
  });

  it("gives one download row per month with every stage column", () => {
    const rows = seriesRows(series);
    expect(rows).toHaveLength(series.months.length);
    expect(Object.keys(rows[0]).sort()).toEqual([...SERIES_COLUMNS].sort());
    expect(rows.at(-1)).toMatchObject({ month: "2026-02", counted_on: "2026-02-10", formalised: 2 });
  });

  it("aggregates the ×10 data into monthly counts", () => {
    const big = x10();
    const s = buildStageSeries(big.rows, big.summits, end("2026-12-06"));
    expect(s.months.length).toBe(24);
    expect(s.months.every((m) => m.support + m.refusalOnly <= 50)).toBe(true);
    expect(JSON.stringify(s).length).toBeLessThan(12_000);
  });
});

describe("plurals", () => {
  it("uses the plural rules of each language", () => {
    expect(actorCount(1, "en")).toBe("1 actor");
    expect(actorCount(22, "en")).toBe("22 actors");
    expect(actorCount(1, "uk")).toBe("1 учасник");
    expect(actorCount(22, "uk")).toBe("22 учасники");
    expect(actorCount(25, "uk")).toBe("25 учасників");
    expect(actorCount(11, "uk")).toBe("11 учасників");
  });
});

describe("layoutOverview", () => {
  const big = x10();
  const datasets = {
    today: buildStageSeries(TODAY, SUMMITS, end("2026-12-06")),
    empty: buildStageSeries([], SUMMITS, end("2026-12-06")),
    x10: buildStageSeries(big.rows, big.summits, end("2026-12-06")),
    "one month": buildStageSeries(TODAY.slice(6, 8), [], end("2025-02-20")),
  };
  for (const [name, series] of Object.entries(datasets)) {
    for (const w of WIDTH_CLASSES) {
      for (const lang of ["en", "uk"] as const) {
        it(`${name}, ${w}, ${lang}: all text ≥ 11 px, no overlaps, no empty band over 15 %, inside the frame`, () => {
          const p = layoutOverview(series, w, lang);
          expect(p.width).toBe(WIDTH[w].design);
          const g = overviewGeometry(p);
          const l = checkLegibility(g);
          const pairs = l.overlaps.map(([a, b]) => `${g.texts[a].text} × ${g.texts[b].text}`);
          expect(pairs).toEqual([]);
          expect(l.legibleShare).toBe(1);
          expect(l.smallest).toBeGreaterThanOrEqual(11);
          expect(l.emptyBand).toBeLessThanOrEqual(0.15);
          for (const t of g.texts) {
            expect(t.x0, t.text).toBeGreaterThanOrEqual(-0.5);
            expect(t.x1, t.text).toBeLessThanOrEqual(p.width + 0.5);
            expect(t.y0, t.text).toBeGreaterThanOrEqual(0);
            expect(t.y1, t.text).toBeLessThanOrEqual(p.height);
          }
        });
      }
    }
  }

  it("changes form by width: monthly bars when wide or medium, today's stack and a sparkline when narrow", () => {
    const s = datasets.today;
    const wide = layoutOverview(s, "wide", "en");
    const medium = layoutOverview(s, "medium", "en");
    const narrow = layoutOverview(s, "narrow", "en");
    expect(wide.form).toBe("bars");
    expect(wide.bars).toHaveLength(s.months.length);
    expect(medium.bars).toHaveLength(s.months.length);
    expect(narrow.form).toBe("today");
    expect(narrow.spark).not.toBeNull();
    // Medium keeps the data but labels fewer months than wide.
    const months = (p: typeof wide) => p.texts.filter((t) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(t.text)).length;
    expect(months(medium)).toBeLessThanOrEqual(months(wide));
    const big = { wide: layoutOverview(datasets.x10, "wide", "en"), medium: layoutOverview(datasets.x10, "medium", "en") };
    expect(months(big.medium)).toBeLessThanOrEqual(months(big.wide));
    expect(big.medium.bars).toHaveLength(big.wide.bars.length);
    // Every stage is named in text in every form, with the latest month's count.
    for (const p of [wide, medium, narrow]) {
      for (const label of ["Floated", "Announced", "Conditional offer", "Formalised (signed)", "Approved by parliament", "Deployed or delivered", "Only ruled out or withdrew"]) {
        expect(p.texts.some((t) => t.text.includes(label)), label).toBe(true);
      }
    }
  });

  it("draws refusals below the baseline, never in the stack", () => {
    const p = layoutOverview(datasets.today, "wide", "en");
    const base = Math.max(...p.bars.flatMap((b) => b.segments.filter((s) => s.cls !== "rf").map((s) => s.y + s.h)));
    const refusals = p.bars.flatMap((b) => b.segments.filter((s) => s.cls === "rf"));
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((r) => r.y > base)).toBe(true);
  });

  it("marks key summits on the time axis and labels those that fit", () => {
    const p = layoutOverview(datasets.today, "wide", "en");
    expect(p.summits.length).toBe(7);
    expect(p.texts.some((t) => t.text === "London")).toBe(true);
  });
});
