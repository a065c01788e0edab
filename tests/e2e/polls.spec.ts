import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function fitsScreen(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const pollRows = (page: Page) => page.locator('tr[id^="poll-"]');

test.describe("polls page", () => {
  test("groups polls by wording class and keeps the unverified digest figures apart", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/polls");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public opinion on sending troops");
    for (const name of ["Own troops as peacekeepers after a deal", "Own troops in a stabilisation mission", "General support for Ukraine"]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    // Every poll has a row with pollster, fieldwork, sample and sources.
    const row = page.locator("#poll-swresearch-2025-08-pl-peacekeeping");
    await expect(row).toContainText("SW Research");
    await expect(row).toContainText("19–20 Aug 2025");
    await expect(row).toContainText("800");
    await expect(row).toContainText("Online");
    await expect(row).toContainText("17.3%");
    await expect(row.getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);
    await expect(page.locator("#poll-yougov-2025-01-gb-peacekeepers")).toContainText("paraphrase");
    await expect(page.locator("#poll-yougov-2025-03-gb-peacekeepers")).toContainText("unknown");

    const box = page.getByTestId("unverified-box");
    await expect(box.getByRole("heading", { name: /What we could not verify/ })).toBeVisible();
    for (const v of ["56%", "40%", "36%"]) await expect(box.getByText(v).first()).toBeVisible();
    // Not drawn as polls: no chart point carries a claimed figure for its country.
    const labels = await page.locator('section[aria-labelledby="class-OWN_TROOPS_PEACEKEEPING"] [data-chart="polls"] a[href^="#poll-"]').evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""));
    expect(labels.length).toBeGreaterThan(10);
    for (const [country, v] of [["United Kingdom", 56], ["France", 40], ["Italy", 40], ["Poland", 36]] as const) {
      expect(labels.filter((l) => l.startsWith(country) && l.includes(`Support ${v}%`))).toEqual([]);
    }
    // One decimal policy, said once: whole percentages unless the pollster gave a decimal.
    await expect(page.getByTestId("decimals")).toContainText("one decimal where the pollster gave one");
    await expect(page.locator('[data-chart="polls"] a[href="#poll-swresearch-2025-08-pl-peacekeeping"]').first()).toHaveAttribute("aria-label", /Support 17\.3%, Oppose 61\.1%/);
    expect(errors).toEqual([]);
  });

  test("chart rows are keyboard-reachable links to the table rows", async ({ page }) => {
    await page.goto("/polls");
    const point = page.locator('[data-chart="polls"] a[href^="#poll-"]').first();
    await expect(point).toHaveAttribute("aria-label", /Support|support/);
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => (document.activeElement?.getAttribute("href") ?? "").startsWith("#poll-"));
    }
    expect(reached).toBe(true);
    const href = await page.evaluate(() => document.activeElement!.getAttribute("href")!);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator(href)).toBeVisible();
  });

  test("filters change the URL and the rows, and the download matches", async ({ page, request }) => {
    await page.goto("/polls");
    const all = await pollRows(page).count();
    await page.getByRole("checkbox", { name: /United Kingdom/ }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/country=GB/);
    // No date was chosen, so none is pinned in the URL.
    expect(page.url()).not.toContain("asOf");
    const gb = await pollRows(page).count();
    expect(gb).toBeGreaterThan(0);
    expect(gb).toBeLessThan(all);
    await expect(page.getByTestId("unverified-box")).toContainText("56%");
    // Only the UK's claim remains: a header row and one claim row.
    await expect(page.getByTestId("unverified-box").getByRole("row")).toHaveCount(2);

    await page.goto("/polls?country=GB,PL&class=OWN_TROOPS_STABILISATION");
    const ids = await pollRows(page).evaluateAll((rows) => rows.map((r) => r.id.replace(/^poll-/, "")).sort());
    expect(ids.length).toBe(4);
    const json = await (await request.get("/polls/download?country=GB,PL&class=OWN_TROOPS_STABILISATION&format=json")).json();
    expect(json.rows.map((r: { slug: string }) => r.slug).sort()).toEqual(ids);
    const csv = await request.get("/polls/download?country=GB,PL&class=OWN_TROOPS_STABILISATION&format=csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("sources");
    expect(lines.length - 1).toBe(ids.length);
  });

  test("the as-of date hides polls whose fieldwork had not ended", async ({ page, request }) => {
    await page.goto("/polls?asOf=2025-02-20");
    await expect(pollRows(page)).toHaveCount(3);
    await expect(page.getByTestId("poll-count")).toContainText("20 Feb 2025");
    const json = await (await request.get("/polls/download?asOf=2025-02-20&format=json")).json();
    expect(json.rows).toHaveLength(3);
    expect(json.asOf).toBe("2025-02-20");
  });

  test("filters show their counts and leave out options with no polls", async ({ page }) => {
    await page.goto("/polls?class=OWN_TROOPS_STABILISATION");
    const filters = page.getByRole("form", { name: "Filter polls" });
    await expect(filters.getByRole("checkbox", { name: /Poland \(2\)/ })).toBeVisible();
    // France has polls, but none on this question: not offered.
    await expect(filters.getByRole("checkbox", { name: /France/ })).toHaveCount(0);
    await expect(filters.getByRole("checkbox", { name: /stabilisation mission \(4\)/ })).toBeVisible();
  });

  test("bad parameters get a message and a 4xx, not an error page", async ({ page, request }) => {
    // A malformed value is 400; a well-formed one that names nothing (no country XX, no page 9) is 404.
    for (const q of ["country=XX", "country=GBR", "class=TROOPS", "asOf=2999-01-01", "page=0", "page=two", "page=9"]) {
      const res = await page.goto(`/polls?${q}`);
      expect(res?.status(), q).toBe(q === "country=XX" || q === "page=9" ? 404 : 400);
      await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toBeVisible();
      if (!q.startsWith("page=9")) expect((await request.get(`/polls/download?${q}`)).status()).toBe(422);
    }
    await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toContainText("no page 9");
    await page.goto("/polls?asOf=2999-01-01");
    await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toContainText("future");
  });

  test("reads in Ukrainian, fits the screen and has no serious accessibility violations", async ({ page }) => {
    test.setTimeout(240_000); // axe on a long page, on a shared machine
    await page.goto("/polls?lang=uk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Громадська думка щодо відправлення військ");
    await fitsScreen(page);
    await noSeriousViolations(page);
    await page.goto("/polls");
    await fitsScreen(page);
    await noSeriousViolations(page);
  });
});

test.describe("capacity page", () => {
  test("sets the UK's reported contribution beside its deployments and forces", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/capacity");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("boots on the ground");
    // The ranking: pledges on one scale, each with its share of the country's own forces, and the total.
    const ranking = page.locator('[data-chart="capacity"] svg:visible');
    await expect(ranking).toContainText("Known pledges add up to 7,900 troops");
    await expect(ranking).toContainText("up to 4.1% of its 182,060 armed forces");
    await expect(ranking).toContainText("No figures recorded yet (11):");
    const uk = page.locator("#country-GB");
    for (const text of ["fewer than 7,500 troops", "Deployed in Estonia", "about 900 personnel", "about 71,000", "73,847", "182,060 personnel"]) {
      await expect(uk.getByText(text).first()).toBeVisible();
    }
    await expect(uk).toContainText("Confirmed");
    await expect(uk).toContainText("Low confidence");
    // Unknown is shown as unknown, never as a number.
    await expect(page.locator("#country-LT")).toContainText("unknown");
    await expect(page.locator("#country-LT")).toContainText("about 200 troops");
    // Every drawn figure links to a table row with sources.
    const row = page.locator("#fig-figure-uk-armed-forces-2025-10-01");
    await expect(row.getByRole("link").first()).toHaveAttribute("href", /^https:\/\/www\.gov\.uk\//);
    expect(errors).toEqual([]);
  });

  test("the download carries what is shown, and the as-of date changes both", async ({ page, request }) => {
    await page.goto("/capacity");
    const shown = await page.getByTestId("capacity-row").count();
    const noFigures = await page.locator('tr[id^="country-"]').count();
    const json = await (await request.get("/capacity/download?format=json")).json();
    expect(json.rows.length).toBe(shown + noFigures * 4);
    expect(json.rows.filter((r: { shown: string; sources: string }) => r.shown === "current").every((r: { sources: string }) => r.sources.startsWith("http"))).toBe(
      true,
    );

    await page.goto("/capacity?asOf=2025-06-01");
    await expect(page.getByTestId("capacity-count")).toContainText("1 Jun 2025");
    await expect(page.locator("#country-GB")).not.toContainText("182,060");
    await expect(page.locator("#country-GB")).not.toContainText("7,500");
    const june = await (await request.get("/capacity/download?asOf=2025-06-01&format=json")).json();
    expect(june.rows.some((r: { value_low: number }) => r.value_low === 182060)).toBe(false);
    expect((await request.get("/capacity/download?asOf=2025-06-01&format=csv")).headers()["content-type"]).toContain("text/csv");
  });

  test("bad parameters get a message; the page is accessible and fits the screen", async ({ page, request }) => {
    test.setTimeout(240_000);
    await page.goto("/capacity?asOf=2025-13-45");
    await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toBeVisible();
    expect((await request.get("/capacity/download?asOf=2999-01-01")).status()).toBe(422);
    await page.goto("/capacity");
    await fitsScreen(page);
    await noSeriousViolations(page);
    await page.goto("/capacity?lang=uk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Звідки візьмуться війська на землі?");
    await noSeriousViolations(page);
  });
});
