// The legibility rules (../shared/DESIGN.md, "Charts: how they stay legible") as one pure check
// over boxes: used by the layout unit tests on computed geometry, and by the browser tests and the
// bench on the geometry Chromium actually rendered (tests/e2e/fixtures/legibility.ts collects it).
import { MIN_TEXT_PX } from "./width";

export type Box = { x0: number; y0: number; x1: number; y1: number };
/** A run of text: its box and its font size, both in the same units (layout px or CSS px). */
export type TextBox = Box & { size: number; text?: string };
/** Everything drawn in a frame: the text, and the marks (shapes, bars, areas) that carry data. */
export type Geometry = { width: number; height: number; texts: TextBox[]; marks?: Box[] };

export type Legibility = {
  /** Text runs measured. */
  texts: number;
  /** Share (0–1) of text runs drawn at ≥ 11 px after `scale`. */
  legibleShare: number;
  /** Smallest text size after `scale` (px); Infinity when there is no text. */
  smallest: number;
  /** Pairs of text runs whose boxes overlap as a reader sees them. */
  overlaps: [number, number][];
  /** Tallest horizontal band of the frame with nothing drawn in it, as a share (0–1) of its height. */
  emptyBand: number;
};

/**
 * Boxes overlap as a reader sees them when they share more than a sliver: over 1 px across and
 * over a quarter of the shorter box's height (line boxes of adjacent lines may touch).
 */
export function textsOverlap(a: Box, b: Box): boolean {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 1 && h > 0.25 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
}

/** The tallest uncovered horizontal band of [0, height] (px). */
export function largestEmptyBand(height: number, boxes: readonly Box[]): number {
  const spans = boxes
    .map((b) => [Math.max(0, b.y0), Math.min(height, b.y1)] as const)
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let gap = 0;
  for (const [a, b] of spans) {
    if (a > covered) gap = Math.max(gap, a - covered);
    covered = Math.max(covered, b);
  }
  return Math.max(gap, height - covered);
}

/** Checks a frame's geometry against the rules, with everything multiplied by `scale` (SVG scaling). */
export function checkLegibility(g: Geometry, scale = 1): Legibility {
  const texts = g.texts.filter((t) => t.x1 > t.x0 && t.y1 > t.y0);
  const sizes = texts.map((t) => t.size * scale);
  // Sizes are compared after rounding to 0.01 px: 11 px text scaled by 1.0000001 is 11 px.
  const legible = sizes.filter((s) => Math.round(s * 100) / 100 >= MIN_TEXT_PX).length;
  const overlaps: [number, number][] = [];
  const order = texts.map((t, i) => i).sort((i, j) => texts[i].x0 - texts[j].x0);
  for (let a = 0; a < order.length; a++) {
    const A = texts[order[a]];
    for (let b = a + 1; b < order.length; b++) {
      const B = texts[order[b]];
      if (B.x0 >= A.x1) break;
      if (textsOverlap(A, B)) overlaps.push([order[a], order[b]]);
    }
  }
  const band = g.height > 0 ? largestEmptyBand(g.height, [...texts, ...(g.marks ?? [])]) / g.height : 0;
  return {
    texts: texts.length,
    legibleShare: texts.length ? legible / texts.length : 1,
    smallest: sizes.length ? Math.min(...sizes) : Infinity,
    overlaps,
    emptyBand: band,
  };
}

/** True when a check meets every rule (100 % legible text, no overlaps, no band over 15 %). */
export function meetsRules(l: Legibility, maxBand = 0.15): boolean {
  return l.legibleShare === 1 && l.overlaps.length === 0 && l.emptyBand <= maxBand;
}
