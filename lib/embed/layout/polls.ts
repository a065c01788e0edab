// Polls by country for embeds and images: one dot plot per question wording (never pooled), a row
// per poll, support and opposition on a 0–100 % track. The rows and marks are lib/charts/polls
// dotPlot(), the same as on /polls; this only fixes them to pixel coordinates.
import { classesWithData, dotPlot, type DotMark, type PollRecord } from "@/lib/charts/polls";
import { truncate } from "@/lib/charts/timeline";
import type { WordingClass } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { WORDING } from "@/lib/i18n/labels";
import { EMBED } from "@/lib/i18n/messages/embed";

export type PlacedMark = { x: number; label: string; anchor: "start" | "end"; dx: number };
export type PollRowPlaced = { slug: string; y: number; country: string | null; meta: string; rule: boolean; support: PlacedMark | null; oppose: PlacedMark | null; name: string };
export type PollSection = { wordingClass: WordingClass; title: string; y: number; tickY: number; rows: PollRowPlaced[] };
export type PollsLayout = {
  width: number;
  height: number;
  track: { x0: number; x1: number };
  ticks: { x: number; label: string }[];
  sections: PollSection[];
};

const G = { width: 640, labelW: 214, x0: 244, x1: 612, headH: 22, tickH: 18, rowH: 30, gap: 14 };

/** Lays out every wording class that has polls, in the fixed order of the classes. */
export function layoutPolls(polls: readonly PollRecord[], countryName: (iso2: string) => string, lang: Lang): PollsLayout {
  const x = (v: number) => Math.round((G.x0 + ((G.x1 - G.x0) * v) / 100) * 10) / 10;
  const mark = (m: DotMark | null): PlacedMark | null => (m ? { x: x(m.x), label: m.label, anchor: m.anchor, dx: m.dx } : null);
  const T = EMBED.table;
  const sections: PollSection[] = [];
  let y = 0;
  for (const wc of classesWithData(polls)) {
    const plot = dotPlot(wc, polls);
    const top = y;
    const tickY = top + G.headH + 12;
    let rowY = top + G.headH + G.tickH;
    const rows = plot.rows.map((r) => {
      const country = countryName(r.iso2);
      const placed: PollRowPlaced = {
        slug: r.slug,
        y: rowY,
        country: r.firstOfCountry ? truncate(country, 30) : null,
        meta: truncate(`${r.pollster} · ${r.fieldwork}`, 36),
        rule: r.firstOfCountry,
        support: mark(r.support),
        oppose: mark(r.oppose),
        name: `${country}, ${r.pollster}, ${r.fieldwork}: ${T.support[lang].toLowerCase()} ${r.support?.label ?? "–"}, ${T.oppose[lang].toLowerCase()} ${r.oppose?.label ?? "–"}`,
      };
      rowY += G.rowH;
      return placed;
    });
    sections.push({ wordingClass: wc, title: WORDING[wc][lang], y: top, tickY, rows });
    y = rowY + G.gap;
  }
  const ticks = [0, 25, 50, 75, 100].map((v) => ({ x: x(v), label: `${v}%` }));
  return { width: G.width, height: Math.max(40, y - G.gap + 4), track: { x0: G.x0, x1: G.x1 }, ticks, sections };
}
