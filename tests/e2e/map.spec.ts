import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const europeMap = (page: Page) => page.getByRole("group", { name: /Coalition participants by their strongest commitment/ });

test.describe("maps page", () => {
  test("draws the coalition map with accessible country links, a legend and the border policy", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/map");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Maps");
    const map = europeMap(page);
    await expect(map).toBeVisible();
    const france = map.getByRole("link", { name: /^France: formalised \(signed\), \d+ commitments/ });
    await expect(france).toHaveAttribute("href", /^\/countries\/fr/);
    await expect(map.getByRole("link", { name: /^Finland: ruled out/ })).toBeVisible();
    await expect(page.locator("figcaption p", { hasText: "Borders: Ukraine's internationally recognised borders, including Crimea" }).first()).toBeVisible();
    await expect(page.getByText(/Hatched: refusal only/)).toBeVisible();
    // Partners beyond the projection are listed with their stage.
    const beyond = page.getByTestId("beyond-map");
    await expect(beyond.getByRole("link", { name: /^Japan/ })).toBeVisible();
    await expect(beyond.getByRole("link", { name: /^Canada/ })).toBeVisible();
    // Shipped SVG stays small.
    const bytes = await page.locator("#europe svg[role=group]").evaluate((el) => el.outerHTML.length);
    expect(bytes).toBeLessThan(80_000);
    expect(errors).toEqual([]);
  });

  test("shows details on keyboard focus without JavaScript-driven tooltips", async ({ page }) => {
    await page.goto("/map");
    const tip = page.locator("#em-t-fr");
    await expect(tip).toBeHidden();
    await europeMap(page).getByRole("link", { name: /^France:/ }).focus();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText("Formalised (signed)");
  });

  test("draws sites only as precisely as announced", async ({ page }) => {
    await page.goto("/map?view=ukraine");
    await expect(page.getByRole("link", { name: "Sites in Ukraine" })).toHaveAttribute("aria-current", "page");
    const ukraine = page.getByRole("img", { name: /Announced sites, only as precisely as announced/ });
    await expect(ukraine).toBeVisible();
    // One city marker (Kyiv); country-level hubs are a hatched country, never points.
    await expect(ukraine.locator("circle.mk")).toHaveCount(1);
    await expect(ukraine.getByText("Kyiv", { exact: true })).toBeVisible();
    await expect(page.getByText(/Announced only as “across Ukraine”/)).toBeVisible();
    await expect(page.getByText(/Sites have no valid-time date/)).toBeVisible();
    const context = page.getByRole("img", { name: /Context: sites outside Ukraine/ });
    await expect(context.getByText("Paris", { exact: true })).toBeVisible();
    await expect(context.getByText("Tapa", { exact: true })).toBeVisible();
    await expect(page.getByTestId("context-sites").getByRole("listitem")).toHaveCount(4);
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
    await expect(europeMap(page).getByRole("link", { name: /^United Kingdom: conditional offer/ })).toBeVisible();
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
    await expect(europeMap(page).or(page.getByRole("group", { name: /Учасники коаліції/ }))).toBeVisible();
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
});
