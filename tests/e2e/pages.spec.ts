import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Next.js keeps an empty role=alert route announcer on every page: match the one with text.
const problem = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

async function noSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe("country pages", () => {
  test("show everything about one actor, change with the as-of date, and download what is shown", async ({ page, request }) => {
    await page.goto("/countries/gb");
    await expect(page.getByRole("heading", { level: 1, name: "United Kingdom" })).toBeVisible();
    const commitments = page.locator("#commitments ~ ul > li");
    const now = await commitments.count();
    expect(now).toBeGreaterThan(3);
    await expect(page.getByRole("heading", { name: /All sources for this actor/ })).toBeVisible();
    await noSeriousA11yViolations(page);

    const csv = await (await request.get("/countries/gb/download?format=csv")).text();
    expect(csv.trim().split("\r\n").length - 1).toBe(now);

    await page.getByLabel("As of").fill("2025-03-01");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/asOf=2025-03-01/);
    expect(await commitments.count()).toBeLessThan(now);
  });

  test("answer an unknown country with 404 and a bad date with a message", async ({ page }) => {
    expect((await page.goto("/countries/zz"))?.status()).toBe(404);
    await page.goto("/countries/gb?asOf=2025-02-30");
    await expect(problem(page)).toContainText("This date does not exist");
    await page.goto("/countries/gb?asOf=2999-01-01");
    await expect(problem(page)).toContainText("future");
  });
});

test.describe("countries index and paging", () => {
  test("shows stage chips per actor and counts in the right plural form in both languages", async ({ page }) => {
    await page.goto("/countries");
    const uk = page.getByTestId("actor").filter({ has: page.getByRole("link", { name: "United Kingdom", exact: true }) });
    await expect(uk).toContainText("7 commitments");
    await expect(uk.getByRole("list")).toContainText("Formalised (signed)");
    await expect(page.getByTestId("actor").filter({ hasText: /(^|\D)1 commitments/ })).toHaveCount(0);
    await expect(page.getByTestId("actor").filter({ hasText: /(^|\D)1 commitment(?!s)/ }).first()).toBeVisible();
    await noSeriousA11yViolations(page);
    await page.goto("/countries?lang=uk");
    await expect(page.getByTestId("actor").filter({ hasText: "Франція" })).toContainText("5 зобов’язань");
    await expect(page.getByTestId("actor").filter({ hasText: "Бельгія" })).toContainText("4 зобов’язання");
  });

  test("the country page shows its card chart; list pages have stable URLs and bad page numbers are refused", async ({ page, request }) => {
    await page.goto("/countries/gb");
    await expect(page.locator('[data-chart="country"]')).toBeVisible();
    await expect(page.locator('[data-chart="country"] svg:visible')).toContainText("Formalised (signed)");
    for (const url of ["/countries/gb?page=0", "/countries/gb?eventsPage=x", "/sources?page=-2", "/capacity?page=1.5"]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(400);
      expect(await res.text(), url).toContain("The page must be a whole number from 1");
    }
    for (const url of ["/countries/gb?page=99", "/sources?page=999", "/capacity?page=50"]) expect((await request.get(url)).status(), url).toBe(404);
    expect((await request.get("/countries/gb?page=1")).status()).toBe(200);
  });
});

test.describe("sources", () => {
  test("list what we could not verify, filter by kind in the URL, and download the rows shown", async ({ page, request }) => {
    await page.goto("/sources");
    await expect(page.getByRole("heading", { name: /What we could not verify/ })).toBeVisible();
    await expect(page.locator("#verification-unverified li").filter({ hasText: "56" }).first()).toBeVisible();
    await noSeriousA11yViolations(page);

    await page.getByRole("navigation", { name: "Kind of source" }).getByRole("link", { name: "News agency" }).click();
    await expect(page).toHaveURL(/kind=WIRE/);
    const shown = await page.locator("[id^=source-]").count();
    expect(shown).toBeGreaterThan(0);
    await expect(page.getByTestId("sources-total")).toContainText(`${shown} source`);
    const json = await (await request.get("/sources/download?format=json&kind=WIRE")).json();
    expect(json.rows.length).toBe(shown);
    expect(json.rows.every((r: { kind: string }) => r.kind === "WIRE")).toBe(true);
    expect((await request.get("/sources/download?format=csv&kind=NOPE")).status()).toBe(422);
  });
});

test.describe("search", () => {
  test("finds results of several types and keeps the query in the URL", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox").fill("Starmer");
    await page.getByRole("searchbox").press("Enter");
    await expect(page).toHaveURL(/q=Starmer/);
    await expect(page.getByRole("heading", { name: /Events and statements/ })).toBeVisible();
    await noSeriousA11yViolations(page);
    await page.goto(`/search?q=${"x".repeat(300)}`);
    await expect(problem(page)).toContainText("too long");
  });
});

test.describe("language and keyboard", () => {
  test("switches to Ukrainian with the right lang attribute and keeps the view", async ({ page }) => {
    await page.goto("/sources?kind=WIRE");
    await page.getByRole("link", { name: "Українською" }).click();
    await expect(page).toHaveURL(/lang=uk/);
    await expect(page).toHaveURL(/kind=WIRE/);
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Джерела та неперевірене");
    await page.getByRole("link", { name: "In English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("offers a skip link first and a keyboard path through the navigation", async ({ page, browserName }) => {
    test.skip(browserName !== "chromium");
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("explains a bad as-of date on the overview, with a 400 instead of a failure", async ({ page }) => {
    const res = await page.goto("/?asOf=not-a-date");
    expect(res?.status()).toBe(400);
    await expect(problem(page)).toContainText("YYYY-MM-DD");
  });
});
