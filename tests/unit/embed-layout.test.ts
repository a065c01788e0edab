import { describe, expect, it } from "vitest";
import type { PollRecord } from "@/lib/charts/polls";
import { layoutCard, type CardCommitment } from "@/lib/embed/layout/card";
import { layoutPolls } from "@/lib/embed/layout/polls";
import { layoutDownload, layoutSocial } from "@/lib/embed/layout/standalone";
import { declaredHeight } from "@/lib/embed/height";
import { measure } from "@/lib/embed/layout/measure";
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
  it("draws a section per question wording (never pooled) and a row per poll", () => {
    const polls = [
      poll("gb-1", "GB", "OWN_TROOPS_PEACEKEEPING", 52, 27),
      poll("gb-2", "GB", "OWN_TROOPS_PEACEKEEPING", 58, 21, "2025-01-16"),
      poll("fr-1", "FR", "OWN_TROOPS_PEACEKEEPING", null, 43),
      poll("gb-g", "GB", "GENERAL_SUPPORT", 70, null),
    ];
    const l = layoutPolls(polls, (iso) => (iso === "GB" ? "United Kingdom" : "France"), "en");
    expect(l.sections.map((s) => [s.wordingClass, s.rows.length])).toEqual([
      ["OWN_TROOPS_PEACEKEEPING", 3],
      ["GENERAL_SUPPORT", 1],
    ]);
    const [first] = l.sections;
    expect(first.rows.map((r) => r.country)).toEqual(["United Kingdom", null, "France"]);
    expect(first.rows[0].support?.x).toBeCloseTo(l.track.x0 + ((l.track.x1 - l.track.x0) * 52) / 100, 1);
    expect(first.rows[2].support).toBeNull();
    expect(first.rows[2].name).toContain("support –");
    expect(l.sections[1].y).toBeGreaterThan(first.rows[2].y);
    expect(l.height).toBeGreaterThan(l.sections[1].rows[0].y);
  });
});

describe("country card", () => {
  const c = (slug: string, kind: CardCommitment["kind"], stage: CardCommitment["stage"], extra: Partial<CardCommitment> = {}): CardCommitment => ({
    slug,
    kind,
    title: `Title of ${slug}`,
    stage,
    stageDate: { date: d("2026-01-06"), datePrecision: "DAY" },
    conditions: ["AFTER_CEASEFIRE"],
    legalForm: "POLITICAL_DECLARATION",
    parliamentaryApproval: "PROMISED",
    quantityLow: null,
    quantityHigh: 7500,
    quantityUnit: "troops",
    quantityQualifier: "FEWER_THAN",
    quantityBasis: "REPORTED_ESTIMATE",
    confidence: "HIGH",
    sources: [src("The Guardian"), src("Reuters"), src("Sky News"), src("POLITICO"), src("BBC"), src("Le Monde"), src("Der Spiegel")],
    ...extra,
  });
  const data = { asOf: "2026-11-28", actor: { slug: "gb", iso2: "GB", name: "United Kingdom", nameUk: "Велика Британія", groups: ["NATO" as const] }, participantSince: d("2025-03-02") };

  it("lists commitments in the matrix's kind order with stage, conditions, how binding, size and sources", () => {
    const l = layoutCard({ ...data, commitments: [c("funding", "FUNDING", "ANNOUNCED"), c("troops", "TROOPS", "FORMALISED")] }, "en");
    expect(l.rows.map((r) => r.slug)).toEqual(["troops", "funding"]);
    const r = l.rows[0];
    expect(r.badge.label).toBe("Formalised (signed)");
    expect(r.badge.x + r.badge.w).toBe(l.width - l.pad);
    expect(r.lines.map((x) => x.text)).toEqual(["6 Jan 2026 · Conditions: After a ceasefire", "Size: fewer than 7,500 troops (reported estimate)"]);
    // Lines run top to bottom inside the row.
    const ys = [...r.titleLines.map((t) => t.y), r.lines[0].y, r.binding.y, r.lines[1].y, r.sources.y];
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(r.sources.y).toBeLessThan(r.y + r.h);
    expect(r.binding).toMatchObject({ strength: 2, text: "Political declaration · parliament: vote promised" });
    // Outlets that do not fit on the line are counted, not dropped silently.
    expect(r.sources.items.length + r.sources.more).toBe(7);
    expect(r.sources.more).toBeGreaterThan(0);
    expect(l.rows[1].y).toBe(r.y + r.h);
    expect(l.meta).toBe("GB · NATO · Coalition participant since 2 Mar 2025");
  });

  it("gives Ukrainian stage badges the room Cyrillic takes", () => {
    const l = layoutCard({ ...data, commitments: [c("troops", "TROOPS", "FORMALISED")] }, "uk");
    expect(l.rows[0].badge.label).toBe("Оформлено (підписано)");
    expect(l.rows[0].badge.w).toBeGreaterThan(measure("Formalised (signed)", 11) + 12 + 20);
    expect(l.rows[0].badge.x).toBeGreaterThan(l.pad + measure(l.rows[0].kindLines[0], 13, true));
  });

  it("says when an actor has no commitment", () => {
    const l = layoutCard({ ...data, commitments: [] }, "uk");
    expect(l.empty).toBe("На цю дату зобов’язань не зафіксовано.");
    expect(l.meta).toContain("Учасник коаліції з 2 березня 2025");
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
    expect(sourceLine(sources, "7 Jan 2026", "en")).toBe("Source: Reuters, AP, BBC, Kyiv Independent and 2 more; Security Guarantees Tracker, updated 7 Jan 2026");
    expect(sourceLine([], "7 січня 2026", "uk")).toBe("Джерело: Трекер гарантій безпеки, оновлено 7 січня 2026");
    expect(outletList(["A", "B"], 3, "en")).toBe("A, B");
  });
});
