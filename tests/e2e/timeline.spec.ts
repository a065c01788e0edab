import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const count = async (page: Page) => Number((await page.getByTestId("item-count").locator("strong").textContent())?.trim());
const listEntries = (page: Page) => page.locator("#list li[id]");
const chart = (page: Page) => page.getByRole("group", { name: "Timeline" });
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "6 Jan 2026, …" or "Aug 2025, …" → sortable number (month-precision items sort at the month's start). */
function dateKey(name: string): number {
  const m = /^(?:(\d{1,2}) )?(\w{3}) (\d{4}),/.exec(name);
  if (!m) throw new Error(`no date in "${name}"`);
  return Number(m[3]) * 10_000 + (MONTHS.indexOf(m[2]) + 1) * 100 + Number(m[1] ?? 1);
}

test.describe("timeline page", () => {
  test.setTimeout(120_000);
  test("shows the lanes, a link per item in chronological order, and the list with sources", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/timeline");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Timeline");
    const n = await count(page);
    expect(n).toBeGreaterThan(100);
    await expect(listEntries(page)).toHaveCount(n);

    await expect(chart(page).locator("text.lt")).toHaveText([/^Summits and declarations · \d+/, /^Pledges \(lifecycle changes\) · \d+/, /^Statements and rejections · \d+/, /^Votes · /]);
    // Every item is a link in the chart, or counted in a "+N" badge that opens the list.
    const itemLinks = chart(page).getByRole("link", { name: /^\d{0,2} ?\w{3} \d{4}, / });
    const badges = chart(page).getByRole("link", { name: /more items on/ });
    const badgeNames = await badges.evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""));
    const inBadges = badgeNames.reduce((s, b) => s + Number(/^\+(\d+)/.exec(b)?.[1] ?? 0), 0);
    expect((await itemLinks.count()) + inBadges).toBe(n);
    const names = await itemLinks.evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? ""));
    const keys = names.map(dateKey);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);

    // Each chart link points at its list entry, which has its sources.
    const href = await itemLinks.first().getAttribute("href");
    expect(href).toMatch(/^#(event|pledge)-/);
    const entry = page.locator(href!);
    await expect(entry.getByRole("link").last()).toHaveAttribute("href", /^https?:\/\//);
    const withoutSource = await listEntries(page).evaluateAll((lis) => lis.filter((li) => !li.querySelector('a[href^="http"]')).length);
    expect(withoutSource).toBe(0);
    expect(errors).toEqual([]);
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
    await expect(chart(page).getByText("No items").first()).toBeAttached();
    await expect(listEntries(page)).toHaveCount(filtered);

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
    await expect(listEntries(page).filter({ hasText: "Pledges (lifecycle changes)" })).toHaveCount(n);
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
    const ids = await listEntries(page).evaluateAll((lis) => lis.map((li) => li.id));
    const csv = await request.get(`/timeline/download?${query}&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toContain("sources");
    const json = await (await request.get(`/timeline/download?${query}&format=json`)).json();
    expect(json.rows.map((r: { id: string }) => r.id)).toEqual(ids);
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
      ["actor=zz", /Unknown actor "zz"/],
    ] as const) {
      const res = await page.goto(`/timeline?${q}`);
      expect(res?.status()).toBeLessThan(500);
      await expect(page.getByRole("alert").filter({ hasText: "could not be shown" })).toContainText(text);
    }
  });

  test("is usable with the keyboard: focus shows details, Enter opens the list entry", async ({ page }) => {
    await page.goto("/timeline?from=2025-03-01&to=2025-03-31");
    const links = chart(page).getByRole("link", { name: /^\d{0,2} ?\w{3} \d{4}, / });
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
    await expect(page.locator(href!)).toBeInViewport();
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
