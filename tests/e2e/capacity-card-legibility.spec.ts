// Legibility of the capacity chart and the country card as Chromium draws them: the embeds at
// 360/640/1024 px and the pages' charts at 390/1440 px, in both languages.
import { expect, test } from "@playwright/test";
import { describeReading, readLegibility } from "./fixtures/legibility";

const EMBEDS = ["/embed/capacity", "/embed/country/gb", "/embed/capacity?lang=uk", "/embed/country/gb?lang=uk"];
const PAGES = ["/capacity", "/countries/gb", "/capacity?lang=uk", "/countries/gb?lang=uk"];

for (const width of [360, 640, 1024])
  for (const url of EMBEDS)
    test(`embed ${url} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      const r = await readLegibility(page, "[data-chart]");
      expect(r, url).not.toBeNull();
      console.log(`${url} ${width}: ${describeReading(r!)}`);
      expect(r!.legibleShare, describeReading(r!)).toBe(1);
      expect(r!.overlaps, describeReading(r!)).toEqual([]);
      expect(r!.emptyBand, describeReading(r!)).toBeLessThanOrEqual(0.15);
    });

for (const width of [390, 1440])
  for (const url of PAGES)
    test(`page ${url} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      const r = await readLegibility(page, "[data-chart]");
      expect(r, url).not.toBeNull();
      console.log(`${url} ${width}: ${describeReading(r!)}`);
      expect(r!.legibleShare, describeReading(r!)).toBe(1);
      expect(r!.overlaps, describeReading(r!)).toEqual([]);
      expect(r!.emptyBand, describeReading(r!)).toBeLessThanOrEqual(0.15);
    });
