import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { meetsRules } from "@/lib/charts/legibility";
import { CHART_IDS } from "@/lib/embed/model";
import { describeReading, readLegibility } from "./fixtures/legibility";

// The legibility rules (DESIGN.md: text ≥ 11 px as drawn, no overlapping labels, no empty band
// over 15 % of the frame), read from the geometry Chromium rendered, the way a reader's eye would:
// every embed pasted into an article column on another origin at 360, 640 and 1024 px, and every
// chart page at 390 and 1440 px, in both languages.

const EMBED_WIDTHS = [360, 640, 1024] as const;
const PAGE_WIDTHS = [390, 1440] as const;
const LANGS = ["en", "uk"] as const;
const CHART_PAGES = ["/", "/commitments", "/timeline", "/map", "/polls", "/capacity", "/countries/gb"];

const embedPath = (c: string) => (c === "country" ? "/embed/country/gb" : `/embed/${c}`);

/** A host page on another origin: an article column of the given width with the builder's snippet. */
async function hostServer(snippets: Map<string, string>): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://host");
    const snippet = snippets.get(u.searchParams.get("chart") ?? "");
    if (!snippet) return void res.writeHead(404).end();
    const width = Number(u.searchParams.get("width"));
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Article</title></head>` +
        `<body style="margin:0"><article style="width:${width}px"><p>Article text before the chart.</p>${snippet}<p>After.</p></article></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

test.describe("legibility", () => {
  test.skip(({ isMobile }) => isMobile, "the widths are set here; one project is enough");

  for (const lang of LANGS) {
    test(`every embed in an article column at ${EMBED_WIDTHS.join(", ")} px reads (${lang})`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const snippets = new Map<string, string>();
      for (const c of CHART_IDS) {
        const builder = await (await request.get(`/share?chart=${c}${c === "country" ? "&code=gb" : ""}&lang=${lang}`)).text();
        snippets.set(c, unescape(/<textarea[^>]*data-testid="snippet"[^>]*>([^<]*)<\/textarea>/.exec(builder)?.[1] ?? ""));
      }
      const host = await hostServer(snippets);
      const failures: string[] = [];
      try {
        for (const width of EMBED_WIDTHS) {
          await page.setViewportSize({ width: Math.max(width, 360), height: 900 });
          for (const c of CHART_IDS) {
            await page.goto(`${host.url}/?chart=${c}&width=${width}`);
            const iframe = page.locator("iframe");
            const frame = page.frame({ url: (u) => u.pathname.startsWith(embedPath(c)) });
            expect(frame, c).not.toBeNull();
            await frame!.waitForLoadState("load");
            // The resize script gives the frame the embed's natural height.
            await expect
              .poll(async () => Math.abs((await iframe.boundingBox())!.height - (await frame!.evaluate(() => document.querySelector(".sgt")!.getBoundingClientRect().height))), {
                message: `${c} at ${width} px: frame height follows the embed`,
              })
              .toBeLessThan(1.5);
            const r = await readLegibility(frame!, "body", "viewport");
            if (!r || !meetsRules(r)) failures.push(`${embedPath(c)} at ${width} px (${lang}): ${r ? describeReading(r) : "nothing drawn"}`);
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
          await page.goto(`${path}${lang === "uk" ? "?lang=uk" : ""}`);
          const charts = await page.locator("[data-chart]").evaluateAll((els) => els.map((e, i) => ((e as HTMLElement).dataset.legibilityId = String(i))));
          if (path !== "/countries/gb") expect(charts.length, `${path} has a chart`).toBeGreaterThan(0);
          for (const id of charts) {
            const r = await readLegibility(page, `[data-legibility-id="${id}"]`);
            const name = await page.locator(`[data-legibility-id="${id}"]`).getAttribute("data-chart");
            if (r && !meetsRules(r)) failures.push(`${path} ${name} at ${width} px (${lang}): ${describeReading(r)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

