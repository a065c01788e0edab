import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { describeReading, readLegibility } from "./fixtures/legibility";

// The layout shown at the page's width (wide at the desktop project's 1280 px; narrow on phones).
const europeMap = (page: Page) => page.locator("#europe [data-chart] > .rc-l:visible svg[data-map=europe]");

test.describe("maps page", () => {
  test("draws the coalition map with accessible country links, a legend and the border policy", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/map");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Maps");
    const map = europeMap(page);
    await expect(map).toBeVisible();
    const france = map.getByRole("link", { name: /^France\b.*formalised \(signed\)/i });
    await expect(france).toHaveAttribute("href", /^\/countries\/fr/);
    await expect(map.getByRole("link", { name: /^Finland\b.*ruled out/i })).toBeVisible();
    // The border statement is drawn on the map and repeated in the caption.
    await expect(map.getByText(/Crimea included/).first()).toBeVisible();
    await expect(page.locator("figcaption p", { hasText: "Borders: Ukraine's internationally recognised borders, including Crimea" }).first()).toBeVisible();
    await expect(page.getByText(/Hatched: refusal only/)).toBeVisible();
    // Every participant is in the key, grouped by stage; partners beyond the projection are marked and listed.
    await expect(map.getByText("Canada *", { exact: true })).toBeVisible();
    const beyond = page.getByTestId("beyond-map");
    await expect(beyond.getByRole("link", { name: /^Japan/ })).toBeVisible();
    await expect(beyond.getByRole("link", { name: /^Canada/ })).toBeVisible();
    // Shipped SVG stays small.
    const bytes = await map.evaluate((el) => el.outerHTML.length);
    expect(bytes).toBeLessThan(60_000);
    expect(errors).toEqual([]);
  });

  test("shows details beside the country on keyboard focus without JavaScript-driven tooltips", async ({ page }) => {
    test.skip((page.viewportSize()?.width ?? 0) < 900, "narrow and medium layouts have no details box: the key and link titles carry the same");
    await page.goto("/map");
    const tip = page.locator("#emw-t-fr");
    await expect(tip).toBeHidden();
    const france = europeMap(page).getByRole("link", { name: /^France\b/ });
    await france.focus();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText("Formalised (signed)");
    // Next to the country, not in a corner.
    const [a, b] = await Promise.all([france.boundingBox(), tip.boundingBox()]);
    expect(Math.abs(a!.y + a!.height / 2 - (b!.y + b!.height / 2))).toBeLessThan(a!.height);
    expect(Math.min(Math.abs(b!.x - (a!.x + a!.width)), Math.abs(a!.x - (b!.x + b!.width)))).toBeLessThan(a!.width);
  });

  test("draws sites only as precisely as announced", async ({ page }) => {
    await page.goto("/map?view=ukraine");
    await expect(page.getByRole("link", { name: "Sites in Ukraine" })).toHaveAttribute("aria-current", "page");
    const ukraine = page.locator("#ukraine [data-chart] > .rc-l:visible svg[data-map=ukraine]");
    await expect(ukraine).toBeVisible();
    // One city marker (Kyiv); country-level hubs are a hatched country, never points.
    await expect(ukraine.locator("circle.mk")).toHaveCount(2); // the marker and the list's swatch
    await expect(ukraine.getByText("Kyiv", { exact: true })).toBeVisible();
    await expect(ukraine.getByText(/Across Ukraine, no location/)).toBeVisible();
    await expect(ukraine.getByText(/Sites have no valid-time date/)).toBeVisible();
    await expect(ukraine.getByText(/Crimea included/).first()).toBeVisible();
    // Sites outside Ukraine are listed with their place, never drawn on this map.
    await expect(ukraine.getByText(/^Outside Ukraine · 4$/)).toBeVisible();
    await expect(ukraine.locator("a[data-site-item]")).toHaveCount(7);
    const tapa = page.locator('[data-site="tapa-nato-battlegroup"]');
    await expect(tapa).toContainText("outside Ukraine");
    await expect(tapa).toContainText("United Kingdom");
    await expect(tapa).toContainText("Denmark");
    await expect(tapa.getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);
  });

  test("applies the as-of date", async ({ page }) => {
    await page.goto("/map");
    const today = await page.getByTestId("participants-table").locator("tbody tr").count();
    await page.getByLabel("As of").fill("2025-03-05");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/asOf=2025-03-05/);
    const early = await page.getByTestId("participants-table").locator("tbody tr").count();
    expect(early).toBeLessThan(today);
    await expect(europeMap(page).getByRole("link", { name: /^United Kingdom\b.*conditional offer/i })).toBeVisible();
    await expect(europeMap(page).getByRole("link", { name: /^Türkiye/ })).toHaveCount(0);
  });

  test("downloads exactly the rows shown", async ({ page, request }) => {
    await page.goto("/map?asOf=2025-10-01");
    const shown = await page.getByTestId("participants-table").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-actor")));
    const sites = await page.locator("[data-site]").evaluateAll((els) => els.map((e) => e.getAttribute("data-site")));
    const json = await (await request.get("/map/download?format=json&asOf=2025-10-01")).json();
    expect(json.asOf).toBe("2025-10-01");
    type Row = { type: string; slug: string; participant: boolean | null; sources: string };
    const rows = json.rows as Row[];
    expect(rows.filter((r) => r.type === "country" && r.participant).map((r) => r.slug)).toEqual(shown);
    expect(rows.filter((r) => r.type === "site").map((r) => r.slug).sort()).toEqual([...sites].sort());
    expect(rows.every((r) => r.sources.length > 0)).toBe(true);
    const csv = await request.get("/map/download?format=csv&asOf=2025-10-01");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(rows.length + 1);
  });

  test("speaks Ukrainian with ?lang=uk", async ({ page }) => {
    await page.goto("/map?lang=uk");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Карти");
    await expect(page.locator("figcaption p", { hasText: "Кордони: міжнародно визнані кордони України, включно з Кримом" }).first()).toBeVisible();
    await expect(europeMap(page)).toHaveAttribute("aria-labelledby", /em[nmw]-title/);
    await expect(europeMap(page).locator("text", { hasText: /включно з Кримом/ })).toBeVisible();
  });

  test("explains bad parameters", async ({ page, request }) => {
    await page.goto("/map?view=asia");
    const alert = page.getByRole("alert").filter({ hasText: "could not be shown" });
    await expect(alert).toContainText("Unknown view");
    await page.goto("/map?asOf=2999-01-01");
    await expect(alert).toContainText("future");
    expect((await request.get("/map/download?format=xml")).status()).toBe(422);
    expect((await request.get("/map/download?asOf=yesterday")).status()).toBe(422);
  });

  test("fits the screen and has no serious accessibility violations", async ({ page }) => {
    test.setTimeout(240_000);
    for (const url of ["/map", "/map?view=ukraine&lang=uk"]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
    }
  });

  test("reads at every width: page layouts and embeds re-laid out, text at 11 px or more, no overlaps", async ({ page }) => {
    test.setTimeout(180_000);
    const check = async (selector: string, frame: "element" | "viewport" = "element") => {
      const r = await readLegibility(page, selector, frame);
      expect(r, selector).not.toBeNull();
      const what = `${selector} at ${page.viewportSize()!.width} px: ${describeReading(r!)}`;
      expect(r!.legibleShare, what).toBe(1);
      expect(r!.overlaps, what).toEqual([]);
      expect(r!.emptyBand, what).toBeLessThanOrEqual(0.15);
    };
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      for (const url of ["/map", "/map?lang=uk"]) {
        await page.goto(url);
        await check("#europe [data-chart]");
        await check("#ukraine [data-chart]");
      }
    }
    for (const width of [360, 640, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      for (const chart of ["europe-map", "ukraine-map"]) {
        await page.goto(`/embed/${chart}`);
        await check("[data-chart]");
      }
    }
  });
});
