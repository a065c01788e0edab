import { describe, expect, it } from "vitest";
import {
  capacityChart,
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
  it("puts every country on one linear scale from 0 to a nice maximum", () => {
    expect(chart.max).toBe(200000);
    expect(chart.ticks[0]).toEqual({ x: 0, value: 0 });
    expect(chart.ticks.at(-1)).toEqual({ x: 100, value: 200000 });
    const total = chart.countries[0].bars.find((b) => b.metric === "armed-forces-total")!;
    expect(total.segments).toEqual([{ x0: 0, x1: 91.03, kind: "solid" }]);
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
