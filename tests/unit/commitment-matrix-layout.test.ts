import { describe, expect, it } from "vitest";
import {
  KIND_ORDER,
  buildMatrix,
  layoutMatrixChart,
  matrixGeometry,
  matrixLayouts,
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
    expect(layoutMatrixChart(X10, "narrow", "uk").cells[0].label.text).toMatch(/ · [А-ЯІЇЄ]{2} ×\d+$/);
  });
});
