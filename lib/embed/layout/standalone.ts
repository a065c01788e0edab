// Layout of a chart as one self-contained SVG (the SVG and PNG downloads, and the 1200 × 630
// social image): title, description, status, the chart scaled into its box, legend, notes,
// source line and the live view's address. Text is wrapped by an estimated glyph width that is
// generous enough for the wide fonts a server has (DejaVu Sans), Cyrillic included.
import { truncate, wrap } from "@/lib/charts/timeline";
import type { EmbedModel, LegendItem } from "../model";
import { measure } from "./measure";

export type TextBlock = { lines: string[]; y: number; size: number; lineH: number };
export type StandaloneLayout = {
  width: number;
  height: number;
  pad: number;
  title: TextBlock;
  desc: TextBlock | null;
  status: TextBlock | null;
  chart: { x: number; y: number; width: number; height: number };
  legend: { x: number; y: number; item: LegendItem }[];
  legendSize: number;
  notes: TextBlock | null;
  source: TextBlock;
  url: TextBlock;
};

const EM = 0.6;
const chars = (width: number, size: number) => Math.max(10, Math.floor(width / (size * EM)));

function block(text: string, width: number, y: number, size: number, maxLines: number, lineH = Math.round(size * 1.35)): TextBlock {
  return { lines: wrap(text, chars(width, size), maxLines), y: y + size, size, lineH };
}
const bottomOf = (b: TextBlock | null, y: number) => (b ? b.y + (b.lines.length - 1) * b.lineH + Math.round(b.size * 0.45) : y);

function flowLegend(items: LegendItem[], x0: number, width: number, y0: number, size: number, maxRows: number) {
  const out: StandaloneLayout["legend"] = [];
  let x = x0;
  let y = y0;
  let row = 0;
  for (const item of items) {
    const w = 20 + measure(item.label, size) + 16;
    if (x > x0 && x + w > x0 + width) {
      if (++row >= maxRows) break;
      x = x0;
      y += Math.round(size * 1.6);
    }
    out.push({ x: Math.round(x), y, item });
    x += w;
  }
  return { items: out, bottom: out.length ? y + size : y0 };
}

/** The download layout: the chart at its own size (at most 1,100 px wide), text wrapped around it. */
export function layoutDownload(m: Pick<EmbedModel, "title" | "description" | "legend" | "notes"> & { size: { width: number; height: number } }, o: { status: string | null; source: string; url: string }): StandaloneLayout {
  const pad = 24;
  const width = Math.round(Math.min(1100, Math.max(560, m.size.width + 2 * pad)));
  const inner = width - 2 * pad;
  const title = block(m.title, inner, pad - 4, 20, 3, 25);
  const desc = block(m.description, inner, bottomOf(title, 0) + 6, 13, 5);
  const status = o.status ? block(o.status, inner, bottomOf(desc, 0) + 4, 12, 2) : null;
  const scale = Math.min(1, inner / m.size.width);
  const cw = m.size.width * scale;
  const ch = m.size.height * scale;
  const chart = { x: pad + (inner - cw) / 2, y: bottomOf(status ?? desc, 0) + 12, width: cw, height: ch };
  const legend = flowLegend(m.legend, pad, inner, chart.y + ch + 12, 12, 6);
  // Each note is its own paragraph (wrapped on its own), separated by a little space.
  const notes = m.notes.length
    ? { lines: m.notes.flatMap((n) => wrap(n, chars(inner, 11.5), 4)), y: legend.bottom + 8 + 11.5, size: 11.5, lineH: 16 }
    : null;
  const source = block(o.source, inner, bottomOf(notes, legend.bottom) + 8, 11.5, 4, 16);
  const url = block(o.url, inner, bottomOf(source, 0) + 2, 11.5, 2, 16);
  return { width, height: Math.ceil(bottomOf(url, 0) + pad - 6), pad, title, desc, status, chart, legend: legend.items, legendSize: 12, notes, source, url };
}

/**
 * The 1200 × 630 social image. Wide charts: title and description above, the chart fitted below,
 * legend and source at the bottom. Tall charts (maps, polls, cards): the text in a left column
 * and the chart fitted on the right, so it is not shrunk to a strip.
 */
export function layoutSocial(m: Pick<EmbedModel, "title" | "description" | "legend"> & { size: { width: number; height: number } }, o: { status: string | null; source: string; url: string }): StandaloneLayout {
  const width = 1200;
  const height = 630;
  const pad = 44;
  const url = { lines: [], y: height, size: 16, lineH: 20 };
  const fit = (box: { x: number; y: number; w: number; h: number }) => {
    const scale = Math.min(2, box.w / m.size.width, box.h / m.size.height);
    const w = m.size.width * scale;
    const h = m.size.height * scale;
    return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, width: w, height: h };
  };
  if (m.size.height / m.size.width > 0.75) {
    const col = 430;
    const title = block(m.title, col, pad - 8, 32, 3, 38);
    const desc = block(m.description, col, bottomOf(title, 0) + 10, 18, 7, 24);
    const status = o.status ? block(o.status, col, bottomOf(desc, 0) + 6, 16, 2, 20) : null;
    const source = block(o.source, col, 0, 15, 4, 19);
    source.y = height - pad + 4 - (source.lines.length - 1) * source.lineH;
    const legend = flowLegend(m.legend, pad, col, bottomOf(status ?? desc, 0) + 30, 16, 4);
    const chart = fit({ x: pad + col + 36, y: pad - 12, w: width - 2 * pad - col - 36, h: height - 2 * pad + 24 });
    return { width, height, pad, title, desc, status, chart, legend: legend.items, legendSize: 16, notes: null, source, url };
  }
  // The chart gets the room: one line of title, at most two of description.
  const inner = width - 2 * pad;
  const title = { lines: [truncate(m.title, chars(inner, 32))], y: pad - 8 + 32, size: 32, lineH: 38 };
  const desc = block(m.description, inner, bottomOf(title, 0) + 6, 17, 2, 22);
  const status = o.status ? block(o.status, inner, bottomOf(desc, 0) + 4, 16, 1) : null;
  const source = { lines: [truncate(o.source, chars(inner, 16))], y: height - pad + 4, size: 16, lineH: 20 };
  const legendY = source.y - 16 - 30;
  const top = bottomOf(status ?? desc, 0) + 14;
  const chart = fit({ x: pad, y: top, w: inner, h: legendY - 12 - top });
  const legend = flowLegend(m.legend, pad, inner, legendY, 16, 1);
  return { width, height, pad, title, desc, status, chart, legend: legend.items, legendSize: 16, notes: null, source, url };
}
