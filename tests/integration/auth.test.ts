import { afterAll, describe, expect, it, vi } from "vitest";
import { auth, SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_LIMIT } from "@/lib/auth";
import { db } from "@/lib/db/client";
import { createUser, updateUser } from "@/lib/db/users";

// better-auth as the app runs it (lib/auth.ts), driven through its request handler: sign-in with
// argon2id, rate limits counted in the database, the Origin check, no sign-up, disabled accounts,
// password change and "sign out everywhere" removing the session rows.

process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
process.env.PORT = "3000";
delete process.env.PUBLIC_URL;

// better-auth warns on every wrong password; expected here, so kept out of the output.
vi.spyOn(console, "warn").mockImplementation(() => {});

const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";
const run = Date.now().toString(36);
let n = 0;
let ipCounter = 0;
/** A fresh client address (TEST-NET-3) so every test has its own rate-limit bucket. */
const freshIp = () => `203.0.113.${++ipCounter}`;

function post(path: string, body: unknown, opts: { ip?: string; origin?: string | null; cookie?: string } = {}) {
  const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": opts.ip ?? freshIp() });
  if (opts.origin !== null) headers.set("origin", opts.origin ?? ORIGIN);
  if (opts.cookie) headers.set("cookie", opts.cookie);
  return auth().handler(new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}

/** The session cookie a response sets, as a Cookie header value. */
function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`no session cookie (status ${res.status})`);
  return cookie.split(";")[0];
}

async function newUser(role: "EDITOR" | "REVIEWER" | "ADMIN" = "EDITOR") {
  const email = `zz-auth-${run}-${++n}@example.org`;
  const r = await createUser(null, { email, name: `Auth Test ${n}`, role, password: PASSWORD }, { bootstrap: true });
  if (!r.ok) throw new Error(r.message);
  return { id: r.id, email };
}

const sessionsOf = (userId: string) => db().session.findMany({ where: { userId }, select: { id: true, token: true } });

/** better-auth logs refusals with console.error; those expected here are checked and cleared. */
function expectLogged(pattern: RegExp) {
  const spy = vi.mocked(console.error);
  expect(spy.mock.calls.map((c) => c.join(" ")).some((line) => pattern.test(line))).toBe(true);
  spy.mockClear();
}

afterAll(async () => {
  await db().user.deleteMany({ where: { email: { startsWith: `zz-auth-${run}-` } } });
});

describe("sign-in", () => {
  it("the right password answers 200, sets an HttpOnly session cookie and stores a session row; the hash is argon2id", async () => {
    const u = await newUser();
    const account = await db().account.findFirst({ where: { userId: u.id, providerId: "credential" }, select: { password: true } });
    expect(account?.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const res = await post("/sign-in/email", { email: u.email, password: PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const rows = await sessionsOf(u.id);
    expect(rows).toHaveLength(1);
    // The cookie names the stored session (signed token), so revoking the row signs the browser out.
    expect(decodeURIComponent(sessionCookie(res).split("=")[1])).toContain(rows[0].token);
    const body = JSON.stringify(await res.json());
    expect(body).not.toContain("argon2");
  });

  it("a wrong password answers 401 and opens no session", async () => {
    const u = await newUser();
    const res = await post("/sign-in/email", { email: u.email, password: "not the password at all" });
    expect(res.status).toBe(401);
    expect(await sessionsOf(u.id)).toHaveLength(0);
  });

  it(`the ${SIGN_IN_LIMIT.max + 1}th attempt from one address within a minute answers 429, counted in table rateLimit`, async () => {
    const u = await newUser();
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMIT.max; i++) {
      expect((await post("/sign-in/email", { email: u.email, password: `wrong password ${i}` }, { ip })).status).toBe(401);
    }
    const blocked = await post("/sign-in/email", { email: u.email, password: PASSWORD }, { ip });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // Even the right password is refused while blocked.
    expect(await sessionsOf(u.id)).toHaveLength(0);
    const counter = await db().rateLimit.findUnique({ where: { key: `${ip}|/sign-in/email` } });
    expect(counter?.count).toBe(SIGN_IN_LIMIT.max);
    // Another address is not affected.
    expect((await post("/sign-in/email", { email: u.email, password: PASSWORD })).status).toBe(200);
  });

  it(`changing address for every attempt does not help: after ${SIGN_IN_ACCOUNT_LIMIT.max} attempts on one account, 429 from anywhere`, async () => {
    // `next start` passes a client's own X-Forwarded-For through, so the address is the client's choice.
    const u = await newUser();
    const other = await newUser();
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max; i++) {
      expect((await post("/sign-in/email", { email: u.email, password: `wrong password ${i}` })).status).toBe(401);
    }
    const blocked = await post("/sign-in/email", { email: u.email.toUpperCase(), password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(SIGN_IN_LIMIT.window);
    expect(await sessionsOf(u.id)).toHaveLength(0);
    expect((await db().rateLimit.findUnique({ where: { key: `account:${u.email}|/sign-in/email` } }))?.count).toBe(SIGN_IN_ACCOUNT_LIMIT.max + 1);
    expect((await post("/sign-in/email", { email: other.email, password: PASSWORD })).status).toBe(200);
  });

  it("a successful sign-in clears the account's count, so its owner is not locked out by their own sign-ins", async () => {
    const u = await newUser();
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max - 1; i++) await post("/sign-in/email", { email: u.email, password: `wrong password ${i}` });
    expect((await post("/sign-in/email", { email: u.email, password: PASSWORD })).status).toBe(200);
    expect(await db().rateLimit.count({ where: { key: `account:${u.email}|/sign-in/email` } })).toBe(0);
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max - 1; i++) await post("/sign-in/email", { email: u.email, password: `wrong password ${i}` });
    expect((await post("/sign-in/email", { email: u.email, password: PASSWORD })).status).toBe(200);
  });

  it("a foreign Origin answers 403 and opens no session", async () => {
    const u = await newUser();
    const res = await post("/sign-in/email", { email: u.email, password: PASSWORD }, { origin: "http://evil.example" });
    expect(res.status).toBe(403);
    expect(await sessionsOf(u.id)).toHaveLength(0);
    expectLogged(/Invalid origin: http:\/\/evil\.example/);
  });

  it("sign-up is refused: accounts are created by admins", async () => {
    const email = `zz-auth-${run}-signup@example.org`;
    const res = await post("/sign-up/email", { email, name: "Walk In", password: PASSWORD });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("a disabled account cannot sign in", async () => {
    const u = await newUser();
    const admin = await newUser("ADMIN");
    const r = await updateUser({ id: admin.id, name: "Admin", role: "ADMIN" }, { id: u.id, role: "EDITOR", disabled: true });
    expect(r.ok).toBe(true);
    const res = await post("/sign-in/email", { email: u.email, password: PASSWORD });
    expect(res.status).toBe(401);
    expect(await sessionsOf(u.id)).toHaveLength(0);
    expectLogged(/Failed to create session/);
  });
});

describe("sessions", () => {
  it("disabling an account deletes its sessions, so its cookie stops working at once", async () => {
    const u = await newUser();
    const admin = await newUser("ADMIN");
    const cookie = sessionCookie(await post("/sign-in/email", { email: u.email, password: PASSWORD }));
    expect(await auth().api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull();
    expect((await updateUser({ id: admin.id, name: "Admin", role: "ADMIN" }, { id: u.id, role: "EDITOR", disabled: true })).ok).toBe(true);
    expect(await sessionsOf(u.id)).toHaveLength(0);
    expect(await auth().api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });

  it("changing the password with revokeOtherSessions ends every other session; only the new password works", async () => {
    const u = await newUser();
    const here = sessionCookie(await post("/sign-in/email", { email: u.email, password: PASSWORD }));
    const elsewhere = sessionCookie(await post("/sign-in/email", { email: u.email, password: PASSWORD }));
    const before = await sessionsOf(u.id);
    expect(before).toHaveLength(2);

    const wrong = await post("/change-password", { currentPassword: "not my password!!", newPassword: "a brand new passphrase", revokeOtherSessions: true }, { cookie: here });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).code).toBe("INVALID_PASSWORD");
    expect(await sessionsOf(u.id)).toHaveLength(2);

    const newPassword = "a brand new passphrase";
    const res = await post("/change-password", { currentPassword: PASSWORD, newPassword, revokeOtherSessions: true }, { cookie: here });
    expect(res.status).toBe(200);
    const after = await sessionsOf(u.id);
    // Both old rows are gone; the browser that changed the password got a fresh session.
    expect(after).toHaveLength(1);
    expect(before.map((s) => s.id)).not.toContain(after[0].id);
    expect(await auth().api.getSession({ headers: new Headers({ cookie: elsewhere }) })).toBeNull();
    expect(await auth().api.getSession({ headers: new Headers({ cookie: sessionCookie(res) }) })).not.toBeNull();

    const account = await db().account.findFirst({ where: { userId: u.id, providerId: "credential" }, select: { password: true } });
    expect(account?.password).toMatch(/^\$argon2id\$/);
    expect((await post("/sign-in/email", { email: u.email, password: PASSWORD })).status).toBe(401);
    expect((await post("/sign-in/email", { email: u.email, password: newPassword })).status).toBe(200);
  });

  it("a password change needs a session, and the same Origin", async () => {
    const u = await newUser();
    const cookie = sessionCookie(await post("/sign-in/email", { email: u.email, password: PASSWORD }));
    const body = { currentPassword: PASSWORD, newPassword: "an attacker's choice!!", revokeOtherSessions: true };
    expect((await post("/change-password", body)).status).toBe(401);
    expect((await post("/change-password", body, { cookie, origin: "http://evil.example" })).status).toBe(403);
    expectLogged(/Invalid origin/);
    expect((await post("/sign-in/email", { email: u.email, password: PASSWORD })).status).toBe(200);
  });

  it("sign out everywhere (revoke-sessions) removes every session row of the account, and no one else's", async () => {
    const u = await newUser();
    const other = await newUser();
    const cookie = sessionCookie(await post("/sign-in/email", { email: u.email, password: PASSWORD }));
    await post("/sign-in/email", { email: u.email, password: PASSWORD });
    await post("/sign-in/email", { email: other.email, password: PASSWORD });
    expect(await sessionsOf(u.id)).toHaveLength(2);

    const res = await post("/revoke-sessions", {}, { cookie });
    expect(res.status).toBe(200);
    expect(await sessionsOf(u.id)).toHaveLength(0);
    expect(await sessionsOf(other.id)).toHaveLength(1);
    // The browser is told to forget its cookie, and the old cookie no longer opens anything.
    expect(res.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=;") || /Max-Age=0/.test(c))).toBe(true);
    expect(await auth().api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });
});
