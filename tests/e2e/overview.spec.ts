import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("overview page", () => {
  test("shows headline figures, the commitments matrix and the latest sourced events", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/");
    await expect(page).toHaveTitle("Security Guarantees Tracker");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("guarantee Ukraine");
    await expect(page.getByTestId("data-as-of")).toContainText(/Data recorded up to \d{1,2} \w{3} \d{4}/);

    const figure = page.getByText("Commitments and refusals").locator("..");
    await expect(figure.locator("dd")).toHaveText(/^\d+$/);
    expect(Number(await figure.locator("dd").textContent())).toBeGreaterThan(20);

    // The troop row names the UK among the signed (formalised) offers.
    const matrix = page.getByRole("table").or(page.getByRole("list", { name: "Commitments by kind" }));
    await expect(matrix.getByText("Troops / force contribution")).toBeVisible();
    await expect(matrix.getByText(/United Kingdom/).first()).toBeVisible();

    const events = page.getByRole("heading", { name: "Latest events" }).locator("..").getByRole("listitem");
    await expect(events).toHaveCount(8);
    const firstSource = events.first().getByRole("link").first();
    await expect(firstSource).toHaveAttribute("href", /^https?:\/\//);
    expect(errors).toEqual([]);
  });

  test("leads with the chart of actors by strongest stage, with its key in words and its data downloads", async ({ page, request }) => {
    await page.goto("/");
    const section = page.getByRole("region", { name: "Actors by strongest stage over time" });
    const chart = section.locator('[data-chart="overview"]');
    await expect(chart).toBeVisible();
    // The visible layout names every stage in text, with the latest counts.
    const shown = chart.locator(".rc-l:visible svg");
    await expect(shown).toHaveCount(1);
    await expect(shown.locator("text", { hasText: /Conditional offer/ }).first()).toBeVisible();
    await expect(shown.locator("text", { hasText: /Only ruled out or withdrew/ }).first()).toBeVisible();
    // The chart comes before the headline figures.
    const chartTop = (await chart.boundingBox())!.y;
    const figuresTop = (await page.getByText("Commitments and refusals").boundingBox())!.y;
    expect(chartTop).toBeLessThan(figuresTop);
    const csv = await request.get(await section.getByRole("link", { name: "CSV" }).getAttribute("href") as string);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^month,counted_on,floated/);
    await expect(section.getByRole("link", { name: "Embed this" })).toHaveAttribute("href", /\/share\?chart=overview/);
  });

  test("speaks Ukrainian on the cards, the table and the chart", async ({ page }) => {
    await page.goto("/?lang=uk");
    await expect(page.getByRole("heading", { name: "Учасники за найсильнішим етапом у часі" })).toBeVisible();
    await expect(page.getByText("Зобов’язання та відмови")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Зобов’язання за видом і етапом" })).toBeVisible();
    await expect(page.getByText("Commitments and refusals")).toHaveCount(0);
  });

  test("fits the screen and has no serious accessibility violations", async ({ page }) => {
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("cannot be framed by another site", async ({ request }) => {
    const res = await request.get("/");
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("health", () => {
  test("reports the app and the database as up", async ({ request }) => {
    const res = await request.get("/api/v1/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.migrations).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(body)).not.toMatch(/postgres(ql)?:\/\//);
  });

  test("answers unknown pages with a helpful 404", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
