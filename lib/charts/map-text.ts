// Text and box helpers shared by the map layouts: every text run a map draws is a MapText whose box
// is estimated with measure() (generous), so layouts can avoid overlaps and tests can check them.
import { measure } from "@/lib/embed/layout/measure";
import type { Box, TextBox } from "./legibility";

/** A text run as drawn: baseline position, anchor, size, a style class, and its estimated box. */
export type MapText = TextBox & {
  text: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  cls: string;
  bold?: boolean;
  /** The whole text when `text` was shortened (shown as a <title>). */
  full?: string;
};

/** A text run with its box estimated from its baseline position. */
export function mapText(text: string, x: number, y: number, size: number, cls: string, anchor: MapText["anchor"] = "start", bold = false, full?: string): MapText {
  // Whole pixels: text positions need no finer grain, and the markup stays small.
  x = Math.round(x);
  y = Math.round(y);
  const w = measure(text, size, bold);
  const x0 = anchor === "start" ? x : anchor === "middle" ? x - w / 2 : x - w;
  return { text, x: Math.round(x), y: Math.round(y), size, cls, anchor, bold, full, x0, x1: x0 + w, y0: y - size * 0.8, y1: y + size * 0.25 };
}

/** Shortens `text` with an ellipsis until it fits `width` px at `size`. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (measure(text, size, bold) <= width) return text;
  let t = text;
  while (t.length > 1 && measure(`${t}…`, size, bold) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

/** Greedy word wrap to `width` px at `size` (a word longer than a line is shortened). */
export function wrapPx(text: string, width: number, size: number, bold = false): string[] {
  const out: string[] = [];
  let cur = "";
  for (const w of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${w}` : w;
    if (measure(next, size, bold) <= width || !cur) cur = next;
    else {
      out.push(cur);
      cur = w;
    }
  }
  if (cur) out.push(cur);
  return out.map((l) => fitText(l, width, size, bold));
}

/** True when two boxes intersect, with `pad` px of clearance. */
export function hits(a: Box, b: Box, pad = 1): boolean {
  return a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;
}

/** True when `a` lies inside `frame`. */
export function inside(a: Box, frame: Box): boolean {
  return a.x0 >= frame.x0 && a.x1 <= frame.x1 && a.y0 >= frame.y0 && a.y1 <= frame.y1;
}

/** Rounds to one decimal (coordinates shipped in HTML). */
export const r1 = (v: number) => Math.round(v * 10) / 10;
