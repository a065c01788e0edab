import AxeBuilder from "@axe-core/playwright";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { CHART_IDS } from "@/lib/embed/model";
import { ensureAccount, signedIn } from "./fixtures/accounts";

// Embeds as a journalist's article uses them: the builder's snippet pasted into a page served
// from another origin, with JavaScript on and off. Data rules (budgets, downloads, headers,
// frozen snapshots) are covered by the integration tests; this is what needs a browser.

// Every embed (the registry's ids).
const CHARTS = CHART_IDS;
type Snippet = { html: string; src: string; heights: { narrow: number; medium: number; wide: number } };

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

/** The snippet the builder gives for a chart (its textarea), with its src and declared heights. */
async function builderSnippet(request: APIRequestContext, query: string): Promise<Snippet> {
  const page = await (await request.get(`/share?${query}`)).text();
  const html = unescape(/<textarea[^>]*data-testid="snippet"[^>]*>([^<]*)<\/textarea>/.exec(page)?.[1] ?? "");
  expect(html).toMatch(
    /^<div style="container-type:inline-size"><style>@container \(max-width:504px\)\{iframe\.sgt-[0-9a-f]{8}\{height:\d+px!important\}\}@container \(min-width:905px\)\{iframe\.sgt-[0-9a-f]{8}\{height:\d+px!important\}\}<\/style><iframe class="sgt-[0-9a-f]{8}" src="[^"]+" title="[^"]+" width="100%" height="\d+" style="width:100%;height:\d+px;border:0" loading="lazy"><\/iframe><\/div>(<script src="[^"]+\/embed\/resize\.js" async><\/script>)?$/,
  );
  const px = [...html.matchAll(/height:(\d+)px!important/g)].map((m) => Number(m[1]));
  return { html, src: unescape(/src="([^"]+)"/.exec(html)![1]), heights: { narrow: px[0], medium: Number(/height="(\d+)"/.exec(html)![1]), wide: px[1] } };
}

/** A host page on another origin: article text around the pasted snippet (and the resize script). */
async function hostServer(pages: Map<string, string>): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const body = pages.get((req.url ?? "/").slice(1));
    if (!body) return void res.writeHead(204).end();
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Article</title></head>` +
        `<body style="max-width:680px;margin:0 auto;padding:8px"><p>Article text before the chart.</p>${body}<p>After.</p></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("response", async (r) => {
    if (r.url().includes("/embed/") && (await r.headerValue("set-cookie"))) problems.push(`Set-Cookie from ${r.url()}`);
  });
  return problems;
}

test.describe("embeds in a page from another origin", () => {
  const snippets = new Map<string, Snippet>();
  const pages = new Map<string, string>();
  let host: { url: string; close: () => void };
  let fixed: Snippet;

  test.beforeAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    for (const c of CHARTS) snippets.set(c, await builderSnippet(request, c === "country" ? "chart=country&code=gb" : `chart=${c}`));
    fixed = await builderSnippet(request, "chart=polls&resize=0");
    await request.dispose();
    for (const [c, s] of snippets) pages.set(c, s.html);
    const origin = new URL(baseURL!).origin;
    // A phone's column and a wide one, without the resize script: the declared height of each class.
    pages.set("fixed-narrow", `<div style="width:420px">${fixed.html}</div>`);
    pages.set("fixed-wide", `<div style="width:1000px">${fixed.html}</div>`);
    expect(fixed.html).not.toContain("<script");
    expect(snippets.get("polls")!.html).toContain(`<script src="${origin}/embed/resize.js" async></script>`);
    host = await hostServer(pages);
  });
  test.afterAll(() => host.close());

  for (const js of [true, false]) {
    test(`render at ${js ? "their natural height (resize script)" : "their declared height"}, log no errors and set no cookies (JavaScript ${js ? "on" : "off"})`, async ({ browser, baseURL }, testInfo) => {
      const context = await browser.newContext({ javaScriptEnabled: js });
      const page = await context.newPage();
      const problems = watch(page);
      for (const c of CHARTS) {
        const s = snippets.get(c)!;
        await page.goto(`${host.url}/${c}`);
        const iframe = page.locator("iframe");
        await iframe.scrollIntoViewIfNeeded();
        const frame = page.frameLocator("iframe");
        await expect(frame.locator("figure.sgt-c svg:visible").first()).toBeVisible();
        await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(frame.getByRole("link", { name: /Live chart/ })).toHaveAttribute("href", new RegExp(`^${new URL(baseURL!).origin}/`));
        // The host's column (about 660 px on a desktop, 396 px on a phone) gets its width class's
        // declared height, until the resize script (JavaScript on) applies the embed's natural height.
        const column = (await iframe.boundingBox())!.width;
        const declared = column <= 504 ? s.heights.narrow : column >= 905 ? s.heights.wide : s.heights.medium;
        const natural = () => frame.locator(".sgt").evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
        if (js) await expect.poll(async () => (await iframe.boundingBox())!.height, { message: c }).toBe(await natural());
        else expect((await iframe.boundingBox())!.height, c).toBe(declared);
        // The declared height holds the embed with little to spare: nothing is clipped, no gap.
        if (!js) expect(Math.abs(declared - (await natural())), c).toBeLessThan(declared * 0.2);
        if (js && testInfo.project.name === "desktop") {
          const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
          expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), c).toEqual([]);
        }
        // The data table opens without JavaScript.
        await frame.getByText("Data table").click();
        await expect(frame.locator(".sgt-dt table")).toBeVisible();
      }
      expect(await context.cookies(baseURL!)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  test("fixed height (resize=0): the frame takes the height declared for its column's width class", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === "phone", "one width is enough");
    const problems = watch(page);
    for (const [name, declared] of [["fixed-narrow", fixed.heights.narrow], ["fixed-wide", fixed.heights.wide]] as const) {
      await page.goto(`${host.url}/${name}`);
      const iframe = page.locator("iframe");
      await expect(page.frameLocator("iframe").locator("figure.sgt-c svg:visible").first()).toBeVisible();
      expect((await iframe.boundingBox())!.height, name).toBe(declared);
      const natural = await page.frameLocator("iframe").locator(".sgt").evaluate((e) => e.getBoundingClientRect().height);
      expect(Math.abs(natural - declared), name).toBeLessThan(declared * 0.2);
    }
    expect(fixed.heights.narrow).not.toBe(fixed.heights.wide);
    expect(problems).toEqual([]);
  });
});

test.describe("live and frozen", () => {
  /** Runs SQL on the app's database in one transaction. */
  async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }
  /** What a publish does: the change and a new dataset release, together. */
  const publishTitle = (slug: string, title: string) =>
    sql(
      `WITH c AS (UPDATE "Commitment" SET title = $1 WHERE slug = $2 RETURNING 1)
       INSERT INTO "Release" (note, "authorLabel", changes) SELECT 'e2e embed test', 'e2e', count(*) FROM c`,
      [title, slug],
    );

  test("after a data edit the live embed changes within seconds and the frozen one does not", async ({ request }, testInfo) => {
    test.skip(testInfo.project.name === "phone", "data edits run once, at desktop width");
    const [{ slug, title }] = await sql<{ slug: string; title: string }>(
      `SELECT c.slug, c.title FROM "Commitment" c JOIN "Actor" a ON a.id = c."actorId"
       WHERE a.slug = 'gb' AND c.kind = 'TROOPS' AND c.status = 'PUBLISHED' ORDER BY c.slug LIMIT 1`,
    );
    const live = await builderSnippet(request, "chart=country&code=gb");
    const frozen = await builderSnippet(request, "chart=country&code=gb&mode=frozen");
    expect(frozen.src).toMatch(/[?&]release=\d+/);
    const before = await (await request.get(frozen.src)).text();
    expect(before).toMatch(/As published on .* \(release \d+\)/);
    expect(before).toContain(title.slice(0, 25));
    const edited = `E2E edited title ${Date.now()}`;
    await publishTitle(slug, edited);
    try {
      // The live embed is cached by the dataset release, which every instance re-reads each second.
      await expect.poll(async () => (await request.get(live.src)).text(), { timeout: 5000, intervals: [250] }).toContain(edited);
      // The frozen one gains its notice once its process has seen the new release (within seconds too).
      await expect.poll(async () => (await request.get(frozen.src)).text(), { timeout: 5000, intervals: [250] }).toContain("Updated since — see the live chart");
      const after = await (await request.get(frozen.src)).text();
      expect(after).not.toContain(edited);
      expect(after).toContain(title.slice(0, 25));
    } finally {
      await publishTitle(slug, title);
    }
  });

  test("an admin session changes nothing: same bytes as an anonymous reader", async ({ browser, request }, testInfo) => {
    test.skip(testInfo.project.name === "phone", "sessions are checked once, at desktop width");
    ensureAccount("e2e-embed-reviewer@example.org", "reviewer", "Embed Reviewer");
    const admin = await signedIn(browser as Browser, "e2e-embed-reviewer@example.org");
    expect((await admin.context().cookies()).length).toBeGreaterThan(0);
    for (const path of ["/embed/timeline?actor=gb", "/embed/country/fr?lang=uk"]) {
      const withSession = await admin.request.get(path);
      const anonymous = await request.get(path);
      expect(await withSession.body()).toEqual(await anonymous.body());
      expect(withSession.headers()["set-cookie"]).toBeUndefined();
    }
    await admin.context().close();
  });
});

test("every public chart offers “Embed this”, leading to a builder with preview, code, citations and downloads", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "one width is enough");
  await page.goto("/polls?country=GB");
  await page.getByRole("link", { name: "Embed this" }).first().click();
  await expect(page).toHaveURL(/\/share\?.*chart=polls/);
  await expect(page.getByRole("heading", { name: "Embed this chart" })).toBeVisible();
  await expect(page.frameLocator("iframe").getByText("United Kingdom").filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByTestId("snippet")).toHaveValue(/country=GB/);
  await expect(page.getByText(/^Security Guarantees Tracker\. \(\d{4}\)\. Public opinion on sending troops \[Data set\]/)).toBeVisible();
  for (const name of ["SVG (vector)", "PNG (image)", "CSV (the chart's data)"]) await expect(page.getByRole("link", { name })).toHaveAttribute("href", /\/embed\/polls\.(svg|png|csv)\?country=GB/);
  await page.getByLabel("Dark").check();
  await page.getByRole("button", { name: "Update the preview and code" }).click();
  await expect(page.getByTestId("snippet")).toHaveValue(/theme=dark/);
  for (const path of ["/commitments", "/timeline", "/map", "/countries/gb"]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toMatch(/<a href="\/share\?chart=[^"]+" class="text-accent underline">Embed this<\/a>/);
    expect(html, path).toMatch(/<link rel="alternate" type="application\/json\+oembed" href="[^"]*\/oembed\?format=json&amp;url=/);
    expect(html, path).toMatch(/<meta property="og:image" content="[^"]*\/embed\/[a-z-/]+\.png\?[^"]*size=og"/);
  }
});
