// The height an embed snippet declares, so the host page reserves the space before the embed
// loads (no layout shift). The embed is a full-height column whose chart box takes whatever
// height the text leaves and scales the SVG to fit it (never scrolls, never overflows); the
// declared height is the one at which, in a 640 px article column, the chart is shown at full
// width (at most its own): the text's estimated height plus the chart's height at that width.
import { widthClassOf } from "@/lib/charts/width";
import { measure } from "./layout/measure";
import type { EmbedModel } from "./model";

/** Width of the article column the height is computed for (CSS px). */
export const REFERENCE_WIDTH = 640;

// The embed's CSS (lib/embed/document.ts FRAME_CSS): padding, gaps, font sizes and line heights.
const F = { padX: 24, padY: 18, gap: 4, title: [17, 21.25], desc: [13, 18.2], status: [12, 16.8], legend: [12, 16.2], note: [11.5, 15.5], footer: [11.5, 15.5] } as const;
// Lines a paragraph takes: its estimated width (lib/embed/layout/measure.ts, generous, so text
// rarely takes more lines than estimated) over the column, plus a little for word breaks.
function lines(text: string, size: number, width: number): number {
  if (!text) return 0;
  return Math.max(1, Math.ceil((measure(text, size) * 1.04) / width));
}

function legendRows(labels: string[], width: number): number {
  let rows = labels.length ? 1 : 0;
  let x = 0;
  for (const l of labels) {
    const w = 14 + 5 + measure(l, F.legend[0]) + 12;
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

/**
 * The height (px, rounded up to 10) for an embed at a column width: its text blocks, the legend,
 * and the chart at that width.
 */
export function declaredHeight(
  m: Pick<EmbedModel, "title" | "description" | "sizes" | "legend" | "notes">,
  o: { title: boolean; notes: boolean; status: string | null; sourceLine: string; liveLabel: string },
  width = REFERENCE_WIDTH,
): number {
  const size = m.sizes[widthClassOf(width - F.padX)];
  const inner = width - F.padX;
  const blocks: number[] = [];
  if (o.title) blocks.push(lines(m.title, F.title[0], inner) * F.title[1]);
  if (o.notes) blocks.push(lines(m.description, F.desc[0], inner) * F.desc[1]);
  if (o.status) blocks.push(lines(o.status, F.status[0], inner) * F.status[1]);
  // The chart is drawn as wide as the column, but never wider than its own size.
  const chart = Math.min(size.height * (inner / size.width), 2400);
  blocks.push(chart);
  const legend = legendRows(m.legend.map((l) => l.label), inner);
  if (legend) blocks.push(legend * F.legend[1]);
  if (o.notes) for (const n of m.notes) blocks.push(lines(n, F.note[0], inner) * F.note[1]);
  // The footer leaves room on its right for the "Data table" disclosure.
  blocks.push(lines(`${o.sourceLine}. ${o.liveLabel} ↗`, F.footer[0], inner - 86) * F.footer[1]);
  const total = F.padY + blocks.reduce((a, b) => a + b, 0) + F.gap * (blocks.length - 1);
  return Math.ceil((total + 6) / 10) * 10;
}
