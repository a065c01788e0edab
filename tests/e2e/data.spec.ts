import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test.describe("Data & API page", () => {
  test("is reachable from the navigation and links working downloads, the API document and feeds", async ({ page, request }, testInfo) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Data & API" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Data & API" })).toBeVisible();
    await expect(page.getByTestId("citation")).toContainText("CC BY 4.0");

    // Every link on the page that points into the API answers 200 with the right kind of body.
    const hrefs = await page.locator('a[href^="/api/v1/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!))]);
    expect(hrefs.length).toBeGreaterThan(30);
    for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
    const zip = await request.get("/api/v1/bulk/archive.zip");
    expect(zip.headers()["content-type"]).toBe("application/zip");

    // The dictionary opens without JavaScript (details/summary) and has no serious accessibility problem.
    await page.locator("#table-commitments summary").click();
    await expect(page.locator("#table-commitments").getByText("currentStage", { exact: true })).toBeVisible();
    if (testInfo.project.name === "desktop") {
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    }
  });
});
