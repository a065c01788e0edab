import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The table holds one row per commitment shown (one page of it), in the DOM on every screen size,
// so it is the page's own record of what is shown; rows are grouped by actor in the chart's order.
async function shownSlugs(page: Page): Promise<string[]> {
  return page.locator("[data-testid=commitments-table] tr[data-commitment]").evaluateAll((els) => els.map((e) => e.getAttribute("data-commitment") ?? ""));
}
async function shownActors(page: Page): Promise<string[]> {
  const all = await page.locator("[data-testid=commitments-table] tr[data-actor]").evaluateAll((els) => els.map((e) => e.getAttribute("data-actor") ?? ""));
  return [...new Set(all)];
}
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("commitments view", () => {
  test("compares actors by kind with stage, conditions and how binding", async ({ page }, info) => {
    const phone = info.project.name === "phone";
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/commitments");
    await expect(page).toHaveTitle("Commitments · Security Guarantees Tracker");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commitments compared");
    await expect(page.getByTestId("match-count")).toContainText(/Showing \d+ actors · \d+ commitments/);

    // The chart: a list of actors with stage chips on phones, the actors × kinds grid on wider screens.
    const chart = page.locator("[data-chart=commitments]");
    await expect(chart.locator(`[data-width=${phone ? "n" : "w"}] svg[data-form=${phone ? "list" : "grid"}]`)).toBeVisible();
    await expect(chart.locator(`[data-width=${phone ? "w" : "n"}] svg`)).toBeHidden();
    // The UK has two troop commitments: its row counts them and leads to its page.
    const uk = chart.getByRole("link", { name: /^United Kingdom: \d+ commitments, \d+ kinds; strongest stage: Formalised \(signed\)$/ });
    await expect(uk).toHaveAttribute("href", "/countries/gb");
    await expect(uk).toContainText("FO ×2");

    const row = page.locator("[data-testid=commitments-table] tr[data-commitment=gb-troops-mnf-u]");
    await expect(row).toContainText("Formalised (signed)");
    await expect(row.getByRole("link", { name: /Troops.*UK troops for the Multinational Force Ukraine/ })).toHaveAttribute("href", "/commitments/gb-troops-mnf-u");
    // Conditions are abbreviated with their full words for screen readers and on hover.
    await expect(row.locator("abbr[title='After a ceasefire']")).toHaveCount(1);
    // The actor column stays put while the table scrolls sideways; the key is beside (or above) it.
    expect(await row.locator("th").evaluate((e) => getComputedStyle(e).position)).toBe("sticky");
    const table = await page.getByTestId("commitments-table").boundingBox();
    const key = await page.getByTestId("condition-key").boundingBox();
    if (phone) expect(key!.y + key!.height).toBeLessThanOrEqual(table!.y);
    else expect(key!.y).toBeLessThan(table!.y + 200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  test("filters from the form land in the URL and change the rows", async ({ page }) => {
    await page.goto("/commitments");
    const allActors = await shownActors(page);
    await page.locator("summary", { hasText: "Actor group" }).click();
    await page.getByRole("checkbox", { name: "Non-European", exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/group=NON_EUROPEAN/);
    const actors = await shownActors(page);
    expect(actors).toEqual(expect.arrayContaining(["us", "au", "ca"]));
    expect(actors).not.toContain("gb");
    expect(actors.length).toBeLessThan(allActors.length);
    // The current value stays ticked, and a chip removes it.
    await expect(page.getByRole("checkbox", { name: "Non-European", exact: true })).toBeChecked();
    await expect(page.getByTestId("match-count")).toContainText(`Showing ${actors.length} actor`);
    await page.getByRole("link", { name: /Remove filter — Actor group: Non-European/ }).click();
    await expect(page).toHaveURL(/\/commitments$/);
    expect(await shownActors(page)).toEqual(allActors);

    // Several filters combine; comma lists work in a hand-written URL.
    await page.goto("/commitments?kind=TROOPS,REFUSAL&group=EU&condition=US_BACKSTOP,NONE");
    const slugs = await shownSlugs(page);
    expect(slugs).toEqual(expect.arrayContaining(["de-troops-adjacent-nato", "it-refusal-troops"]));
    expect(slugs.some((s) => s.startsWith("gb-") || s.startsWith("us-"))).toBe(false);
    await page.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/commitments$/);
  });

  test("sorts by name, number of commitments and strongest stage", async ({ page }) => {
    await page.goto("/commitments");
    expect((await shownActors(page))[0]).toBe("au");
    await page.getByRole("navigation", { name: "Sort rows by" }).getByRole("link", { name: "Number of commitments" }).click();
    await expect(page).toHaveURL(/sort=count/);
    expect((await shownActors(page))[0]).toBe("gb");
    await expect(page.getByRole("link", { name: "Number of commitments", exact: true })).toHaveAttribute("aria-current", "true");
    await page.getByRole("link", { name: "Strongest stage", exact: true }).click();
    await expect(page).toHaveURL(/sort=stage/);
    const actors = await shownActors(page);
    // Refusals rank last.
    expect(actors.indexOf("pl")).toBeGreaterThan(actors.indexOf("gb"));
  });

  test("shows the stage in force on the as-of date", async ({ page }) => {
    await page.goto("/commitments");
    const today = await shownSlugs(page);
    await page.getByLabel("As of").fill("2025-03-02");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await expect(page).toHaveURL(/asOf=2025-03-02/);
    const then = await shownSlugs(page);
    expect(then.length).toBeLessThan(today.length);
    expect(then).toContain("gb-troops-mnf-u");
    expect(then).not.toContain("gb-troops-reported-number");
    const gb = page.locator("[data-testid=commitments-table] tr[data-commitment=gb-troops-mnf-u]");
    await expect(gb).toContainText("Conditional offer");
    // Links carry the date to the commitment page.
    await expect(gb.getByRole("link", { name: /Troops/ })).toHaveAttribute("href", "/commitments/gb-troops-mnf-u?asOf=2025-03-02");
    // Nothing recorded yet.
    await page.goto("/commitments?asOf=2025-01-01");
    await expect(page.getByText("No commitment had been recorded by this date.")).toBeVisible();
  });

  test("downloads exactly the rows shown, with their sources", async ({ page, request }) => {
    await page.goto("/commitments?group=EU,NATO&stage=CONDITIONAL_OFFER,FORMALISED&sort=count&asOf=2026-02-01");
    const slugs = await shownSlugs(page);
    expect(slugs.length).toBeGreaterThan(3);
    const csvHref = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    const jsonHref = await page.getByRole("link", { name: "JSON" }).getAttribute("href");
    const csv = await (await request.get(csvHref!)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^commitment,title,actor,actor_slug,iso2,kind,stage_as_of,stage_date/);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(slugs);
    const res = await request.get(jsonHref!);
    expect(res.headers()["content-disposition"]).toContain("commitments-2026-02-01.json");
    const body = await res.json();
    expect(body.asOf).toBe("2026-02-01");
    expect(body.rows.map((r: { commitment: string }) => r.commitment)).toEqual(slugs);
    expect(body.rows.every((r: { sources: string }) => /^https?:\/\//.test(r.sources))).toBe(true);
    expect(body.count).toBe(slugs.length);
    const bad = await request.get("/commitments/download?format=csv&kind=SUBMARINES");
    expect(bad.status()).toBe(422);
  });

  test("explains bad parameters and answers unknown commitments with 404", async ({ page }) => {
    expect((await page.goto("/commitments?kind=SUBMARINES&asOf=2999-01-01"))?.status()).toBe(400);
    const alert = page.getByRole("alert").filter({ hasText: "This view could not be shown" });
    await expect(alert).toContainText("Unknown kind");
    await expect(alert).toContainText("future");
    await page.goto(`/commitments?sort=${"x".repeat(300)}`);
    await expect(page.getByRole("alert").filter({ hasText: "This view could not be shown" })).toContainText("Unknown sort");
    // Pages of the table: a bad number (400) or one past the last (404) is explained.
    for (const [q, text, status] of [["page=abc", "Use a whole page number from 1", 400], ["page=0", "Use a whole page number from 1", 400], ["page=999", "no such page", 404]] as const) {
      const r = await page.goto(`/commitments?${q}`);
      expect(r?.status(), q).toBe(status);
      await expect(page.getByRole("alert").filter({ hasText: "This view could not be shown" })).toContainText(text);
    }
    expect((await page.goto("/commitments?page=1"))?.status()).toBe(200);
    const res = await page.goto("/commitments/no-such-commitment");
    expect(res?.status()).toBe(404);
    const odd = await page.goto("/commitments/%2e%2e%2fetc");
    expect(odd?.status()).toBe(404);
  });

  test("is keyboard operable and has no serious accessibility violations", async ({ page }) => {
    test.setTimeout(120_000); // axe over the full table is slow on a shared 2-core machine
    await page.goto("/commitments");
    await expectAccessible(page);
    // Open a filter, tick a value and apply it with the keyboard alone.
    await page.locator("summary", { hasText: "Kind" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("checkbox", { name: "Explicit refusal", exact: true }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Apply filters" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/kind=REFUSAL/);
    expect((await shownSlugs(page)).every((s) => /refusal/.test(s))).toBe(true);
    await expectAccessible(page);
    // Tabbing reaches the first commitment link.
    const target = "[data-chart=commitments] a";
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, target);
    }
    expect(reached).toBe(true);
  });

  test("speaks Ukrainian with ?lang=uk", async ({ page }) => {
    test.setTimeout(120_000); // axe over the full table is slow on a shared 2-core machine
    await page.goto("/commitments?lang=uk&sort=count");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Порівняння зобов’язань");
    await expect(page.getByTestId("match-count")).toContainText("Показано");
    await expect(page.locator("[data-testid=commitments-table] tr[data-actor=gb] th").first()).toContainText("Велика Британія");
    await expect(page.locator("[data-chart=commitments]").getByRole("link", { name: /^Велика Британія: \d+ зобов’язан/ })).toHaveCount(1);
    await expectAccessible(page);
  });
});

test.describe("commitment page", () => {
  test("shows the commitment, how binding it is and its dated, sourced lifecycle", async ({ page }) => {
    await page.goto("/commitments/gb-troops-mnf-u");
    await expect(page).toHaveTitle("UK troops for the Multinational Force Ukraine · Security Guarantees Tracker");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("UK troops for the Multinational Force Ukraine");
    await expect(page.getByRole("link", { name: "United Kingdom" }).first()).toBeVisible();
    await expect(page.getByTestId("stage-as-of")).toContainText("Formalised (signed)");
    await expect(page.getByText("Political declaration · vote promised")).toBeVisible();
    await expect(page.getByText("Needs a parliamentary vote", { exact: true })).toBeVisible();
    await expect(page.getByTestId("quantity")).toHaveText("unknown");
    const steps = page.getByTestId("lifecycle").locator(":scope > li");
    await expect(steps).toHaveCount(2);
    await expect(steps.first()).toContainText("2 Mar 2025");
    await expect(steps.first().getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);
    await expect(steps.first()).toContainText("boots on the ground");
    const citations = page.getByRole("heading", { name: /All citations \(\d+\)/ });
    await expect(citations).toBeVisible();
    await expectAccessible(page);
  });

  test("marks stages after the as-of date as later", async ({ page }) => {
    await page.goto("/commitments/gb-troops-mnf-u?asOf=2025-09-05");
    await expect(page.getByTestId("stage-as-of")).toContainText("Conditional offer");
    const later = page.getByTestId("lifecycle").locator("li[data-later]");
    await expect(later).toHaveCount(1);
    await expect(later).toContainText("Formalised (signed)");
    await expect(later).toContainText("later");
    await expect(page.getByRole("link", { name: /All commitments/ })).toHaveAttribute("href", "/commitments?asOf=2025-09-05");
    await page.goto("/commitments/gb-troops-reported-number?asOf=2025-09-05");
    await expect(page.getByRole("note")).toContainText("Nothing had been recorded");
  });

  test("states quantities as reported, with their basis", async ({ page }) => {
    await page.goto("/commitments/gb-troops-reported-number");
    await expect(page.getByTestId("quantity")).toHaveText("fewer than 7,500 troops (reported estimate)");
    await page.goto("/commitments/ee-troops");
    await expect(page.getByTestId("quantity")).toHaveText("100–200 troops (official)");
    await page.goto("/commitments/fr-funding-military-aid");
    await expect(page.getByText(/Single source/)).toBeVisible();
  });
});
