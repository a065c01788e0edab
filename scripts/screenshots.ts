// npm run screenshots -- [base URL]  (default http://localhost:3000, a running `npm start`)
// Writes docs/images/<view>-<360|1440>-<light|dark>.png: each view's chart as a reader sees it in a
// phone's column and on a wide screen, in both themes, in Debian's Chromium (README links them).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const VIEWS: [name: string, path: string][] = [
  ["overview", "/"],
  ["commitments", "/commitments"],
  ["timeline", "/timeline"],
  ["map", "/map"],
  ["polls", "/polls"],
  ["capacity", "/capacity"],
  ["country", "/countries/gb"],
  ["countries", "/countries"],
];
const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const out = path.resolve(import.meta.dirname, "../docs/images");
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [360, 1440]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, route] of VIEWS) {
        await page.goto(base + route, { waitUntil: "load" });
        // The first chart with what introduces it (its section), or the page's top when it has none.
        const chart = page.locator("[data-chart]").first();
        const target = (await chart.count()) ? chart.locator("xpath=ancestor-or-self::section[1]") : page.locator("main");
        const el = (await target.count()) ? target.first() : chart;
        const file = path.join(out, `${name}-${width}-${scheme}.png`);
        const box = await el.boundingBox();
        // Long sections are cut at 2.2 screens, so the images stay small.
        await page.screenshot({ path: file, clip: box ? { x: 0, y: box.y, width, height: Math.min(box.height, 900 * 2.2) } : undefined, fullPage: Boolean(box) });
        process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
