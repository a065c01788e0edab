import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  publishAction,
  restoreAction,
  retractAction,
  saveDraftAction,
  signOffAction,
  submitDraftAction,
} from "@/app/admin/(panel)/[entity]/actions";
import { createUserAction, updateUserAction } from "@/app/admin/(panel)/users/actions";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/db/seed";
import { createUser } from "@/lib/db/users";
import { parseInput, saveDraft, submitDraft, type Result } from "@/lib/db/workflow";
import type { Role } from "@/lib/permissions";
import { parseSeed, type SeedData } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

// Every server action of the admin, called directly as an attacker would (a server action is a
// public POST endpoint): without a session, with a forged cookie, with too small a role, and with
// malformed payloads. Each must answer a plain failure, never throw, and write nothing. Sessions are
// real better-auth sessions; only the request headers Next.js would pass are stubbed.

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
// revalidatePath/updateTag need a Next.js request; the positive controls below reach them.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, updateTag: () => {}, revalidateTag: () => {} }));

process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
process.env.PORT = "3000";
delete process.env.PUBLIC_URL;

const PASSWORD = "correct horse battery staple";
const run = Date.now().toString(36);
let seed: SeedData;
let n = 0;
const cookies: Partial<Record<Role, string>> = {};
const ids: Partial<Record<Role, string>> = {};
let inReview: { entityId: string; draftVersion: number };

async function signIn(role: Role) {
  const email = `zz-actions-${run}-${role.toLowerCase()}@example.org`;
  const r = await createUser(null, { email, name: `Actions ${role}`, role, password: PASSWORD }, { bootstrap: true });
  if (!r.ok) throw new Error(r.message);
  const res = await auth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": `198.51.100.${++n}` },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  cookies[role] = cookie.split(";")[0];
  ids[role] = r.id;
}

/** Who the next action runs as: a role's real session, a forged cookie, or nobody. */
function as(who: Role | "anonymous" | "forged") {
  request.headers =
    who === "anonymous"
      ? new Headers()
      : who === "forged"
        ? new Headers({ cookie: "better-auth.session_token=forged-token.c2lnbmF0dXJl" })
        : new Headers({ cookie: cookies[who]! });
}

/** A valid new commitment, unique per call, derived from the first seed commitment. */
function commitment(): Record<string, unknown> {
  const c = structuredClone(seed.commitments[0]) as Record<string, unknown>;
  c.slug = `zz-actions-${run}-${++n}`;
  return c;
}

const counts = async () => {
  const [drafts, revisions, audit, releases, users, accounts, commitments] = await Promise.all([
    db().draft.count(),
    db().revision.count(),
    db().auditEntry.count(),
    db().release.count(),
    db().user.count(),
    db().account.count(),
    db().commitment.count(),
  ]);
  return { drafts, revisions, audit, releases, users, accounts, commitments };
};

type Call = [name: string, call: () => Promise<Result>];

/** One valid-looking call of every action; `target` is an existing account to change. */
function everyAction(target: string): Call[] {
  const note = "Checked against the source.";
  return [
    ["saveDraftAction (new)", () => saveDraftAction({ entity: "commitments", entityId: null, draftVersion: null, baseVersion: null, input: commitment() })],
    ["submitDraftAction", () => submitDraftAction({ entity: "commitments", ...inReview })],
    ["signOffAction", () => signOffAction({ entity: "sites", entityId: inReview.entityId, draftVersion: inReview.draftVersion })],
    ["publishAction", () => publishAction({ entity: "commitments", ...inReview, note })],
    ["publishAction (override)", () => publishAction({ entity: "commitments", ...inReview, note, override: true })],
    ["retractAction", () => retractAction({ entity: "commitments", entityId: inReview.entityId, version: 1, note })],
    ["restoreAction", () => restoreAction({ revisionId: "no-such-revision", version: null, note })],
    ["createUserAction", () => createUserAction({ email: `zz-actions-${run}-new-${++n}@example.org`, name: "New Person", role: "ADMIN", password: PASSWORD })],
    ["updateUserAction (promote)", () => updateUserAction({ id: target, role: "ADMIN", disabled: false })],
    ["updateUserAction (disable)", () => updateUserAction({ id: target, role: "EDITOR", disabled: true })],
  ];
}

beforeAll(async () => {
  seed = parseSeed(readSeedFiles());
  await seedDatabase(db(), seed);
  for (const role of ["EDITOR", "REVIEWER", "ADMIN"] as const) await signIn(role);
  // A real draft in review, so refusals below are about the caller, not a missing record.
  const editor = { id: ids.EDITOR!, name: "Actions EDITOR", role: "EDITOR" as const };
  const saved = await saveDraft(editor, { entity: "commitments", entityId: null, draftVersion: null, baseVersion: null, input: commitment() });
  if (!saved.ok) throw new Error(saved.message);
  const sub = await submitDraft(editor, { entity: "commitments", entityId: saved.entityId, draftVersion: saved.draftVersion });
  if (!sub.ok) throw new Error(sub.message);
  inReview = { entityId: saved.entityId, draftVersion: sub.draftVersion };
});

afterAll(async () => {
  await db().draft.deleteMany({ where: { entityId: inReview?.entityId } });
  await db().user.deleteMany({ where: { email: { startsWith: `zz-actions-${run}-` } } });
});

describe("server actions refuse callers who may not act, and write nothing", () => {
  it("without a session, or with a forged session cookie: every action answers unauthenticated", async () => {
    for (const who of ["anonymous", "forged"] as const) {
      const before = await counts();
      for (const [name, call] of everyAction(ids.EDITOR!)) {
        as(who);
        const r = await call();
        expect(r, `${who} ${name}`).toMatchObject({ ok: false, code: "unauthenticated" });
      }
      expect(await counts(), who).toEqual(before);
    }
  });

  it("an editor may not publish, retract, restore or manage users (nor promote themselves)", async () => {
    const before = await counts();
    const refused = ["publishAction", "publishAction (override)", "retractAction", "restoreAction", "createUserAction", "updateUserAction (promote)", "updateUserAction (disable)"];
    for (const [name, call] of everyAction(ids.EDITOR!).filter(([name]) => refused.includes(name))) {
      as("EDITOR");
      expect(await call(), `editor ${name}`).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await counts()).toEqual(before);
    expect(await db().user.findUnique({ where: { id: ids.EDITOR! }, select: { role: true, disabled: true } })).toEqual({ role: "EDITOR", disabled: false });
  });

  it("a reviewer may not manage users (nor promote themselves to admin)", async () => {
    const before = await counts();
    for (const [name, call] of everyAction(ids.REVIEWER!).filter(([name]) => name.includes("User"))) {
      as("REVIEWER");
      expect(await call(), `reviewer ${name}`).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await counts()).toEqual(before);
    expect(await db().user.findUnique({ where: { id: ids.REVIEWER! }, select: { role: true } })).toEqual({ role: "REVIEWER" });
  });

  it("an admin cannot change their own role or disable themselves", async () => {
    as("ADMIN");
    expect(await updateUserAction({ id: ids.ADMIN!, role: "EDITOR", disabled: false })).toMatchObject({ ok: false, code: "blocked" });
    expect(await updateUserAction({ id: ids.ADMIN!, role: "ADMIN", disabled: true })).toMatchObject({ ok: false, code: "blocked" });
    expect(await db().session.count({ where: { userId: ids.ADMIN! } })).toBe(1);
  });

  it("positive controls: the same calls succeed for a role that may make them", async () => {
    as("EDITOR");
    const saved = await saveDraftAction({ entity: "commitments", entityId: null, draftVersion: null, baseVersion: null, input: commitment() });
    expect(saved.ok).toBe(true);
    as("ADMIN");
    const email = `zz-actions-${run}-control@example.org`;
    expect(await createUserAction({ email, name: "Control Person", role: "EDITOR", password: PASSWORD })).toMatchObject({ ok: true });
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await updateUserAction({ id: user.id, role: "REVIEWER", disabled: true })).toMatchObject({ ok: true });
    expect(await db().user.findUnique({ where: { id: user.id }, select: { role: true, disabled: true } })).toEqual({ role: "REVIEWER", disabled: true });
    if (saved.ok) await db().draft.deleteMany({ where: { entityId: saved.entityId } });
  });
});

describe("malformed payloads get field errors, never an exception, and write nothing", () => {
  const long = (k: number) => "x".repeat(k);
  const nested = (depth: number): unknown => (depth === 0 ? "bottom" : { a: nested(depth - 1) });
  const junk: unknown[] = [null, undefined, 0, 42, -1, Number.NaN, "", "payload", true, [], [1, 2], () => 1, new Date(0), nested(2000), Array.from({ length: 100_000 }, (_, i) => i)];

  function withInput(patch: (c: Record<string, unknown>) => void) {
    const c = commitment();
    patch(c);
    return { entity: "commitments", entityId: null, draftVersion: null, baseVersion: null, input: c };
  }
  const stage = (c: Record<string, unknown>) => (c.stages as Record<string, unknown>[])[0];
  const citation = (c: Record<string, unknown>) => (c.citations as Record<string, unknown>[])[0];

  /** [action, payload, what is wrong] */
  function cases(): [keyof typeof ACTIONS, unknown, string][] {
    const out: [keyof typeof ACTIONS, unknown, string][] = [];
    for (const action of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) {
      for (const j of junk) out.push([action, j, `non-object or junk: ${Array.isArray(j) ? `array(${j.length})` : typeof j}`]);
      out.push([action, { __proto__: { entity: "commitments" } }, "inherited fields only"]);
      out.push([action, JSON.parse('{"__proto__": {"role": "ADMIN"}, "constructor": {"prototype": {"role": "ADMIN"}}}'), "prototype pollution"]);
      out.push([action, { junk: nested(500) }, "deeply nested unknown field"]);
    }
    const save = (p: unknown, why: string) => out.push(["saveDraftAction", p, why]);
    save({ ...withInput(() => {}), entity: "users" }, "unknown entity");
    save({ ...withInput(() => {}), entityId: 5 }, "entityId of the wrong type");
    save({ ...withInput(() => {}), draftVersion: -1 }, "negative version");
    save({ ...withInput(() => {}), draftVersion: 1.5 }, "fractional version");
    save({ ...withInput(() => {}), message: long(501) }, "message over 500 characters");
    save({ ...withInput(() => {}), role: "ADMIN" }, "extra envelope field role");
    save({ ...withInput(() => {}), version: 7 }, "extra envelope field version");
    save(withInput((c) => (c.version = 99)), "extra input field version");
    save(withInput((c) => (c.id = "c-1")), "extra input field id");
    save(withInput((c) => (c.status = "PUBLISHED")), "extra input field status");
    save(withInput((c) => (c.role = "ADMIN")), "extra input field role");
    save(withInput((c) => (c.title = long(161))), "title over 160 characters");
    save(withInput((c) => (c.summary = long(1_000_000))), "summary of a million characters");
    save(withInput((c) => (c.title = "Troops\u0000for Ukraine")), "NUL in the title");
    save(withInput((c) => (c.title = "Troops\u001bfor Ukraine")), "escape character in the title");
    save(withInput((c) => (c.slug = "../../etc/passwd")), "path in the slug");
    save(withInput((c) => (citation(c).url = "javascript:alert(1)")), "javascript: citation URL");
    save(withInput((c) => (citation(c).url = "data:text/html,<script>alert(1)</script>")), "data: citation URL");
    save(withInput((c) => (citation(stage(c)).url = "JaVaScRiPt:alert(1)")), "javascript: URL in a stage citation");
    save(withInput((c) => (stage(c).date = "2025-02-30")), "2025-02-30");
    save(withInput((c) => (stage(c).date = "2999-01-01")), "a date in the future");
    save(withInput((c) => (c.quantityLow = "100")), "number as string");
    save(withInput((c) => (c.quantityLow = -5)), "negative quantity");
    save(withInput((c) => (c.citations = Array.from({ length: 10_000 }, () => citation(c)))), "10,000 citations");
    save(withInput((c) => (c.conditions = Array.from({ length: 100_000 }, () => "AFTER_CEASEFIRE"))), "100,000 conditions");
    save(withInput((c) => (c.stages = nested(1000))), "stages as nested junk");
    save(withInput((c) => (c.kind = "NUKES")), "unknown enum value");

    const draft = (p: Record<string, unknown>, why: string, action: "submitDraftAction" | "signOffAction" | "publishAction" = "submitDraftAction") =>
      out.push([action, { entity: "commitments", entityId: "c-1", draftVersion: 1, ...(action === "publishAction" ? { note: "Checked." } : {}), ...p }, why]);
    draft({ draftVersion: "1" }, "version as string");
    draft({ entityId: long(101) }, "id over 100 characters");
    draft({ entityId: "" }, "empty id");
    draft({ status: "PUBLISHED" }, "extra field status");
    draft({ entity: "Commitment" }, "model name instead of entity key", "signOffAction");
    draft({ note: 5 }, "note of the wrong type", "publishAction");
    draft({ note: long(1001) }, "note over 1000 characters", "publishAction");
    draft({ override: "yes" }, "override as string", "publishAction");
    draft({ authorId: "someone-else" }, "extra field authorId", "publishAction");
    out.push(["retractAction", { entity: "commitments", entityId: "c-1", version: 0, note: "Wrong." }, "version 0"]);
    out.push(["retractAction", { entity: "commitments", entityId: "c-1", version: 1, note: "Wrong.", status: "PUBLISHED" }, "extra field"]);
    out.push(["restoreAction", { revisionId: "r-1", version: null, note: "Back.", snapshot: { title: "x" } }, "smuggled snapshot"]);
    out.push(["restoreAction", { revisionId: ["r-1"], version: null, note: "Back." }, "id as array"]);

    const user = (p: Record<string, unknown>, why: string) => out.push(["createUserAction", { email: "new.person@example.org", name: "New Person", role: "EDITOR", password: PASSWORD, ...p }, why]);
    user({ role: "SUPERUSER" }, "unknown role");
    user({ role: "admin" }, "role in lower case");
    user({ email: "not-an-email" }, "bad e-mail");
    user({ email: `${long(250)}@example.org` }, "e-mail over 254 characters");
    user({ email: "a@example.org\u0000" }, "NUL in the e-mail");
    user({ password: "short pass" }, "password under 12 characters");
    user({ password: long(257) }, "password over 256 characters");
    user({ password: 123456789012 }, "password as number");
    user({ name: long(121) }, "name over 120 characters");
    user({ name: "Evil\u0007Bell" }, "control character in the name");
    user({ name: undefined }, "missing name");
    user({ disabled: false }, "extra field disabled");
    user({ id: "chosen-id" }, "extra field id");
    user({ emailVerified: true }, "extra field emailVerified");
    user({ version: 1 }, "extra field version");
    const update = (p: Record<string, unknown>, why: string) => out.push(["updateUserAction", { id: "u-1", role: "EDITOR", disabled: false, ...p }, why]);
    update({ role: "ROOT" }, "unknown role");
    update({ disabled: "false" }, "boolean as string");
    update({ disabled: undefined }, "missing disabled");
    update({ id: long(101) }, "id over 100 characters");
    update({ email: "x@example.org" }, "extra field email");
    update({ password: PASSWORD }, "extra field password");
    update({ role: ["ADMIN"] }, "role as array");
    return out;
  }

  const ACTIONS = { saveDraftAction, submitDraftAction, signOffAction, publishAction, retractAction, restoreAction, createUserAction, updateUserAction };

  it("the base payload the malformed ones are made from is valid", () => {
    expect(parseInput("commitments", commitment()).ok).toBe(true);
  });

  it("every malformed payload is refused with field errors by every action", async () => {
    as("ADMIN"); // the strongest role: nothing may get through because of who is asking
    const before = await counts();
    const all = cases();
    let refused = 0;
    for (const [action, payload, why] of all) {
      let r: Result;
      try {
        r = await (ACTIONS[action] as (p: unknown) => Promise<Result>)(payload);
      } catch (e) {
        throw new Error(`${action} threw on "${why}": ${(e as Error).message}`);
      }
      expect(r.ok, `${action}: ${why}`).toBe(false);
      if (!r.ok) {
        expect(r.code, `${action}: ${why} → ${r.message}`).toBe("invalid");
        expect(Object.keys(r.fieldErrors ?? {}).length, `${action}: ${why} has field errors`).toBeGreaterThan(0);
        refused++;
      }
    }
    const after = await counts();
    expect(after).toEqual(before);
    const writes = Object.keys(after).reduce((sum, k) => sum + Math.abs(after[k as keyof typeof after] - before[k as keyof typeof before]), 0);
    console.log(`malformed payloads: ${all.length} tried, ${refused} refused, ${writes} writes`);
    expect(all.length).toBeGreaterThan(150);
  });
});
