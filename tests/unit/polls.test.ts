import { describe, expect, it } from "vitest";
import {
  CHART_ROWS_MAX,
  chartSections,
  classesWithData,
  dodgeLabels,
  formatFieldwork,
  formatPercent,
  layoutPolls,
  orderRows,
  pollRows,
  pollsGeometry,
  timeChart,
  wrapText,
  WORDING_CLASSES,
  type PollRecord,
  type SectionInput,
} from "@/lib/charts/polls";
import { checkLegibility, meetsRules } from "@/lib/charts/legibility";
import { WIDTH, WIDTH_CLASSES } from "@/lib/charts/width";
import { measure } from "@/lib/embed/layout/measure";
import { parseView } from "@/lib/schemas/search-params";
import { PollsParams, unknownCountryErrors } from "@/lib/schemas/views/polls";

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
    expect(r).toEqual({ ok: true, value: { country: ["GB", "FR"], class: ["OWN_TROOPS_COMBAT"], asOf: undefined, lang: undefined, page: undefined } });
    expect(parseView(PollsParams, { page: "3" })).toMatchObject({ ok: true, value: { page: 3 } });
  });
  it("refuses malformed countries, unknown classes, future dates and bad pages", () => {
    for (const raw of [{ country: "GBR" }, { class: "TROOPS" }, { asOf: "2999-01-01" }, { asOf: "2025-02-30" }, { page: "0" }, { page: "2.5" }, { page: "two" }, { page: "-1" }]) {
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

describe("chart rows", () => {
  const polls = [
    poll({ slug: "gb-old", fieldworkEnd: d("2025-01-16"), support: 58, oppose: 21 }),
    poll({ slug: "gb-new", support: 52, oppose: 27 }),
    poll({ slug: "gb-other", pollster: "Ipsos", fieldworkEnd: d("2025-02-01"), support: 49, oppose: 30 }),
    poll({ slug: "fr", country: FR, support: 33, oppose: 43 }),
    poll({ slug: "gb-combat", wordingClass: "OWN_TROOPS_COMBAT", support: 8, oppose: 80 }),
  ];
  const latest = polls.filter((p) => p.slug !== "gb-old");
  const perClass = [
    { wordingClass: "OWN_TROOPS_PEACEKEEPING" as const, polls: 4, pollsters: 2 },
    { wordingClass: "OWN_TROOPS_COMBAT" as const, polls: 1, pollsters: 1 },
  ];
  it("draw the latest per pollster and country, per class, never pooled, and say so", () => {
    const s = chartSections(latest, perClass);
    expect(s.map((x) => [x.wordingClass, x.mode, x.slugs])).toEqual([
      ["OWN_TROOPS_PEACEKEEPING", "latestPerPollster", ["gb-new", "gb-other", "fr"]],
      ["OWN_TROOPS_COMBAT", "all", ["gb-combat"]],
    ]);
  });
  it("fall back to the latest per country when per-pollster rows are too many", () => {
    const many = Array.from({ length: CHART_ROWS_MAX + 5 }, (_, i) =>
      poll({ slug: `p${i}`, pollster: `P${i % 9}`, country: { iso2: `C${i % 6}`, name: `Country ${i % 6}`, nameUk: null }, fieldworkEnd: d(`2025-03-${String((i % 28) + 1).padStart(2, "0")}`) }),
    );
    const [s] = chartSections(many, [{ wordingClass: "OWN_TROOPS_PEACEKEEPING", polls: 500, pollsters: 9 }]);
    expect(s.mode).toBe("latestPerCountry");
    expect(s.slugs).toHaveLength(6);
    expect(s.series).toBe(CHART_ROWS_MAX + 5);
  });
  it("order countries by the support in their newest poll, each country newest first", () => {
    expect(orderRows(polls.filter((p) => p.wordingClass === "OWN_TROOPS_PEACEKEEPING")).map((p) => p.slug)).toEqual(["gb-new", "gb-other", "gb-old", "fr"]);
    expect(classesWithData(polls)).toEqual(["OWN_TROOPS_PEACEKEEPING", "OWN_TROOPS_COMBAT"]);
  });
});

describe("decimal policy", () => {
  it("prints whole percentages, and one decimal only where the pollster gave one", () => {
    expect([formatPercent(52), formatPercent(17.3), formatPercent(17.25), formatPercent(null)]).toEqual(["52%", "17.3%", "17.3%", null]);
  });
});

// ---------------------------------------------------------------- layouts per width class

const L = { support: "Support", oppose: "Oppose", dontKnow: "Don’t know", notPublished: "not published", empty: "No published poll matches this selection." };
const COUNTRIES = ["United Kingdom", "France", "Germany", "Poland", "Italy", "Netherlands", "Denmark", "Lithuania", "Czech Republic", "Bosnia and Herzegovina"];
const PSTERS = ["YouGov", "Ipsos", "IFOP", "Forsa", "SW Research", "Opinia24", "Voxmeter", "Verian", "Elabe", "More in Common UK"];
const rowOf = (i: number, wc = "OWN_TROOPS_PEACEKEEPING") => {
  const support = i % 7 === 0 ? null : (i * 37) % 90;
  const oppose = i % 5 === 0 ? null : Math.min(100 - (support ?? 0), (i * 13) % 60);
  const dontKnow = i % 3 === 0 ? null : Math.max(0, 100 - (support ?? 0) - (oppose ?? 0));
  return {
    slug: `${wc}-${i}`,
    iso2: `C${i % COUNTRIES.length}`,
    country: COUNTRIES[i % COUNTRIES.length],
    pollster: PSTERS[i % PSTERS.length],
    fieldwork: i % 2 ? "26 Feb–4 Mar 2025" : "Dec 2025",
    support: i % 11 === 0 && support !== null ? support + 0.3 : support,
    oppose,
    dontKnow,
    name: `poll ${i}`,
  };
};
const section = (wc: SectionInput["wordingClass"], n: number, note: string): SectionInput => ({
  wordingClass: wc,
  title: wc === "ALLIED_TROOPS_IN_UKRAINE" ? "Allied or foreign troops stationed in Ukraine (asked mostly in Ukraine itself)" : wc.replaceAll("_", " ").toLowerCase(),
  note,
  rows: Array.from({ length: n }, (_, i) => rowOf(i, wc)),
});
const DATASETS: Record<string, SectionInput[]> = {
  // Today's seed: 21 polls in three classes.
  today: [section("OWN_TROOPS_PEACEKEEPING", 12, "Latest poll of each pollster in each country: 11 of 12 polls. Every poll is in the table."), section("OWN_TROOPS_STABILISATION", 3, "Every poll is its own row: 3 polls."), section("GENERAL_SUPPORT", 5, "Every poll is its own row: 5 polls.")],
  empty: [],
  "empty (uk)": [],
  // ×10: 10,000 polls, 50 countries, five classes, each drawn as one row per country (capped).
  // The page draws each class apart, under its own HTML heading: no title in the SVG.
  "page section": [{ ...section("OWN_TROOPS_PEACEKEEPING", 12, "Latest poll of each pollster in each country: 11 of 12 polls."), title: "" }],
  x10: WORDING_CLASSES.map((wc) => section(wc, CHART_ROWS_MAX, "Too many to draw one row per pollster: the latest poll in each country, 40 of 2,031 polls by 12 pollsters. Every poll is in the table. 10 countries with older polls only in the table.")),
};

describe("polls layouts", () => {
  for (const [name, sections] of Object.entries(DATASETS)) {
    for (const w of WIDTH_CLASSES) {
      it(`${name} data, ${w}: every text ≥ 11 px, none overlapping, no empty band over 15 %`, () => {
        const l = layoutPolls(sections, w, name.endsWith("(uk)") ? { ...L, empty: "Жодне опубліковане опитування не відповідає вибору." } : L);
        expect(l.width).toBe(WIDTH[w].design);
        const g = pollsGeometry(l);
        const check = checkLegibility(g);
        expect(check.smallest).toBeGreaterThanOrEqual(11);
        expect(check.overlaps).toEqual([]);
        expect(check.emptyBand).toBeLessThanOrEqual(0.15);
        expect(meetsRules(check)).toBe(true);
        // Nothing is drawn outside the frame.
        for (const t of g.texts) {
          expect(t.x0).toBeGreaterThanOrEqual(-0.5);
          expect(t.x1).toBeLessThanOrEqual(l.width + 0.5);
          expect(t.y1).toBeLessThanOrEqual(l.height + 0.5);
        }
        for (const m of g.marks ?? []) expect(m.x1).toBeLessThanOrEqual(l.width + 0.5);
      });
    }
  }
  it("draws one row per poll with a 100 % bar and its figures written out, grouped by class with headings", () => {
    const l = layoutPolls(DATASETS.today, "narrow", L);
    expect(l.sections.map((s) => s.wordingClass)).toEqual(["OWN_TROOPS_PEACEKEEPING", "OWN_TROOPS_STABILISATION", "GENERAL_SUPPORT"]);
    const row = l.sections[0].rows[1];
    const bar = row.rects.reduce((w, r) => w + r.w, 0);
    expect(bar).toBeCloseTo(320, 0);
    expect(row.texts.map((t) => t.text).join(" ")).toContain("Support 37% · Oppose 13% · Don’t know 50%");
    // Narrow: pollster · country · fieldwork on one line.
    expect(row.texts[0].text).toBe("Ipsos · France · 26 Feb–4 Mar 2025");
    // Sections never share a row: each class's rows lie below its heading and above the next one's.
    const top = (i: number) => Math.min(...l.sections[i].texts.map((t) => t.y));
    expect(Math.max(...l.sections[0].rows.map((r) => r.y1))).toBeLessThan(top(1));
  });
  it("keeps an unpublished figure blank in the bar and says so", () => {
    const l = layoutPolls([section("OWN_TROOPS_COMBAT", 1, "")], "medium", L);
    const r = l.sections[0].rows[0];
    expect(r.rects.map((x) => x.cls)).toEqual(["na"]);
    expect(r.texts.map((t) => t.text).join(" ")).toContain("Support not published");
  });
  it("wraps long class titles and shortens only what cannot fit, keeping the full text", () => {
    const w = wrapText("Allied or foreign troops stationed in Ukraine (asked mostly in Ukraine itself)", 320, 13, true, 3);
    expect(w.lines.length).toBeGreaterThan(1);
    expect(w.cut).toBe(false);
    for (const line of w.lines) expect(measure(line, 13, true)).toBeLessThanOrEqual(320);
    const cut = wrapText("Bosnia and Herzegovina Bosnia and Herzegovina", 80, 12, true, 1);
    expect(cut.cut).toBe(true);
    expect(cut.lines[0].endsWith("…")).toBe(true);
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
