import { describe, expect, it } from "vitest";
import { CARD_DETAIL_MAX, cardLayout, cardMeta, orderCard, type CardCommitment, type CardData } from "@/lib/charts/country-card";
import { geometry, measureText, type DrawnText } from "@/lib/charts/drawn";
import { checkLegibility, meetsRules } from "@/lib/charts/legibility";
import { WIDTH_CLASSES } from "@/lib/charts/width";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const src = (outlet: string) => ({ url: `https://example.org/${outlet}`, outlet, originalOutlet: null });
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
const texts = (l: ReturnType<typeof cardLayout>) => l.items.filter((x): x is DrawnText => x.kind === "text");

// Today-like: the UK's seven commitments, long titles and many sources.
const KINDS: CardCommitment["kind"][] = ["TROOPS", "AIR_POLICING", "MARITIME_DEMINING", "TRAINING_REGENERATION", "FUNDING", "CEASEFIRE_MONITORING", "BINDING_GUARANTEE"];
const today: CardData = {
  ...data,
  commitments: KINDS.map((k, i) =>
    c(`gb-${i}`, k, (["FORMALISED", "ANNOUNCED", "CONDITIONAL_OFFER", "FLOATED", "PARLIAMENT_APPROVED", "DEPLOYED", "RULED_OUT"] as const)[i], {
      title: `The United Kingdom commits to lead the multinational force's ${k.toLowerCase()} component after a ceasefire, subject to a parliamentary vote`,
      conditions: i % 2 ? ["AFTER_CEASEFIRE", "US_BACKSTOP"] : [],
    }),
  ),
};
// ×10-like: about a hundred commitments.
const x10: CardData = { ...data, commitments: Array.from({ length: 104 }, (_, i) => c(`x-${i}`, KINDS[i % KINDS.length], (["FORMALISED", "ANNOUNCED", "FLOATED", "DEPLOYED"] as const)[i % 4])) };

describe("country card", () => {
  it("lists commitments in the matrix's kind order with stage, conditions, how binding, size and sources", () => {
    const l = cardLayout({ ...data, commitments: [c("funding", "FUNDING", "ANNOUNCED"), c("troops", "TROOPS", "FORMALISED")] }, "medium", "en");
    expect(orderCard([c("funding", "FUNDING", "ANNOUNCED"), c("troops", "TROOPS", "FORMALISED")]).map((x) => x.slug)).toEqual(["troops", "funding"]);
    const t = texts(l).map((x) => x.text);
    expect(t.indexOf("Troops / force contribution")).toBeLessThan(t.indexOf("Funding"));
    expect(t).toContain("Formalised (signed)");
    expect(t).toContain("6 Jan 2026 · Conditions: After a ceasefire");
    expect(t).toContain("Size: fewer than 7,500 troops (reported estimate)");
    expect(t).toContain("Political declaration · parliament: vote promised");
    // Lines run top to bottom inside the row.
    const first = texts(l).filter((x) => x.y < l.height / 2 && x.cls !== "bd");
    expect(first.map((x) => x.y)).toEqual([...first.map((x) => x.y)].sort((a, b) => a - b));
    // Outlets that do not fit on two lines are counted, not dropped silently.
    const row = texts(l).filter((x) => x.y < texts(l).find((y) => y.text === "Funding")!.y);
    const linked = row.flatMap((x) => x.links ?? []).filter((x) => x.href.startsWith("https://")).length;
    const more = row.find((x) => /^\+\d+$/.test(x.text));
    expect(linked + (more ? Number(more.text.slice(1)) : 0)).toBe(7);
    expect(cardMeta({ ...data, commitments: [c("t", "TROOPS", "FORMALISED")] }, "en")).toBe("GB · NATO · Coalition participant since 2 Mar 2025 · 1 commitment");
  });

  it("gives Ukrainian stage chips the room Cyrillic takes and counts with Ukrainian plurals", () => {
    const l = cardLayout({ ...data, commitments: [c("troops", "TROOPS", "FORMALISED")] }, "narrow", "uk");
    const label = texts(l).find((x) => x.text === "Оформлено (підписано)")!;
    const chip = l.items.find((x) => x.kind === "rect" && x.cls === "s3")!;
    expect(chip.kind === "rect" && chip.w).toBeGreaterThan(measureText(label.text, label.size, true));
    expect(cardMeta({ ...data, commitments: [c("a", "TROOPS", "FORMALISED"), c("b", "TROOPS", "FORMALISED")] }, "uk")).toContain("2 зобов’язання");
    expect(cardMeta({ ...data, commitments: Array.from({ length: 5 }, (_, i) => c(`a${i}`, "TROOPS", "FORMALISED")) }, "uk")).toContain("5 зобов’язань");
  });

  it("says when an actor has no commitment", () => {
    const l = cardLayout({ ...data, commitments: [] }, "narrow", "uk");
    expect(texts(l).map((x) => x.text)).toContain("На цю дату зобов’язань не зафіксовано.");
    expect(cardMeta({ ...data, commitments: [] }, "uk")).toContain("Учасник коаліції з 2 березня 2025");
  });

  it("narrow stacks kind, stage chip and text; wide puts kind and stage in a left column", () => {
    const n = cardLayout(today, "narrow", "en");
    const kind = texts(n).find((x) => x.text === "Troops / force contribution")!;
    const chip = texts(n).find((x) => x.text === "Formalised (signed)")!;
    const title = texts(n).find((x) => x.href === "/commitments/gb-0")!;
    expect(kind.y).toBeLessThan(chip.y);
    expect(chip.y).toBeLessThan(title.y);
    const w = cardLayout(today, "wide", "en");
    const wTitle = texts(w).find((x) => x.href === "/commitments/gb-0")!;
    expect(wTitle.x).toBeGreaterThanOrEqual(200);
  });

  it(`aggregates above ${CARD_DETAIL_MAX} commitments: one row per kind with counts per stage`, () => {
    const l = cardLayout(x10, "narrow", "en");
    const t = texts(l).map((x) => x.text);
    expect(t).toContain("Troops / force contribution (15)");
    expect(t.some((x) => /^\d+ · Deployed/.test(x))).toBe(true);
    expect(texts(l).filter((x) => x.href?.startsWith("/commitments/")).length).toBeLessThanOrEqual(KINDS.length * 2);
  });

  for (const [label, card] of [["today", today], ["empty", { ...data, commitments: [] as CardCommitment[] }], ["×10", x10]] as const)
    for (const lang of ["en", "uk"] as const)
      for (const w of WIDTH_CLASSES)
        it(`${label}, ${w}, ${lang}: all text ≥ 11 px, no overlaps, no empty band over 15 %`, () => {
          const l = cardLayout(card, w, lang);
          const g = geometry(l);
          const check = checkLegibility(g);
          expect(check, JSON.stringify(check.overlaps.slice(0, 3).map(([a, b]) => [g.texts[a].text, g.texts[b].text]))).toSatisfy(meetsRules);
          expect(g.texts.every((t) => t.x0 >= 0 && t.x1 <= l.width + 0.5), "text inside the frame").toBe(true);
        });
});
