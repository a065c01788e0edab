import { expect, test } from "@playwright/test";
import { meetsRules } from "@/lib/charts/legibility";
import { CHART_IDS } from "@/lib/embed/model";
import { CHART_PAGES, EMBED_WIDTHS, PAGE_WIDTHS, builderSnippet, describeReading, embedPath, readEmbed, readPageCharts, startHost } from "./fixtures/legibility";

// The legibility rules (DESIGN.md: text ≥ 11 px as drawn, no overlapping labels, no empty band
// over 15 % of the frame), read from the geometry Chromium rendered, the way a reader's eye would:
// every embed pasted into an article column on another origin at 360, 640 and 1024 px, and every
// chart page at 390 and 1440 px, in both languages.

test.describe("legibility", () => {
  test.skip(({ isMobile }) => isMobile, "the widths are set here; one project is enough");

  for (const lang of ["en", "uk"] as const) {
    test(`every embed in an article column at ${EMBED_WIDTHS.join(", ")} px reads (${lang})`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const snippets = new Map<string, string>();
      for (const c of CHART_IDS) snippets.set(c, await builderSnippet(request, c, lang));
      const host = await startHost(snippets);
      const failures: string[] = [];
      try {
        for (const width of EMBED_WIDTHS) {
          await page.setViewportSize({ width: Math.max(width, 360), height: 900 });
          for (const c of CHART_IDS) {
            const r = await readEmbed(page, host.url, c, width);
            if (!r || !meetsRules(r)) failures.push(`${embedPath(c)} at ${width} px (${lang}): ${r ? describeReading(r) : "the frame did not take the embed's height"}`);
          }
        }
      } finally {
        host.close();
      }
      expect(failures).toEqual([]);
    });

    test(`every chart page at ${PAGE_WIDTHS.join(" and ")} px reads (${lang})`, async ({ page }) => {
      test.setTimeout(180_000);
      const failures: string[] = [];
      for (const width of PAGE_WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const path of CHART_PAGES) {
          const charts = await readPageCharts(page, `${path}${lang === "uk" ? "?lang=uk" : ""}`);
          expect(charts.length, `${path} has a chart`).toBeGreaterThan(0);
          for (const { chart, reading } of charts) if (!meetsRules(reading)) failures.push(`${path} ${chart} at ${width} px (${lang}): ${describeReading(reading)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
