import { expect, test, type Page } from "@playwright/test";
import { ensureAccount, signedIn } from "./fixtures/accounts";

// The editorial loop in a real browser: an editor drafts, a reviewer publishes, the public page
// shows it within seconds; two people editing one record never overwrite each other.

test.describe.configure({ mode: "serial" });

const EDITOR = "e2e-editor@example.org";
const EDITOR2 = "e2e-editor2@example.org";
const REVIEWER = "e2e-reviewer@example.org";

test.beforeAll(() => {
  ensureAccount(EDITOR, "editor", "Edna Editor");
  ensureAccount(EDITOR2, "editor", "Ed Second");
  ensureAccount(REVIEWER, "reviewer", "Rita Reviewer");
});

async function openRecord(page: Page, entity: string, slug: string) {
  await page.goto(`/admin/${entity}?q=${encodeURIComponent(slug)}`);
  await page.locator(`tr:has-text("${slug}") a`).first().click();
  await expect(page.getByRole("button", { name: "Save draft" })).toBeVisible();
}

async function publishEdit(editor: Page, reviewer: Page, slug: string, title: string, note: string) {
  await openRecord(editor, "commitments", slug);
  await editor.getByLabel("Title (required)").fill(title);
  await editor.getByLabel("What did you change?").fill(note);
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByText("Draft saved.")).toBeVisible();
  await editor.getByRole("button", { name: "Submit for review" }).click();
  await expect(editor.getByText("Submitted for review.")).toBeVisible();

  await openRecord(reviewer, "commitments", slug);
  await reviewer.getByLabel("Note for the corrections log").fill(note);
  await reviewer.getByRole("button", { name: "Publish" }).click();
  await expect(reviewer.getByText(/^Published\./)).toBeVisible();
}

test("an editor's change, published by a reviewer, is on the public page within seconds", async ({ browser }) => {
  const editor = await signedIn(browser, EDITOR);
  const reviewer = await signedIn(browser, REVIEWER);
  const slug = "lv-troops";
  const publicPage = await browser.newPage();
  await publicPage.goto(`/commitments/${slug}`);
  const original = (await publicPage.getByRole("heading", { level: 1 }).textContent())!.trim();

  const edited = `${original} (checked ${Date.now()})`;
  await publishEdit(editor, reviewer, slug, edited, "Clarified the title");
  const start = Date.now();
  await expect(async () => {
    await publicPage.reload();
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(edited);
  }).toPass({ timeout: 5_000, intervals: [250, 500, 1000] });
  test.info().annotations.push({ type: "publish → visible", description: `${Date.now() - start} ms` });

  // The reviewer cannot publish their own change: put the title back the same way.
  await publishEdit(editor, reviewer, slug, original, "Restored the original title");
  await expect(async () => {
    await publicPage.reload();
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(original);
  }).toPass({ timeout: 5_000 });
});

test("two editors save the same record: one wins, the other sees both versions and merges", async ({ browser }) => {
  const a = await signedIn(browser, EDITOR);
  const b = await signedIn(browser, EDITOR2);
  const slug = "ee-troops";
  await openRecord(a, "commitments", slug);
  await openRecord(b, "commitments", slug);

  await a.getByLabel("Summary (required)").fill("Summary written by the first editor.");
  await a.getByRole("button", { name: "Save draft" }).click();
  await expect(a.getByText("Draft saved.")).toBeVisible();

  await b.getByLabel("Summary (required)").fill("Summary written by the second editor.");
  await b.getByRole("button", { name: "Save draft" }).click();
  const conflict = b.getByRole("region", { name: /saved this record while you were editing/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Summary/ })).toContainText("Summary written by the first editor.");
  await expect(conflict.getByRole("row", { name: /Summary/ })).toContainText("Summary written by the second editor.");
  // Nothing was overwritten: the first editor's text is what the draft holds.
  await a.reload();
  await expect(a.getByLabel("Summary (required)")).toHaveValue("Summary written by the first editor.");

  await conflict.getByRole("button", { name: "I have merged: let me save" }).click();
  await b.getByLabel("Summary (required)").fill("Summary merged from both editors.");
  await b.getByRole("button", { name: "Save draft" }).click();
  await expect(b.getByText("Draft saved.")).toBeVisible();
  await expect(b.getByLabel("Summary (required)")).toHaveValue("Summary merged from both editors.");
});

test("a form with bad values shows field errors and saves nothing", async ({ browser }) => {
  const page = await signedIn(browser, EDITOR);
  await page.goto("/admin/polls/new");
  await page.getByLabel("Slug (required)").fill("Not A Slug");
  await page.getByLabel("Support (%)").fill("150");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toBeVisible();
  await expect(page.locator("#f-slug-error")).toContainText("lower-case");
  await expect(page.locator("#f-support-error")).not.toBeEmpty();
  await expect(page.getByLabel("Slug (required)")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/polls\/new$/);
});

test("an editor imports a CSV: a dry-run report first, then the valid rows as drafts, submitted together", async ({ browser }) => {
  const page = await signedIn(browser, EDITOR2);
  await page.goto("/admin/import");
  await page.getByLabel("Records").selectOption("polls");
  await page.getByLabel("CSV file").setInputFiles("tests/fixtures/import/polls-mixed.csv");
  await page.getByRole("button", { name: "Check file" }).click();
  const importButton = page.getByRole("button", { name: /^Import \d+ valid rows? as drafts$/ });
  await expect(importButton).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("This date does not exist.");
  const valid = Number((await importButton.textContent())!.match(/\d+/)![0]);
  expect(valid).toBeGreaterThan(0);
  await importButton.click();
  await expect(page.getByText(`Imported ${valid} polls from polls-mixed.csv as drafts.`)).toBeVisible();

  await page.goto("/admin");
  const mine = page.getByRole("region", { name: "Your drafts" });
  await mine.getByLabel(/^Select all \d+$/).check();
  await mine.getByRole("button", { name: /^Submit for review \d+ chosen$/ }).click();
  await expect(mine.getByText(/drafts? submitted for review\./)).toBeVisible();
});
