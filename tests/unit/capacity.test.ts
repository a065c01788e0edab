import { describe, expect, it } from "vitest";
import { checkLegibility, meetsRules } from "@/lib/charts/legibility";
import { geometry } from "@/lib/charts/drawn";
import { WIDTH_CLASSES } from "@/lib/charts/width";
import {
  capacityChart,
  capacityLayout,
  capacityRanking,
  forcesLine,
  totalLine,
  capacityRows,
  countryEntries,
  currentAndEarlier,
  segments,
  type CommitmentRecord,
  type CountryRecord,
  type Entry,
  type FigureRecord,
} from "@/lib/charts/capacity";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const src = (u: string) => ({ url: `https://example.org/${u}`, outlet: u, originalOutlet: null });
function fig(over: Partial<FigureRecord> & { slug: string; metric: string }): FigureRecord {
  return {
    statement: "s",
    low: 100,
    high: null,
    qualifier: "EXACT",
    unit: "personnel",
    asOf: d("2025-10-01"),
    asOfPrecision: "DAY",
    verification: "CONFIRMED",
    confidence: "HIGH",
    singleSource: true,
    finding: null,
    sources: [src(over.slug)],
    ...over,
  };
}
function commitment(over: Partial<CommitmentRecord> & { slug: string }): CommitmentRecord {
  return {
    title: "Troops",
    stage: "CONDITIONAL_OFFER",
    stageDate: d("2025-08-01"),
    stageDatePrecision: "MONTH",
    low: null,
    high: null,
    qualifier: null,
    unit: null,
    basis: null,
    confidence: "MEDIUM",
    sources: [src(over.slug)],
    ...over,
  };
}
const uk: CountryRecord = {
  iso2: "GB",
  name: "United Kingdom",
  nameUk: null,
  commitments: [
    commitment({ slug: "gb-mnf", stage: "FORMALISED" }),
    commitment({ slug: "gb-number", stage: "FLOATED", low: null, high: 7500, qualifier: "FEWER_THAN", unit: "troops", basis: "REPORTED_ESTIMATE" }),
  ],
  figures: [
    fig({ slug: "pledge", metric: "pledge-for-ukraine", low: 7500, qualifier: "FEWER_THAN", unit: "troops", verification: "REPORTED", asOf: d("2026-01-07") }),
    fig({ slug: "army-times", metric: "regular-army", low: 71000, qualifier: "ABOUT", asOf: d("2026-01-01"), verification: "REPORTED" }),
    fig({ slug: "army-wiki", metric: "regular-army", low: 73847, asOf: d("2025-01-01"), confidence: "LOW" }),
    fig({ slug: "total", metric: "armed-forces-total", low: 182060 }),
    fig({ slug: "ee-2024", metric: "deployed-in:EE", low: 900, qualifier: "ABOUT", asOf: d("2024-12-01") }),
    fig({ slug: "ee-2017", metric: "deployed-in:EE", low: 800, qualifier: "ABOUT", asOf: d("2017-01-01") }),
  ],
};
const lt: CountryRecord = {
  iso2: "LT",
  name: "Lithuania",
  nameUk: null,
  commitments: [commitment({ slug: "lt", low: 100, high: 200, qualifier: "RANGE", unit: "troops", basis: "OFFICIAL" })],
  figures: [],
};

describe("capacity entries", () => {
  it("merges a commitment quantity with a pledge figure that reports the same number", () => {
    // The figure stores "fewer than 7,500" as its low value, the commitment as its upper bound: the same number.
    const pledges = countryEntries(uk).filter((e) => e.metric === "pledge-for-ukraine");
    expect(pledges).toHaveLength(1);
    expect(pledges[0]).toMatchObject({ verification: "REPORTED", basis: "REPORTED_ESTIMATE", commitmentSlug: "gb-number", figureSlug: "pledge" });
    expect(pledges[0].sources.map((s) => s.outlet)).toEqual(["pledge", "gb-number"]);
  });
  it("keeps a commitment quantity apart when it differs from the figure", () => {
    const other = { ...uk, commitments: [commitment({ slug: "gb-number", low: 5000, qualifier: "ABOUT", unit: "troops" })] };
    expect(countryEntries(other).filter((e) => e.metric === "pledge-for-ukraine").map((e) => e.low)).toEqual([7500, 5000]);
  });
  it("ignores commitments without a quantity", () => {
    expect(countryEntries({ ...uk, commitments: [commitment({ slug: "x" })], figures: [] })).toEqual([]);
  });
  it("draws the newest figure and any within a year of it; older ones are listed as earlier", () => {
    const entries = countryEntries(uk);
    const army = currentAndEarlier(entries.filter((e) => e.metric === "regular-army"));
    expect(army.current.map((e) => e.low)).toEqual([71000, 73847]);
    const ee = currentAndEarlier(entries.filter((e) => e.metric === "deployed-in:EE"));
    expect(ee.current.map((e) => e.low)).toEqual([900]);
    expect(ee.earlier.map((e) => e.low)).toEqual([800]);
  });
});

describe("bar segments", () => {
  const x = (v: number) => v / 10;
  const e = (over: Partial<Entry>) => ({ low: null, high: null, qualifier: null, ...over }) as Entry;
  it("draw a solid bar, a range's extent and a ceiling", () => {
    expect(segments(e({ low: 500, qualifier: "ABOUT" }), x)).toEqual([{ x0: 0, x1: 50, kind: "solid" }]);
    expect(segments(e({ low: 100, high: 200, qualifier: "RANGE" }), x)).toEqual([
      { x0: 0, x1: 10, kind: "solid" },
      { x0: 10, x1: 20, kind: "extent" },
    ]);
    expect(segments(e({ low: 750, qualifier: "FEWER_THAN" }), x)).toEqual([{ x0: 0, x1: 75, kind: "bound" }]);
  });
});

describe("capacity chart", () => {
  const chart = capacityChart([lt, uk]);
  it("puts each country on its own linear scale from 0 to a nice maximum", () => {
    const gb = chart.countries[0];
    expect(gb.max).toBe(200000);
    expect(gb.ticks[0]).toEqual({ x: 0, value: 0 });
    expect(gb.ticks.at(-1)).toEqual({ x: 100, value: 200000 });
    const total = gb.bars.find((b) => b.metric === "armed-forces-total")!;
    expect(total.segments).toEqual([{ x0: 0, x1: 91.03, kind: "solid" }]);
    // Lithuania's 100–200 troops fill its own scale instead of being a 0.1 % sliver of the UK's.
    const ltc = chart.countries[1];
    expect(ltc.max).toBe(200);
    expect(ltc.bars[0].segments).toEqual([
      { x0: 0, x1: 50, kind: "solid" },
      { x0: 50, x1: 100, kind: "extent" },
    ]);
  });
  it("orders countries by known figures and bars by measure, with unknowns explicit", () => {
    expect(chart.countries.map((c) => c.iso2)).toEqual(["GB", "LT"]);
    const gb = chart.countries[0];
    expect(gb.bars.map((b) => b.metric)).toEqual([
      "pledge-for-ukraine",
      "deployed-abroad",
      "deployed-in:EE",
      "regular-army",
      "regular-army",
      "armed-forces-total",
    ]);
    expect(gb.bars.find((b) => b.metric === "deployed-abroad")).toMatchObject({ entry: null, segments: [] });
    const ltBars = chart.countries[1].bars;
    expect(ltBars.filter((b) => b.entry === null).map((b) => b.metric)).toEqual(["deployed-abroad", "regular-army", "armed-forces-total"]);
    expect(ltBars[0].entry).toMatchObject({ low: 100, high: 200, qualifier: "RANGE", basis: "OFFICIAL" });
  });
  it("gives one download row per country × measure × figure, unknowns empty", () => {
    const rows = capacityRows(chart);
    const gbUnknown = rows.find((r) => r.country === "GB" && r.metric === "deployed-abroad")!;
    expect(gbUnknown).toMatchObject({ shown: "unknown", value_low: null, sources: null });
    const earlier = rows.find((r) => r.shown === "earlier")!;
    expect(earlier).toMatchObject({ country: "GB", metric: "deployed-in:EE", value_low: 800, as_of: "2017-01-01" });
    const total = rows.find((r) => r.metric === "armed-forces-total" && r.country === "GB")!;
    expect(total).toMatchObject({ value_low: 182060, qualifier: "EXACT", verification: "CONFIRMED", sources: "https://example.org/total" });
  });
});

const bare = (iso2: string, name: string, nameUk: string | null = null): CountryRecord => ({ iso2, name, nameUk, commitments: [commitment({ slug: iso2.toLowerCase() })], figures: [] });
const today = [uk, lt, { ...lt, iso2: "EE", name: "Estonia", commitments: [commitment({ slug: "ee", low: 100, high: 200, qualifier: "RANGE", unit: "troops" })] }, ...["France", "Germany", "Belgium", "Latvia", "Czechia", "Netherlands", "Sweden", "Denmark", "Canada", "Australia", "Spain"].map((n, i) => bare(`Q${i}`, n))];
// ×10-like: 50 countries, most with a reported pledge, some with forces, a few with long names.
const x10: CountryRecord[] = Array.from({ length: 50 }, (_, i) => ({
  iso2: `X${i}`,
  name: i % 7 === 0 ? `Synthetic Federal Republic of Very Long Name ${i}` : `Country ${i}`,
  nameUk: i % 7 === 0 ? `Синтетична Федеративна Республіка з дуже довгою назвою ${i}` : `Країна ${i}`,
  commitments: Array.from({ length: 8 }, (_, j) =>
    commitment({ slug: `x${i}-${j}`, low: i % 5 === 4 ? null : 50 * (i + 1) + j, high: i % 3 === 0 ? 100 * (i + 2) + j : null, qualifier: i % 3 === 0 ? "RANGE" : "ABOUT", unit: "troops" }),
  ),
  figures: i % 2 ? [fig({ slug: `f${i}`, metric: "armed-forces-total", low: 10000 * (i + 1) })] : [],
}));

describe("capacity ranking", () => {
  it("ranks the known pledges, adds them up, and takes each one's share of its own forces", () => {
    const k = capacityRanking(capacityChart(today));
    expect(k.ranked.map((r) => r.iso2)).toEqual(["GB", "EE", "LT"]);
    expect(k.total).toEqual({ upTo: 7900, pledges: 3, countries: 14 });
    expect(k.unknown).toHaveLength(11);
    expect(k.ranked[0].share).toBeCloseTo(7500 / 182060);
    expect(forcesLine(k.ranked[0], "en")).toMatch(/^up to 4\.1% of its 182,060 armed forces \(1 Oct 2025, total\)$/);
    expect(k.ranked[1].share).toBeNull();
    expect(forcesLine(k.ranked[1], "en")).toBe("size of armed forces unknown");
    expect(totalLine(k, "en")).toBe("Known pledges add up to 7,900 troops at most, from 3 of 14 countries");
    expect(totalLine(k, "uk")).toContain("від 3 з 14 країн");
    expect(totalLine(capacityRanking(capacityChart([uk])), "en")).toContain("from 1 of 1 country");
  });
});

describe("capacity layouts", () => {
  const cases: [string, CountryRecord[]][] = [
    ["today", today],
    ["empty", []],
    ["×10", x10],
  ];
  for (const [label, data] of cases)
    for (const lang of ["en", "uk"] as const)
      for (const w of WIDTH_CLASSES)
        it(`${label}, ${w}, ${lang}: all text ≥ 11 px, no overlaps, no empty band over 15 %`, () => {
          const l = capacityLayout(capacityRanking(capacityChart(data)), w, lang);
          const g = geometry(l);
          const check = checkLegibility(g);
          expect(check, JSON.stringify(check.overlaps.slice(0, 3).map(([a, b]) => [g.texts[a].text, g.texts[b].text]))).toSatisfy(meetsRules);
          expect(g.texts.every((t) => t.x0 >= 0 && t.x1 <= l.width + 0.5), "text inside the frame").toBe(true);
        });
  it("narrow stacks each country's text above its bar; wide puts them in columns", () => {
    const k = capacityRanking(capacityChart(today));
    const narrow = capacityLayout(k, "narrow", "en").items;
    const name = narrow.find((d) => d.kind === "text" && d.text === "United Kingdom")!;
    const value = narrow.find((d) => d.kind === "text" && d.text.startsWith("fewer than 7,500"))!;
    const bar = narrow.find((d) => d.kind === "rect" && d.cls === "b-bound")!;
    expect(name.y).toBeLessThan(value.y);
    expect(value.y).toBeLessThan(bar.y + 1);
    const wide = capacityLayout(k, "wide", "en").items;
    const wName = wide.find((d) => d.kind === "text" && d.text === "United Kingdom")!;
    const wValue = wide.find((d) => d.kind === "text" && d.text.startsWith("fewer than 7,500"))!;
    expect(wValue.x).toBeGreaterThan(wName.x + 100);
    // Countries with every figure unknown are a list of names, not empty bars.
    expect(wide.some((d) => d.kind === "text" && d.text.startsWith("No figures recorded yet (11)"))).toBe(true);
  });
});
