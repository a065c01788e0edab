import { describe, expect, it } from "vitest";
import {
  KIND_ORDER,
  buildMatrix,
  layoutMatrixChart,
  LIST_MAX_H,
  layoutList,
  matrixGeometry,
  matrixLayouts,
  pageOf,
  textBox,
  type CommitmentRecord,
  type PlacedMatrix,
} from "@/lib/charts/commitment-matrix";
import { checkLegibility } from "@/lib/charts/legibility";
import { WIDTH, WIDTH_CLASSES } from "@/lib/charts/width";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";

// Synthetic data only: names shaped like the seed's (long English and Ukrainian ones included).
const NAMES: [string, string][] = [
  ["United Kingdom", "Велика Британія"],
  ["France", "Франція"],
  ["United States", "Сполучені Штати Америки"],
  ["European Union", "Європейський Союз"],
  ["Coalition of the Willing", "Коаліція охочих"],
  ["New Zealand", "Нова Зеландія"],
  ["Germany", "Німеччина"],
  ["Netherlands", "Нідерланди"],
];
const STAGES: LifecycleStage[] = ["FLOATED", "ANNOUNCED", "CONDITIONAL_OFFER", "FORMALISED", "PARLIAMENT_APPROVED", "DEPLOYED", "RULED_OUT", "WITHDRAWN"];

function dataset(actors: number, commitments: number): CommitmentRecord[] {
  const out: CommitmentRecord[] = [];
  for (let i = 0; i < commitments; i++) {
    const a = i % actors;
    const [name, nameUk] = NAMES[a % NAMES.length];
    out.push({
      slug: `c-${i}`,
      title: `Commitment ${i}`,
      kind: KIND_ORDER[(Math.floor(i / actors) + a * 5) % KIND_ORDER.length],
      actor: { slug: `a-${a}`, name: a < NAMES.length ? name : `${name} ${a}`, nameUk: a < NAMES.length ? nameUk : `${nameUk} ${a}`, iso2: null, groups: ["NATO"] },
      conditions: i % 3 ? ["AFTER_CEASEFIRE"] : [],
      legalForm: "STATEMENT",
      parliamentaryApproval: "UNKNOWN",
      quantityLow: null,
      quantityHigh: null,
      quantityUnit: null,
      quantityQualifier: null,
      quantityBasis: null,
      confidence: i % 5 ? "HIGH" : "LOW",
      singleSource: i % 11 === 0,
      stages: [{ stage: STAGES[i % STAGES.length], date: new Date(Date.UTC(2025, i % 12, 1 + (i % 27))), datePrecision: "DAY" }],
      sources: [{ url: `https://example.org/${i}`, outlet: "Example", originalOutlet: null }],
    });
  }
  return out;
}

const asOf = new Date("2026-11-28T23:59:59Z");
const TODAY_LIKE = buildMatrix(dataset(25, 51), { asOf });
const X10 = buildMatrix(dataset(51, 5000), { asOf });
const EMPTY = buildMatrix([], { asOf });

function expectLegible(p: PlacedMatrix) {
  const l = checkLegibility(matrixGeometry(p));
  expect(l.legibleShare).toBe(1);
  expect(l.smallest).toBeGreaterThanOrEqual(11);
  expect(l.overlaps.map(([a, b]) => [textBox(all(p)[a]).text, textBox(all(p)[b]).text])).toEqual([]);
  expect(l.emptyBand).toBeLessThanOrEqual(0.15);
  // Everything inside the frame.
  for (const t of matrixGeometry(p).texts) {
    expect(t.x0).toBeGreaterThanOrEqual(-0.5);
    expect(t.x1).toBeLessThanOrEqual(p.w + 0.5);
    expect(t.y1).toBeLessThanOrEqual(p.h + 0.5);
  }
  for (const c of p.cells) {
    expect(c.x + c.w).toBeLessThanOrEqual(p.w);
    expect(measure(c)).toBeLessThanOrEqual(c.w);
  }
  return l;
}
const all = (p: PlacedMatrix) => [...p.texts, ...p.cells.map((c) => c.label)];
const measure = (c: PlacedMatrix["cells"][number]) => textBox(c.label).x1 - textBox(c.label).x0;

describe("matrix chart layouts", () => {
  for (const lang of ["en", "uk"] as const) {
    for (const w of WIDTH_CLASSES) {
      it(`${w} (${lang}) is legible for today-like, empty and ×10 data`, () => {
        for (const m of [TODAY_LIKE, EMPTY, X10]) {
          const p = layoutMatrixChart(m, w, lang);
          expect(p.w).toBe(WIDTH[w].design);
          expectLegible(p);
        }
      });
    }
  }

  it("changes form on phones: a list of actors with a chip per kind", () => {
    const l = matrixLayouts(TODAY_LIKE, "en");
    expect(l.narrow.form).toBe("list");
    expect(l.medium.form).toBe("grid");
    expect(l.wide.form).toBe("grid");
    // One chip or cell per actor and kind, in every class.
    const n = TODAY_LIKE.rows.reduce((s, r) => s + Object.keys(r.cells).length, 0);
    expect(l.narrow.cells).toHaveLength(n);
    expect(l.medium.cells).toHaveLength(n);
    expect(l.wide.cells).toHaveLength(n);
    expect(l.narrow.cells[0].label.text).toMatch(/^[A-Z].* · [A-Z]{2}/);
  });

  it("counts many commitments of a kind in one cell, with the strongest stage", () => {
    const l = layoutMatrixChart(X10, "wide", "en");
    expect(l.cells).toHaveLength(51 * 12);
    const cell = l.cells[0];
    expect(cell.count).toBeGreaterThan(1);
    expect(cell.label.text).toMatch(/^[A-Z]{2} ×\d+$/);
    expect(cell.name).toMatch(/\d+ commitments; strongest: /);
    // Ukrainian codes and counts.
    expect(layoutMatrixChart(X10, "medium", "uk").cells[0].label.text).toMatch(/^[А-ЯІЇЄ]{2} ×\d+$/);
    expect(layoutMatrixChart(buildMatrix(dataset(2, 40), { asOf }), "narrow", "uk").cells.some((c) => / · [А-ЯІЇЄ]{2} ×\d+$/.test(c.label.text))).toBe(true);
  });

  it("on phones, counts each actor's commitments by stage when a chip per kind would scroll on for screens", () => {
    for (const lang of ["en", "uk"] as const) {
      const l = layoutMatrixChart(X10, "narrow", lang);
      expect(l.form).toBe("list");
      // Far shorter than a chip per kind (over LIST_MAX_H here), a few lines per actor.
      expect(layoutList(X10, "narrow", lang).h).toBeGreaterThan(LIST_MAX_H);
      expect(l.h).toBeLessThan(layoutList(X10, "narrow", lang).h / 2);
      expect(l.h / X10.rows.length).toBeLessThan(80);
      expectLegible(l);
      // Every actor is there, each chip a stage and its count, adding up to the actor's total.
      expect(l.rows).toHaveLength(X10.rows.length);
      const sums = new Map<number, number>();
      for (const c of l.cells) sums.set(c.row, (sums.get(c.row) ?? 0) + c.count);
      X10.rows.forEach((r, i) => expect(sums.get(i)).toBe(r.count));
      expect(l.cells[0].label.text).toMatch(/^[A-ZА-ЯІЇЄ]{2} \d+$/);
    }
    // Today's few commitments keep a chip per kind.
    expect(layoutMatrixChart(TODAY_LIKE, "narrow", "en").cells.some((c) => c.label.text.includes(" · "))).toBe(true);
  });
});

describe("cells and rows", () => {
  const actor = (slug: string, name: string) => ({ slug, name, nameUk: null, iso2: slug.toUpperCase(), groups: ["NATO" as const] });
  const GB = actor("gb", "United Kingdom");
  const FR = actor("fr", "France");
  const rec = (slug: string, a: ReturnType<typeof actor>, kind: CommitmentRecord["kind"], stage: LifecycleStage, extra: Partial<CommitmentRecord> = {}): CommitmentRecord => ({
    ...dataset(1, 1)[0],
    slug,
    actor: a,
    kind,
    confidence: "HIGH",
    singleSource: false,
    conditions: [],
    stages: [{ stage, date: new Date("2025-06-01T00:00:00Z"), datePrecision: "DAY" }],
    ...extra,
  });
  const m = buildMatrix(
    [
      rec("gb-troops", GB, "TROOPS", "FORMALISED"),
      rec("gb-troops-2", GB, "TROOPS", "FLOATED"),
      rec("fr-hub", FR, "MILITARY_HUB", "ANNOUNCED", { singleSource: true }),
      rec("fr-later", FR, "FUNDING", "DEPLOYED", { stages: [{ stage: "DEPLOYED", date: new Date("2026-01-01T00:00:00Z"), datePrecision: "DAY" }] }),
    ],
    { asOf: new Date("2025-12-31T23:59:59Z") },
  );

  it("draws the strongest stage's code and counts the others; a weak record is marked", () => {
    for (const w of WIDTH_CLASSES) {
      const l = layoutMatrixChart(m, w, "en");
      expect(l.rows.map((r) => r.name)).toEqual(["France", "United Kingdom: 2 commitments, 1 kind; strongest stage: Formalised (signed)"]);
      const [fr, gb] = [l.cells.find((c) => c.row === 0)!, l.cells.find((c) => c.row === 1)!];
      expect(gb.label.text).toMatch(/FO ×2$/);
      expect(gb.count).toBe(2);
      expect(gb.name).toBe("United Kingdom, Troops / force contribution: 2 commitments; strongest: Formalised (signed)");
      // Several of a kind: the row links to the actor's page; a single one to its commitment.
      expect(l.rows[1].link).toEqual({ actor: "gb" });
      expect(l.rows[0].link).toBeNull();
      expect([fr.label.text.endsWith("AN"), fr.weak, fr.link]).toEqual([true, true, { commitment: "fr-hub" }]);
      expect(fr.name).toContain("France, Military hub: Announced (1 Jun 2025)");
    }
    expect(layoutMatrixChart(m, "wide", "uk").cells.find((c) => c.row === 1)!.label.text).toBe("ОФ ×2");
    // Columns: only kinds with something to show, in the fixed order.
    const wide = layoutMatrixChart(m, "wide", "en");
    expect(wide.texts.filter((t) => t.muted && t.anchor === "middle").map((t) => t.text)).toEqual(["Troops", "Military hub"]);
  });

  it("keeps headings apart when a word is wider than its column, in both languages", () => {
    for (const lang of ["en", "uk"] as const) {
      for (const w of ["medium", "wide"] as const) {
        const l = layoutMatrixChart(X10, w, lang);
        const heads = l.texts.filter((t) => t.muted && t.anchor === "middle").map(textBox);
        expect(heads.length).toBeGreaterThanOrEqual(12);
        for (let i = 0; i < heads.length; i++) for (let j = i + 1; j < heads.length; j++) expect(overlap(heads[i], heads[j])).toBe(false);
      }
    }
  });
});

const overlap = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;

describe("pageOf", () => {
  const rows = Array.from({ length: 250 }, (_, i) => i);
  it("cuts the table into pages of 100 with stable numbers; a page past the last is null", () => {
    expect(pageOf(rows, 1)).toMatchObject({ page: 1, pages: 3, total: 250, from: 0 });
    expect(pageOf(rows, 3)!.rows).toEqual(rows.slice(200));
    expect(pageOf(rows, 4)).toBeNull();
    // An empty table still has its first page.
    expect(pageOf([], 1)).toMatchObject({ page: 1, pages: 1, total: 0, rows: [] });
    expect(pageOf([], 2)).toBeNull();
  });
});
