import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { ensureAccount, PASSWORD } from "./fixtures/accounts";

// Accounts in a real browser: who gets in, what the admin answers carry, an admin creating an
// account whose owner changes the password, and a server action replayed from another site.
// Desktop only (playwright.config.ts keeps admin specs off the phone project).

test.describe.configure({ mode: "serial" });

const ADMIN = "e2e-admin@example.org";
const run = Date.now().toString(36);

test.beforeAll(() => ensureAccount(ADMIN, "admin", "Ada Admin"));

/** One query on the app's database (E2E_DATABASE_URL, set by playwright.config.ts). */
async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
const countUsers = async (email: string) => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "user" WHERE email = $1`, [email]))[0].n);

let person = 0;
/**
 * A browser for one person, at its own client address: sign-in is limited to 5 attempts a minute
 * per address, and every test browser would otherwise share 127.0.0.1.
 */
async function newPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${(process.pid % 50) * 5 + ++person}` } });
  return context.newPage();
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await newPerson(browser);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  return page;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/admin/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("anonymous visitors are sent to sign in; admin answers are noindex, unframeable and uncached", async ({ page, request }) => {
  for (const path of ["/admin", "/admin/users", "/admin/account"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/admin\/login$/);
  }
  for (const path of ["/admin/login", "/admin"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["x-robots-tag"], path).toBe("noindex, nofollow");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["cache-control"], path).toContain("no-store");
  }
  expect((await request.get("/api/auth/get-session")).headers()["x-robots-tag"]).toBe("noindex, nofollow");
  // The public site stays indexable.
  expect((await request.get("/")).headers()["x-robots-tag"]).toBeUndefined();
});

test("a wrong password shows an error; the right one signs in; signing out ends the session", async ({ browser }) => {
  const page = await newPerson(browser);
  await signIn(page, ADMIN, "not the right password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login$/);

  await signIn(page, ADMIN, PASSWORD);
  await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "better-auth.session_token")).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.context().close();
});

test("an admin creates an account; its owner signs in, changes the password and signs out everywhere", async ({ browser }) => {
  const admin = await signedIn(browser, ADMIN);
  await admin.goto("/admin/users");
  const email = `e2e-new-${run}@example.org`;
  await admin.getByLabel("Name").fill("Nina New");
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Role (required)").selectOption("EDITOR");
  // A weak password is refused beside its field, and nothing is created.
  await admin.getByLabel("Initial password").fill("too short");
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator("#new-password-error")).toContainText("at least 12 characters");
  expect(await countUsers(email)).toBe(0);

  await admin.getByLabel("Initial password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Account created for ${email}` })).toBeVisible();
  await expect(admin.getByRole("row", { name: /Nina New/ })).toContainText("Active");

  const owner = await newPerson(browser);
  await signIn(owner, email, PASSWORD);
  await expect(owner.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  await owner.goto("/admin/account");
  await expect(owner.getByText("Editor", { exact: true })).toBeVisible();
  const newPassword = "a new and longer passphrase";
  await owner.getByLabel("Current password").fill("not my password at all");
  await owner.getByLabel("New password", { exact: true }).fill(newPassword);
  await owner.getByLabel("New password again").fill(newPassword);
  await owner.getByRole("button", { name: "Change password" }).click();
  await expect(owner.locator("#currentPassword-error")).toContainText("not your current password");

  await owner.getByLabel("Current password").fill(PASSWORD);
  await owner.getByRole("button", { name: "Change password" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  await expect(owner.getByRole("row", { name: /this browser/ })).toBeVisible();

  await owner.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(owner).toHaveURL(/\/admin\/login$/);
  const rows = await query<{ n: string }>(`SELECT count(*) AS n FROM "session" s JOIN "user" u ON u.id = s."userId" WHERE u.email = $1`, [email]);
  expect(Number(rows[0].n)).toBe(0);
  await signIn(owner, email, newPassword);
  await expect(owner.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  await owner.context().close();
  await admin.context().close();
});

test("a server action replayed from a foreign Origin is refused and writes nothing", async ({ browser }) => {
  const admin = await signedIn(browser, ADMIN);
  await admin.goto("/admin/users");
  // Capture the real "create account" action call the page makes.
  const first = `e2e-replay-${run}-0@example.org`;
  await admin.getByLabel("Name").fill("Replay Zero");
  await admin.getByLabel("E-mail").fill(first);
  await admin.getByLabel("Initial password").fill(PASSWORD);
  const [call] = await Promise.all([
    admin.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    admin.getByRole("button", { name: "Create account" }).click(),
  ]);
  await expect(admin.getByRole("status").filter({ hasText: `Account created for ${first}` })).toBeVisible();
  const headers = call.headers();
  const replay = (email: string, origin: string) =>
    admin.request.post("/admin/users", {
      headers: { "Next-Action": headers["next-action"], "Content-Type": headers["content-type"], Accept: "text/x-component", Origin: origin },
      data: call.postData()!.replace(first, email),
      maxRedirects: 0,
    });

  // The same call from the app's own origin works (so the refusal below is about the Origin)…
  const control = `e2e-replay-${run}-1@example.org`;
  expect((await replay(control, new URL(admin.url()).origin)).ok()).toBe(true);
  expect(await countUsers(control)).toBe(1);

  // …and from another site, with the admin's own cookie, it is refused and creates nothing.
  const forged = `e2e-replay-${run}-2@example.org`;
  const refused = await replay(forged, "http://evil.example");
  expect(refused.ok(), `status ${refused.status()}`).toBe(false);
  expect(await countUsers(forged)).toBe(0);

  // A made-up action id on a record page, from another site: refused as well.
  const before = await query<{ n: string }>(`SELECT count(*) AS n FROM "Draft"`);
  const bogus = await admin.request.post("/admin/commitments/new", {
    headers: { "Next-Action": "7f0000000000000000000000000000000000000000", Origin: "http://evil.example", "Content-Type": "text/plain;charset=UTF-8" },
    data: "[{}]",
    maxRedirects: 0,
  });
  expect(bogus.ok()).toBe(false);
  expect(await query<{ n: string }>(`SELECT count(*) AS n FROM "Draft"`)).toEqual(before);
  await admin.context().close();
});
