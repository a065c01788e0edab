import { describe, expect, it } from "vitest";
import {
  PollsParams,
  classesWithData,
  dodgeLabels,
  dotPlot,
  formatFieldwork,
  pollRows,
  timeChart,
  unknownCountryErrors,
  type PollRecord,
} from "@/lib/charts/polls";
import { parseView } from "@/lib/schemas/search-params";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
function poll(over: Partial<PollRecord> & { slug: string }): PollRecord {
  return {
    pollster: "YouGov",
    client: null,
    fieldworkStart: null,
    fieldworkEnd: d("2025-03-04"),
    fieldworkPrecision: "DAY",
    country: { iso2: "GB", name: "United Kingdom", nameUk: null },
    sampleSize: null,
    mode: "UNKNOWN",
    question: "Q?",
    questionVerbatim: true,
    wordingClass: "OWN_TROOPS_PEACEKEEPING",
    support: 50,
    oppose: 30,
    dontKnow: 20,
    note: null,
    confidence: "HIGH",
    singleSource: false,
    sources: [{ url: "https://example.org/a", outlet: "Example", originalOutlet: null }],
    ...over,
  };
}
const FR = { iso2: "FR", name: "France", nameUk: null };

describe("polls params", () => {
  it("accepts ISO codes in any case, comma-separated or repeated, and known wording classes", () => {
    const r = parseView(PollsParams, { country: ["gb,FR", "fr"], class: "OWN_TROOPS_COMBAT" });
    expect(r).toEqual({ ok: true, value: { country: ["GB", "FR"], class: ["OWN_TROOPS_COMBAT"], asOf: undefined, lang: undefined } });
  });
  it("refuses malformed countries, unknown classes and future dates", () => {
    for (const raw of [{ country: "GBR" }, { class: "TROOPS" }, { asOf: "2999-01-01" }, { asOf: "2025-02-30" }]) {
      const r = parseView(PollsParams, raw);
      expect(r.ok).toBe(false);
    }
  });
  it("names unknown countries with the known ones", () => {
    expect(unknownCountryErrors(["GB", "XX"], ["GB", "FR"])).toEqual(["country: Unknown country code XX. Use one of: FR, GB."]);
    expect(unknownCountryErrors(undefined, ["GB"])).toEqual([]);
  });
});

describe("fieldwork dates", () => {
  it("keep their precision", () => {
    expect(formatFieldwork(d("2025-02-26"), d("2025-03-04"), "DAY")).toBe("26 Feb–4 Mar 2025");
    expect(formatFieldwork(d("2025-02-13"), d("2025-02-14"), "DAY")).toBe("13–14 Feb 2025");
    expect(formatFieldwork(null, d("2025-12-01"), "MONTH")).toBe("Dec 2025");
    expect(formatFieldwork(d("2024-12-30"), d("2025-01-02"), "DAY")).toBe("30 Dec 2024–2 Jan 2025");
    expect(formatFieldwork(null, d("2025-01-16"), "DAY")).toBe("16 Jan 2025");
  });
});

describe("dot plot", () => {
  const polls = [
    poll({ slug: "gb-old", fieldworkEnd: d("2025-01-16"), support: 58, oppose: 21 }),
    poll({ slug: "gb-new", support: 52, oppose: 27 }),
    poll({ slug: "fr", country: FR, support: 33, oppose: 43 }),
    poll({ slug: "gb-combat", wordingClass: "OWN_TROOPS_COMBAT", support: 8, oppose: 80 }),
  ];
  it("has one row per poll of the class only, never an average, countries by latest support", () => {
    const plot = dotPlot("OWN_TROOPS_PEACEKEEPING", polls);
    expect(plot.rows.map((r) => r.slug)).toEqual(["gb-new", "gb-old", "fr"]);
    expect(plot.rows.map((r) => r.firstOfCountry)).toEqual([true, false, true]);
    expect(plot.rows.every((r) => r.slug !== "gb-combat")).toBe(true);
    expect(plot.rows[0].support).toMatchObject({ value: 52, x: 52, label: "52%" });
  });
  it("puts the smaller value's label left and the larger's right", () => {
    const plot = dotPlot("OWN_TROOPS_PEACEKEEPING", polls);
    const fr = plot.rows.find((r) => r.slug === "fr")!;
    expect(fr.support?.anchor).toBe("end");
    expect(fr.oppose?.anchor).toBe("start");
    const gb = plot.rows[0];
    expect(gb.support?.anchor).toBe("start");
    expect(gb.oppose?.anchor).toBe("end");
  });
  it("leaves out a mark that was not published", () => {
    const plot = dotPlot("OWN_TROOPS_PEACEKEEPING", [poll({ slug: "us", oppose: 43, support: null })]);
    expect(plot.rows[0].support).toBeNull();
    expect(plot.rows[0].oppose?.value).toBe(43);
  });
  it("lists only classes with data, in canonical order", () => {
    expect(classesWithData(polls)).toEqual(["OWN_TROOPS_PEACEKEEPING", "OWN_TROOPS_COMBAT"]);
  });
});

describe("time chart", () => {
  const polls = [
    poll({ slug: "gb-1", fieldworkEnd: d("2025-01-16"), support: 58 }),
    poll({ slug: "gb-2", fieldworkEnd: d("2025-03-04"), support: 52 }),
    poll({ slug: "gb-other", pollster: "Other", fieldworkEnd: d("2025-06-01"), support: 40 }),
    poll({ slug: "fr", country: FR, fieldworkEnd: d("2025-03-04"), support: 51 }),
    poll({ slug: "combat", wordingClass: "OWN_TROOPS_COMBAT", fieldworkEnd: d("2025-02-01"), support: 10 }),
  ];
  const chart = timeChart("OWN_TROOPS_PEACEKEEPING", polls, (iso) => (iso === "GB" ? 0 : 1))!;
  it("joins only one pollster's polls in one country and never across classes", () => {
    const gb = chart.series.find((s) => s.key === "GB|YouGov")!;
    expect(gb.points.map((p) => p.slug)).toEqual(["gb-1", "gb-2"]);
    expect(gb.segments).toHaveLength(1);
    expect(chart.series.find((s) => s.key === "GB|Other")!.segments).toHaveLength(0);
    expect(chart.series.find((s) => s.key === "FR|YouGov")!.segments).toHaveLength(0);
    expect(chart.series.flatMap((s) => s.points).some((p) => p.slug === "combat")).toBe(false);
  });
  it("places later polls further right and higher support higher up", () => {
    const gb = chart.series.find((s) => s.key === "GB|YouGov")!;
    expect(gb.points[1].x).toBeGreaterThan(gb.points[0].x);
    expect(gb.points[0].y).toBeLessThan(gb.points[1].y);
    expect(chart.yTicks.map((t) => t.label)).toEqual(["0%", "25%", "50%", "75%", "100%"]);
  });
  it("keeps labels apart when polls share a date", () => {
    const gb = chart.series.find((s) => s.key === "GB|YouGov")!.label;
    const fr = chart.series.find((s) => s.key === "FR|YouGov")!.label;
    expect(Math.abs(gb.y - fr.y)).toBeGreaterThanOrEqual(13);
  });
  it("is absent when every poll of the class has the same date", () => {
    expect(timeChart("OWN_TROOPS_COMBAT", polls, () => 0)).toBeNull();
  });
  it("dodges a column of labels within the chart", () => {
    const labels = [0, 1, 2, 3].map(() => ({ x: 50, y: 230 }));
    dodgeLabels(labels);
    const ys = labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(13);
    expect(Math.max(...ys)).toBeLessThanOrEqual(236);
  });
});

describe("download rows", () => {
  it("carry every field, unknowns empty, and the source URLs", () => {
    const rows = pollRows([poll({ slug: "a", sampleSize: null, dontKnow: null, sources: [
      { url: "https://a.example/1", outlet: "A", originalOutlet: null },
      { url: "https://b.example/2", outlet: "B", originalOutlet: null },
    ] })]);
    expect(rows[0]).toMatchObject({ slug: "a", country: "GB", sample_size: null, dont_know: null, question_verbatim: true, fieldwork_end: "2025-03-04" });
    expect(rows[0].sources).toBe("https://a.example/1 https://b.example/2");
  });
});
