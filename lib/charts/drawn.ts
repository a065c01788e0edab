// A layout as a flat list of what is drawn (text runs and rectangles) in layout px, so the
// renderer only maps it to SVG and the unit tests check the same geometry with checkLegibility.
import { measure as estimate } from "@/lib/embed/layout/measure";
import type { Box, Geometry, TextBox } from "./legibility";

// Wide system fonts (DejaVu Sans, the Linux fallback for system-ui) run about 8 % wider than the
// shared estimate in bold: every width here gets that margin, so text never runs past its box.
const measure = (text: string, size: number, bold = false) => estimate(text, size, bold) * 1.1;

/** Width in layout px a text run is given (the shared estimate with the margin above). */
export const measureText = measure;

/** One run of text; `y` is its baseline. `title` is the full text when `text` was shortened. */
export type DrawnText = {
  kind: "text";
  x: number;
  y: number;
  size: number;
  text: string;
  cls: string;
  bold?: boolean;
  anchor?: "start" | "end";
  href?: string;
  title?: string;
  /** Runs after `text` on the same line, each a link (drawn as tspans, so spacing is the font's own). */
  links?: { text: string; href: string }[];
};
/** A rectangle (bar, track, badge, rule); `title` names what it shows for hover and readers. */
export type DrawnRect = { kind: "rect"; x: number; y: number; w: number; h: number; cls: string; rx?: number; title?: string };
export type Drawn = DrawnText | DrawnRect;
export type DrawnLayout = { width: number; height: number; items: Drawn[] };

/** The box a text run takes: estimated advance, from ascender to descender around the baseline. */
export function textBox(t: DrawnText): TextBox {
  const full = t.text + (t.links ?? []).map((l) => l.text).join("");
  const w = measure(full, t.size, t.bold);
  const x0 = t.anchor === "end" ? t.x - w : t.x;
  return { x0, x1: x0 + w, y0: t.y - 0.92 * t.size, y1: t.y + 0.26 * t.size, size: t.size, text: full };
}

/** The geometry checkLegibility reads: every text box and every rectangle. */
export function geometry(l: DrawnLayout): Geometry {
  const texts: TextBox[] = [];
  const marks: Box[] = [];
  for (const d of l.items) {
    if (d.kind === "text") texts.push(textBox(d));
    else marks.push({ x0: d.x, x1: d.x + d.w, y0: d.y, y1: d.y + d.h });
  }
  return { width: l.width, height: l.height, texts, marks };
}

/** `text` cut to fit `width` px at `size`, with an ellipsis (the caller keeps the full text as a title). */
export function fit(text: string, width: number, size: number, bold = false): string {
  if (measure(text, size, bold) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + "…", size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + "…";
}

/** Words of `text` wrapped into lines no wider than `width` px at `size` (a long word is cut with fit). */
export function wrapPx(text: string, width: number, size: number, bold = false, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let cur = "";
  // Ordinary spaces only: a no-break space (Ukrainian digit groups, "8 000") keeps its words together.
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (measure(next, size, bold) <= width || !cur) cur = next;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur) lines.push(cur);
  const out = lines.map((l) => fit(l, width, size, bold));
  if (out.length > maxLines) {
    const kept = out.slice(0, maxLines);
    kept[maxLines - 1] = fit(`${kept[maxLines - 1]} ${out.slice(maxLines).join(" ")}`, width, size, bold);
    return kept;
  }
  return out;
}
