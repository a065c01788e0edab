// Legibility on the served app (DESIGN.md's rules), per chart and width class: each embed in an
// article column on another origin at 360, 640 and 1024 px, each chart page at 390 and 1440 px,
// read in Debian's Chromium with the same probe as the end-to-end spec (tests/e2e/legibility.spec.ts).
import { chromium } from "@playwright/test";
import { CHART_IDS } from "../../../lib/embed/model";
import { CHART_PAGES, EMBED_WIDTHS, PAGE_WIDTHS, builderSnippet, embedPath, readEmbed, readPageCharts, startHost, type Reading } from "../../../tests/e2e/fixtures/legibility";

export type LegibilityRow = {
  chart: string;
  width: number;
  /** Share (0–1) of text at ≥ 11 px; smallest text (px); overlapping pairs; largest empty band (0–1). */
  legible: number;
  smallest: number;
  overlaps: number;
  emptyBand: number;
};

const row = (chart: string, width: number, r: Reading): LegibilityRow => ({
  chart,
  width,
  legible: r.legibleShare,
  smallest: r.smallest,
  overlaps: r.overlaps.length,
  emptyBand: r.emptyBand,
});

/** Every embed and chart page of the app at `base`, in English. */
export async function measureLegibility(base: string): Promise<LegibilityRow[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const rows: LegibilityRow[] = [];
  try {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    const snippets = new Map<string, string>();
    for (const c of CHART_IDS) snippets.set(c, await builderSnippet(context.request, c, "en"));
    const host = await startHost(snippets);
    try {
      for (const c of CHART_IDS) {
        for (const width of EMBED_WIDTHS) {
          await page.setViewportSize({ width: Math.max(width, 360), height: 900 });
          const r = await readEmbed(page, host.url, c, width);
          rows.push(r ? row(embedPath(c), width, r) : { chart: embedPath(c), width, legible: NaN, smallest: NaN, overlaps: NaN, emptyBand: NaN });
        }
      }
    } finally {
      host.close();
    }
    for (const path of CHART_PAGES) {
      for (const width of PAGE_WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const { chart, reading } of await readPageCharts(page, path)) rows.push(row(`${path} ${chart}`, width, reading));
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
