import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { createClient } from "redis";
import { EDITOR, PASSWORD, REVIEWER } from "./global-setup";

// Two `next start` instances (A and B) behind nginx, one PostgreSQL database, one Redis data
// cache (tests/multi/global-setup.ts). A publish through A is served by B, by A and through
// nginx within 5 s, and the cache really is shared.

test.describe.configure({ mode: "serial" });

const A = process.env.MULTI_A!;
const B = process.env.MULTI_B!;
const NGINX = process.env.MULTI_NGINX!;
const PREFIX = process.env.MULTI_PREFIX!;

const redisClient = () => createClient({ url: process.env.MULTI_REDIS_URL });

async function withRedis<T>(fn: (r: ReturnType<typeof redisClient>) => Promise<T>): Promise<T> {
  const r = redisClient();
  await r.connect();
  try {
    return await fn(r);
  } finally {
    r.destroy();
  }
}

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.MULTI_DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** Cache entries under this run's prefix whose stored value contains `text`. */
async function entriesContaining(text: string): Promise<string[]> {
  return withRedis(async (r) => {
    const found: string[] = [];
    for await (const keys of r.scanIterator({ MATCH: `${PREFIX}entry:*`, COUNT: 500 })) {
      for (const key of keys) if ((await r.get(key))?.includes(JSON.stringify(text).slice(1, -1))) found.push(key);
    }
    return found;
  });
}

async function heading(page: Page, url: string): Promise<string> {
  await page.goto(url);
  return (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
}

/** Signs in through nginx (the site's public origin); the session cookie is good on every instance. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${NGINX}/admin/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // argon2id on a busy two-core machine: allow more than the default 5 s.
  await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible({ timeout: 15_000 });
  return page;
}

async function openRecord(page: Page, origin: string, slug: string) {
  await page.goto(`${origin}/admin/commitments?q=${encodeURIComponent(slug)}`);
  await page.locator(`tr:has-text("${slug}") a`).first().click();
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();
}

test("a read cached by one instance is served by the other from Redis", async ({ browser }) => {
  const slug = "ee-troops";
  const page = await browser.newPage();
  const title = await heading(page, `${A}/commitments/${slug}`);

  // A stored its read under the run's prefix (written as the request ends, hence the poll).
  await expect.poll(() => entriesContaining(title), { timeout: 5_000 }).not.toHaveLength(0);

  // Change the row behind the cache's back (no publish, no release): B has never read this
  // commitment, so if it shows the old title it got it from the entry A wrote to Redis.
  const [{ title: changed }] = await sql<{ title: string }>(`UPDATE "Commitment" SET title = title || ' [changed behind the cache]' WHERE slug = $1 RETURNING title`, [slug]);
  expect(changed).not.toBe(title);
  try {
    expect(await heading(page, `${B}/commitments/${slug}`)).toBe(title);
  } finally {
    await sql(`UPDATE "Commitment" SET title = $2 WHERE slug = $1`, [slug, title]);
  }
});

test("a change published through instance A is served by B, by A and through nginx within 5 s", async ({ browser }) => {
  const slug = "lv-troops";
  const editor = await signedIn(browser, EDITOR);
  const reviewer = await signedIn(browser, REVIEWER);

  // Every instance has the current version cached before the publish.
  const viewers = { B, A, nginx: NGINX };
  const pages: Record<string, Page> = {};
  let original = "";
  for (const [name, origin] of Object.entries(viewers)) {
    pages[name] = await browser.newPage();
    original = await heading(pages[name], `${origin}/commitments/${slug}`);
  }
  expect(await entriesContaining(original)).not.toHaveLength(0);

  // The editor drafts and submits on A; the reviewer publishes on A.
  const edited = `${original} (published through A at ${Date.now()})`;
  await openRecord(editor, A, slug);
  await editor.getByLabel("Title (required)").fill(edited);
  await editor.getByLabel("What did you change?").fill("Title checked across instances");
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByText("Draft saved.")).toBeVisible();
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByText("Submitted for review.")).toBeVisible();
  await openRecord(reviewer, A, slug);
  await reviewer.getByLabel("Note for the corrections log").fill("Title checked across instances");

  const clickedAt = Date.now();
  await reviewer.getByRole("button", { name: "Publish" }).click();
  await expect(reviewer.getByText(/^Published\./)).toBeVisible();
  // The publish is done when the reviewer is told so; the 5 s run from there.
  const publishedAt = Date.now();

  // A expired the "published" tag in the shared store, for every instance.
  const mark = await withRedis((r) => r.get(`${PREFIX}tag:published`));
  expect(mark, "A wrote the tag's expiry to Redis").not.toBeNull();
  expect(JSON.parse(mark!).expired).toBeGreaterThanOrEqual(clickedAt);
  expect(JSON.parse(mark!).expired).toBeLessThanOrEqual(publishedAt);

  const delays: Record<string, number> = {};
  await Promise.all(
    Object.entries(viewers).map(async ([name, origin]) => {
      await expect(async () => {
        await pages[name].goto(`${origin}/commitments/${slug}`);
        await expect(pages[name].getByRole("heading", { level: 1 })).toHaveText(edited, { timeout: 200 });
      }).toPass({ timeout: 5_000, intervals: [100, 250] });
      delays[name] = Date.now() - publishedAt;
    }),
  );
  const line = `publish action ${publishedAt - clickedAt} ms; then new title served by ${Object.entries(delays).map(([k, v]) => `${k} in ${v} ms`).join(", ")}`;
  console.log(`[multi] ${line}`);
  test.info().annotations.push({ type: "publish → visible", description: line });
  for (const v of Object.values(delays)) expect(v).toBeLessThanOrEqual(5_000);
});

test("nginx spreads requests over both instances", async ({ request }) => {
  const logFile = process.env.MULTI_NGINX_LOG!;
  const before = readFileSync(logFile, "utf8").length;
  for (let i = 0; i < 6; i++) {
    const r = await request.get(`${NGINX}/api/v1/health`);
    expect(r.status()).toBe(200);
  }
  const lines = readFileSync(logFile, "utf8").slice(before).split("\n").filter((l) => l.includes("/api/v1/health"));
  expect(lines).toHaveLength(6);
  const upstreams = new Set(lines.map((l) => /upstream=(\S+)/.exec(l)?.[1]));
  expect(upstreams).toEqual(new Set([new URL(A).host, new URL(B).host]));
});
