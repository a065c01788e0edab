import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const count = async (page: Page) => Number((await page.getByTestId("item-count").locator("strong").textContent())?.trim());
const listEntries = (page: Page) => page.locator("#list li[id]");
// The layout shown at this viewport's width (the others are display:none).
const chart = (page: Page) => page.locator("[data-chart=timeline] .rc-l:visible").getByRole("group", { name: "Timeline" });
const PAGE_SIZE = 50;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "6 Jan 2026, …" or "Aug 2025, …" → sortable number (month-precision items sort at the month's start). */
function dateKey(name: string): number {
  const m = /^(?:(\d{1,2}) )?(\w{3}) (\d{4}),/.exec(name);
  if (!m) throw new Error(`no date in "${name}"`);
  return Number(m[3]) * 10_000 + (MONTHS.indexOf(m[2]) + 1) * 100 + Number(m[1] ?? 1);
}

test.describe("timeline page", () => {
  test.setTimeout(120_000);
  test("shows the lanes, every item as a mark or in a count, and the list one page at a time, newest first", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/timeline");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Timeline");
    const n = await count(page);
    expect(n).toBeGreaterThan(100);
    await expect(listEntries(page)).toHaveCount(Math.min(n, PAGE_SIZE));

    const itemLinks = chart(page).locator('a[href*="#event-"], a[href*="#pledge-"]');
    const counts = chart(page).getByRole("link", { name: /: \d+ items?$/ });
    const countNames = await counts.evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""));
    const inCounts = countNames.reduce((s, b) => s + Number(/: (\d+) items?$/.exec(b)?.[1] ?? 0), 0);
    await expect(counts.first()).toHaveAttribute("href", /from=\d{4}-\d{2}-\d{2}.*to=\d{4}-\d{2}-\d{2}#list$/);
    if (test.info().project.name === "phone") {
      // Phones: the newest items first, then a count per month that together hold every item.
      expect(inCounts).toBe(n);
      const names = await itemLinks.evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""));
      const keys = names.map(dateKey);
      expect([...keys].sort((a, b) => b - a)).toEqual(keys);
    } else {
      await expect(chart(page).locator("text.lt")).toHaveText([/^Summits and declarations · \d+/, /^Pledges \(lifecycle changes\) · \d+/, /^Statements and rejections · \d+/, /^Votes · /]);
      // Every item is a link in the chart, or counted in a period's count that opens its list.
      expect((await itemLinks.count()) + inCounts).toBe(n);
      // The page says "tap or hover", not "hover".
      await expect(chart(page).getByText(/^Tap or hover/)).toBeVisible();
    }

    // The list: newest first, page by page with stable URLs; chart links open the page holding the item.
    const dates = await page.locator("#list li[id] time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
    expect([...dates].sort().reverse()).toEqual(dates);
    const href = (await itemLinks.last().getAttribute("href"))!;
    expect(href).toMatch(/^(\/timeline\?page=\d+)?#(event|pledge)-/);
    await page.goto(href.startsWith("#") ? `/timeline${href}` : href);
    const entry = page.locator(href.slice(href.indexOf("#")));
    await expect(entry.getByRole("link").last()).toHaveAttribute("href", /^https?:\/\//);
    const withoutSource = await listEntries(page).evaluateAll((lis) => lis.filter((li) => !li.querySelector('a[href^="http"]')).length);
    expect(withoutSource).toBe(0);

    await page.goto("/timeline");
    await page.getByRole("link", { name: /Older/ }).first().click();
    await expect(page).toHaveURL(/[?&]page=2#list$/);
    await expect(page.getByRole("navigation", { name: "Pages of the list" }).first()).toContainText(/Page 2 of \d+/);
    const bad = await page.goto("/timeline?page=999");
    expect(bad?.status()).toBe(404);
    await expect(page.getByRole("alert").filter({ hasText: "does not exist" })).toHaveCount(1);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  });

  test("opens on the latest items on a phone, and draws the axis where the data is", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/timeline");
    const narrow = chart(page);
    await expect(narrow).toHaveCount(1);
    const first = narrow.getByRole("link").first();
    await expect(first).toBeInViewport({ ratio: 0.1 }).catch(() => undefined);
    const names = await narrow.getByRole("link", { name: /^\d{0,2} ?\w{3} \d{4}, / }).evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""));
    const keys = names.map(dateKey);
    expect([...keys].sort((a, b) => b - a)).toEqual(keys);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Wide: one early item sits in an "Earlier" segment, the axis starts at the busy period.
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(chart(page).locator("text", { hasText: /^Earlier$/ })).toHaveCount(1);
  });

  test("normalises blank filters out of the URL", async ({ page }) => {
    const res = await page.goto("/timeline?kind=VOTE&from=&to=");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/\/timeline\?kind=VOTE$/);
  });

  test("filters by kind and by actor through the form, and clears them", async ({ page }) => {
    await page.goto("/timeline");
    const all = await count(page);
    await page.getByRole("checkbox", { name: "Vote", exact: true }).check();
    await page.getByRole("checkbox", { name: "Summit", exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/kind=SUMMIT/);
    await expect(page).toHaveURL(/kind=VOTE/);
    const filtered = await count(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    await expect(page.getByTestId("item-count")).toContainText(`of ${all}`);
    await expect(page.getByRole("checkbox", { name: "Vote", exact: true })).toBeChecked();
    if (test.info().project.name !== "phone") await expect(chart(page).getByText("No items").first()).toBeAttached();
    await expect(listEntries(page)).toHaveCount(Math.min(filtered, PAGE_SIZE));

    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/timeline$/);
    expect(await count(page)).toBe(all);

    await page.goto("/timeline?actor=nl");
    const nl = await count(page);
    expect(nl).toBeGreaterThan(0);
    expect(nl).toBeLessThan(all);
    const entries = await listEntries(page).evaluateAll((lis) => lis.map((li) => li.textContent ?? ""));
    expect(entries.every((t) => t.includes("Netherlands"))).toBe(true);
    await expect(page.getByRole("checkbox", { name: "Netherlands" })).toBeChecked();
  });

  test("shows only the lane asked for, and a date range", async ({ page }) => {
    await page.goto("/timeline?lane=pledges");
    const n = await count(page);
    await expect(listEntries(page).filter({ hasText: "Pledges (lifecycle changes)" })).toHaveCount(Math.min(n, PAGE_SIZE));
    await page.goto("/timeline?from=2026-01-01&to=2026-01-31");
    const jan = await count(page);
    expect(jan).toBeGreaterThanOrEqual(50);
    await expect(page.locator("#list h3")).toHaveCount(1);
    await expect(page.locator("#list h3")).toContainText("January 2026");
  });

  test("shows the world as of an earlier date", async ({ page }) => {
    await page.goto("/timeline");
    const now = await count(page);
    await page.goto("/timeline?asOf=2025-03-31");
    const then = await count(page);
    expect(then).toBeGreaterThan(0);
    expect(then).toBeLessThan(now);
    const dates = await page.locator("#list li[id] time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
    expect(dates.every((d) => d <= "2025-03-31")).toBe(true);
  });

  test("downloads exactly the items shown", async ({ page, request }) => {
    const query = "kind=STATEMENT,PLEDGE&from=2025-03-01&to=2025-12-31&asOf=2026-01-10";
    await page.goto(`/timeline?${query}`);
    const n = await count(page);
    // The download has every matching item (in chronological order), not just the list's page.
    const ids = (await listEntries(page).evaluateAll((lis) => lis.map((li) => li.id))).reverse();
    const csv = await request.get(`/timeline/download?${query}&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("sources");
    const json = await (await request.get(`/timeline/download?${query}&format=json`)).json();
    expect(json.rows.map((r: { id: string }) => r.id).slice(-ids.length)).toEqual(ids);
    expect(json.rows).toHaveLength(n);
    expect(json.rows.every((r: { sources: string }) => /^https?:\/\//.test(r.sources))).toBe(true);
    // The page's own download link carries the same filters.
    const link = page.getByRole("link", { name: "CSV" });
    await expect(link).toHaveAttribute("href", /kind=STATEMENT%2CPLEDGE|kind=STATEMENT,PLEDGE/);
    const bad = await request.get("/timeline/download?kind=PICNIC");
    expect(bad.status()).toBe(422);
  });

  test("explains bad or unknown parameters", async ({ page }) => {
    for (const [q, text] of [
      ["kind=PICNIC", /Unknown kind/],
      ["from=2025-02-30", /does not exist/],
      ["from=2025-06-01&to=2025-05-01", /before the start date/],
      ["asOf=2999-01-01", /future/],
      ["page=two", /page number/],
    ] as const) {
      const res = await page.goto(`/timeline?${q}`);
      expect(res?.status()).toBe(400);
      await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toContainText(text);
    }
  });

  test("is usable with the keyboard: focus shows details, Enter opens the list entry", async ({ page }) => {
    test.skip(test.info().project.name === "phone", "keyboard and hover details are for the lanes layout");
    const unknown = await page.goto("/timeline?actor=zz");
    await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toContainText(/Unknown actor "zz"/);
    expect(unknown?.status()).toBeLessThan(500);
    await page.goto("/timeline?from=2025-03-01&to=2025-03-31");
    const links = chart(page).locator('a[href*="#event-"], a[href*="#pledge-"]');
    const first = links.first();
    await first.focus();
    await expect(first).toBeFocused();
    await expect(first.locator(".tip")).toBeVisible();
    const name1 = (await first.getAttribute("aria-label")) ?? "";
    await page.keyboard.press("Tab");
    const second = links.nth(1);
    await expect(second).toBeFocused();
    expect(dateKey((await second.getAttribute("aria-label")) ?? "")).toBeGreaterThanOrEqual(dateKey(name1));
    const href = await second.getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator(href!.slice(href!.indexOf("#")))).toBeInViewport();
  });

  test("fits the screen, speaks Ukrainian and has no serious accessibility violations", async ({ page }) => {
    for (const path of ["/timeline", "/timeline?kind=VOTE&lang=uk"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
    }
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Хронологія");
  });
});
