import { describe, expect, it } from "vitest";
import type { PollRecord } from "@/lib/charts/polls";
import { checkLegibility, meetsRules } from "@/lib/charts/legibility";
import { pollsGeometry } from "@/lib/charts/polls";
import { pollsChart, pollsDataFromRecords } from "@/lib/views/polls";
import { layoutDownload, layoutSocial } from "@/lib/embed/layout/standalone";
import { declaredHeight } from "@/lib/embed/height";
import { outletList, rankOutlets, sourceLine } from "@/lib/embed/sources";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const src = (outlet: string, originalOutlet: string | null = null) => ({ url: `https://example.org/${outlet}`, outlet, originalOutlet });
function poll(slug: string, iso2: string, wordingClass: PollRecord["wordingClass"], support: number | null, oppose: number | null, end = "2025-03-04"): PollRecord {
  return {
    slug,
    pollster: "YouGov",
    client: null,
    fieldworkStart: null,
    fieldworkEnd: d(end),
    fieldworkPrecision: "DAY",
    country: { iso2, name: iso2 === "GB" ? "United Kingdom" : "France", nameUk: null },
    sampleSize: 1000,
    mode: "ONLINE",
    question: "Q?",
    questionVerbatim: true,
    wordingClass,
    support,
    oppose,
    dontKnow: null,
    note: null,
    confidence: "HIGH",
    singleSource: false,
    sources: [src("YouGov")],
  };
}

describe("polls by country", () => {
  it("draws a section per question wording (never pooled), a row per poll, a layout per width class", () => {
    const polls = [
      poll("gb-1", "GB", "OWN_TROOPS_PEACEKEEPING", 52, 27),
      poll("gb-2", "GB", "OWN_TROOPS_PEACEKEEPING", 58, 21, "2025-01-16"),
      poll("fr-1", "FR", "OWN_TROOPS_PEACEKEEPING", null, 43),
      poll("gb-g", "GB", "GENERAL_SUPPORT", 70, null),
    ];
    const data = pollsDataFromRecords("2025-12-31", polls, [
      { iso2: "GB", name: "United Kingdom", nameUk: null },
      { iso2: "FR", name: "France", nameUk: null },
    ], 0);
    const bound = pollsChart.bind({});
    if (!bound.ok) throw new Error("bind");
    const m = bound.chart.model(data, { lang: "en", origin: "https://example.org" });
    if (m.spec.kind !== "polls") throw new Error("kind");
    const { layouts, href } = m.spec;
    for (const w of ["narrow", "medium", "wide"] as const) {
      const l = layouts[w];
      expect(m.sizes[w]).toEqual({ width: l.width, height: l.height });
      // The latest poll of each pollster in each country: gb-2 is older than gb-1 (same pollster).
      expect(l.sections.map((s) => [s.wordingClass, s.rows.map((r) => r.slug)])).toEqual([
        ["OWN_TROOPS_PEACEKEEPING", ["gb-1", "fr-1"]],
        ["GENERAL_SUPPORT", ["gb-g"]],
      ]);
      expect(l.sections[1].rows[0].y0).toBeGreaterThan(l.sections[0].rows[1].y1);
      expect(meetsRules(checkLegibility(pollsGeometry(l)))).toBe(true);
    }
    const fr = layouts.narrow.sections[0].rows[1];
    expect(fr.name).toContain("Support not published");
    expect(fr.texts.map((t) => t.text).join(" ")).toContain("Oppose 43%");
    expect(href("gb-1")).toBe("https://example.org/polls?class=OWN_TROOPS_PEACEKEEPING&country=GB#poll-gb-1");
    expect(m.table.rows.map((r) => r[1])).toEqual(["United Kingdom", "France", "United Kingdom"]);
    // The embed's CSV is what it draws; the download route adds every other poll (pollsDownload).
    expect(m.csv.rows.map((r) => r.slug).sort()).toEqual(["fr-1", "gb-1", "gb-g"]);
  });
});

describe("declared height and standalone layouts", () => {
  const m = {
    title: "Timeline of summits, pledges, statements and votes",
    description: "129 items from Feb 2024 to Feb 2026. Summits and declarations: 14; Pledges: 75.",
    size: { width: 900, height: 600 },
    sizes: { narrow: { width: 320, height: 500 }, medium: { width: 480, height: 400 }, wide: { width: 900, height: 600 } },
    legend: [{ label: "Summits", swatch: { shape: "diamond" as const } }, { label: "Votes", swatch: { shape: "square" as const } }],
    notes: ["Borders: Ukraine's internationally recognised borders, including Crimea."],
  };
  const o = { title: true, notes: true, status: null, sourceLine: "Source: Reuters and 12 more; Security Guarantees Tracker, updated 28 Nov 2026", liveLabel: "Live chart" };

  it("is the text's height plus the width class's chart at the column width, and shrinks when text is hidden", () => {
    const h = declaredHeight(m, o);
    const chartAt640 = (400 * (640 - 24)) / 480;
    expect(h % 10).toBe(0);
    expect(h).toBeGreaterThan(chartAt640 + 80);
    expect(h).toBeLessThan(chartAt640 + 260);
    expect(declaredHeight(m, { ...o, title: false, notes: false })).toBeLessThan(h);
    expect(declaredHeight(m, { ...o, status: "As published on 7 Jan 2026 (release 12)" })).toBeGreaterThan(h);
    expect(declaredHeight({ ...m, sizes: { ...m.sizes, medium: { width: 480, height: 800 } } }, o)).toBeGreaterThan(h);
    // A narrow column takes the narrow layout, a wide one the wide layout.
    expect(declaredHeight(m, o, 360)).toBeGreaterThan((500 * 336) / 320);
    expect(declaredHeight(m, o, 1024)).toBeGreaterThan((600 * 1000) / 900);
  });

  it("keeps every block of the social image inside 1200 × 630 and the chart in proportion", () => {
    const l = layoutSocial(m, { status: "As published on 7 Jan 2026 (release 12)", source: o.sourceLine, url: "https://example.org/timeline" });
    expect([l.width, l.height]).toEqual([1200, 630]);
    expect(l.chart.y).toBeGreaterThan(l.desc!.y);
    expect(l.chart.y + l.chart.height).toBeLessThan(l.source.y - 20);
    expect(l.chart.x).toBeGreaterThanOrEqual(l.pad);
    expect(l.chart.width / l.chart.height).toBeCloseTo(900 / 600, 5);
    // A tall chart goes beside the text, fitted to the image's height.
    const tall = layoutSocial({ ...m, size: { width: 400, height: 800 } }, { status: null, source: o.sourceLine, url: "" });
    expect(tall.chart.height).toBeGreaterThan(500);
    expect(tall.chart.x).toBeGreaterThan(tall.pad + 400);
    expect(tall.chart.y + tall.chart.height).toBeLessThanOrEqual(630);
    expect(tall.source.y + (tall.source.lines.length - 1) * tall.source.lineH).toBeLessThan(630);
  });

  it("lays a download out top to bottom without overlaps", () => {
    const l = layoutDownload(m, { status: null, source: o.sourceLine, url: "https://example.org/timeline" });
    expect(l.width).toBe(948);
    expect(l.chart.width).toBe(900);
    const ys = [l.title.y, l.desc!.y, l.chart.y, l.chart.y + l.chart.height, l.legend[0].y, l.notes!.y, l.source.y, l.url.y];
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(l.height).toBeGreaterThan(l.url.y);
  });
});

describe("source line", () => {
  it("credits original outlets, the most cited first, and counts the rest", () => {
    const sources = [src("Reuters"), src("Reuters"), src("MSN", "The Times"), src("AP"), src("Kyiv Independent"), src("BBC"), src("Le Monde")];
    expect(rankOutlets(sources).slice(0, 2)).toEqual(["Reuters", "AP"]);
    expect(rankOutlets(sources)).toContain("The Times");
    expect(rankOutlets(sources)).not.toContain("MSN");
    expect(sourceLine(rankOutlets(sources), "7 Jan 2026", "en")).toBe("Source: Reuters, AP, BBC, Kyiv Independent and 2 more; Security Guarantees Tracker, updated 7 Jan 2026");
    expect(sourceLine([], "7 січня 2026", "uk")).toBe("Джерело: Трекер гарантій безпеки, оновлено 7 січня 2026");
    expect(outletList(["A", "B"], 3, "en")).toBe("A, B");
  });
});
