import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as checkRoute } from "@/app/admin/(panel)/import/check/route";
import { POST as commitRoute } from "@/app/admin/(panel)/import/commit/route";
import { GET as templateRoute } from "@/app/admin/(panel)/import/template/route";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db/client";
import { checkImport, commitImport, type ImportResult } from "@/lib/db/import";
import { MODEL } from "@/lib/db/records";
import { seedDatabase } from "@/lib/db/seed";
import { createUser } from "@/lib/db/users";
import { saveDraft } from "@/lib/db/workflow";
import { columnNames, type ImportEntity } from "@/lib/import/columns";
import type { ImportReport } from "@/lib/import/report";
import { toCells } from "@/lib/import/template";
import { toCsv } from "@/lib/csv";
import type { Actor } from "@/lib/permissions";
import { parseSeed, type SeedData } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

// CSV import against a real database: the dry run writes nothing, the confirm writes exactly the
// valid new rows as drafts (with an IMPORT revision and an audit entry each) in one transaction,
// and callers who may not create records, foreign pages and stale confirms are refused. The route
// handlers are called with real better-auth sessions; only Next's request headers are stubbed.

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
// Every role may create records today; revoking a grant here stands in for a role that may not.
const revoked = vi.hoisted(() => new Set<string>());
vi.mock("@/lib/permissions", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/permissions")>();
  return { ...real, can: (a: Actor | null, action: string) => !(a && revoked.has(`${a.role}:${action}`)) && real.can(a, action as never) };
});

process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
process.env.PORT = "3000";
delete process.env.PUBLIC_URL;

const run = Date.now().toString(36);
const ORIGIN = "http://localhost:3000";
let seed: SeedData;
let editor: Actor;
let cookie = "";
const reviewer: Actor = { id: "u-imp-reviewer", name: "Rita Importer", role: "REVIEWER" };

const counts = async () => {
  const [drafts, revisions, audit, releases, polls, events, commitments] = await Promise.all([
    db().draft.count(),
    db().revision.count(),
    db().auditEntry.count(),
    db().release.count(),
    db().poll.count(),
    db().event.count(),
    db().commitment.count(),
  ]);
  return { drafts, revisions, audit, releases, polls, events, commitments };
};

function expectOk<T extends object>(r: ImportResult<T>): asserts r is { ok: true } & T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
}

/** CSV of seed records of an entity with new slugs (`zz-imp-<run>-<tag>-<i>`), all columns. */
function csvOf(entity: ImportEntity, tag: string, n: number, edit: (cells: Record<string, unknown>, i: number) => void = () => {}): string {
  const pool = seed[entity] as unknown as Record<string, unknown>[];
  const rows = Array.from({ length: n }, (_, i) => {
    const cells = toCells(entity, { ...pool[i % pool.length], slug: `zz-imp-${run}-${tag}-${i}` });
    edit(cells, i);
    return cells;
  });
  return toCsv(rows as never[], columnNames(entity));
}

const rowOf = (report: ImportReport, row: number) => report.rows.find((r) => r.row === row)!;
const fieldsOf = (report: ImportReport, row: number) => rowOf(report, row).issues.filter((i) => i.level === "error").map((i) => `${i.field}: ${i.message}`);

beforeAll(async () => {
  seed = parseSeed(readSeedFiles());
  await seedDatabase(db(), seed);
  const email = `zz-imp-${run}@example.org`;
  const r = await createUser(null, { email, name: "Ivan Importer", role: "EDITOR", password: "correct horse battery staple" }, { bootstrap: true });
  if (!r.ok) throw new Error(r.message);
  editor = { id: r.id, name: "Ivan Importer", role: "EDITOR" };
  const res = await auth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "198.51.100.77" },
      body: JSON.stringify({ email, password: "correct horse battery staple" }),
    }),
  );
  cookie = res.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!.split(";")[0];
});

afterAll(async () => {
  // Drafts would crowd other files' admin lists; revisions and the append-only audit trail stay.
  await db().$executeRaw`DELETE FROM "Draft" WHERE snapshot ->> 'slug' LIKE ${`zz-imp-${run}-%`}`;
  await db().user.deleteMany({ where: { email: `zz-imp-${run}@example.org` } });
});

describe("dry run", () => {
  it("reports every bad row by row and column, and writes nothing", async () => {
    const existing = seed.polls[0].slug;
    const csv = csvOf("polls", "dry", 11, (c, i) => {
      if (i === 1) c.fieldworkEnd = "2025-02-30";
      if (i === 2) c.sampleSize = "about 1000";
      if (i === 3) c.pollster = "";
      if (i === 4) c.slug = existing;
      if (i === 5) c.slug = `zz-imp-${run}-dry-0`;
      if (i === 6) c.note = "=HYPERLINK(\"http://evil.example\",\"click\")";
      if (i === 7) c.pollster = "You\u0001Gov";
      if (i === 8) c.question = "Line one,\r\nline \"two\"";
      if (i === 9) c.wordingClass = "TROOPS";
      if (i === 10) c.fieldworkEnd = "2999-01-01";
    });
    const before = await counts();
    const r = await checkImport(editor, { entity: "polls", fileName: "polls-dry.csv", data: `\uFEFF${csv}` });
    expectOk(r);
    expect(await counts()).toEqual(before);
    const { report } = r;
    expect(report.fileName).toBe("polls-dry.csv");
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.counts).toMatchObject({ rows: 11, valid: 3, invalid: 6, duplicates: 2 });
    expect(fieldsOf(report, 3)).toEqual(["fieldworkEnd: This date does not exist."]);
    expect(fieldsOf(report, 4)).toEqual(["sampleSize: Use a plain number such as 1200 or 52.5 (no spaces, thousands separators or % sign)."]);
    expect(fieldsOf(report, 5)).toEqual(["pollster: Required."]);
    expect(rowOf(report, 6)).toMatchObject({ status: "duplicate", issues: [expect.objectContaining({ field: "slug", href: expect.stringMatching(/^\/admin\/polls\/.+/) })] });
    expect(rowOf(report, 7)).toMatchObject({ status: "duplicate", issues: [expect.objectContaining({ message: "Row 2 of this file already uses this slug." })] });
    expect(rowOf(report, 8).status).toBe("valid");
    expect(fieldsOf(report, 9)).toEqual(["pollster: Remove control characters."]);
    expect(rowOf(report, 10).status).toBe("valid");
    expect(fieldsOf(report, 11)).toEqual([expect.stringMatching(/^wordingClass: Invalid option/)]);
    expect(fieldsOf(report, 12)).toEqual(["fieldworkEnd: This date is in the future."]);
    // Invalid rows come first.
    expect(report.rows.slice(0, 6).every((x) => x.status === "invalid")).toBe(true);
  });

  it("reads the sample file byte for byte (tests/fixtures/import/polls-mixed.csv)", async () => {
    const data = new Uint8Array(readFileSync("tests/fixtures/import/polls-mixed.csv"));
    const r = await checkImport(editor, { entity: "polls", fileName: "polls-mixed.csv", data });
    expectOk(r);
    expect(r.report.counts).toEqual({ rows: 6, valid: 2, invalid: 2, duplicates: 2, warnings: 1 });
    expect(r.report.rows.map((x) => [x.row, x.line, x.status])).toEqual([
      [3, 3, "invalid"],
      [5, 5, "invalid"],
      [4, 4, "duplicate"],
      [6, 7, "duplicate"],
      [2, 2, "valid"],
      [7, 8, "valid"],
    ]);
    expect(fieldsOf(r.report, 3)).toEqual(["fieldworkEnd: This date does not exist.", "oppose: Use a plain number such as 1200 or 52.5 (no spaces, thousands separators or % sign)."]);
  });

  it("refuses unknown columns for the whole file", async () => {
    const csv = csvOf("events", "cols", 2).replace(/^slug,/, "slug,colour,").replace(/\r\n(zz-[^,]+),/g, "\r\n$1,red,");
    const r = await checkImport(editor, { entity: "events", fileName: "events.csv", data: csv });
    expectOk(r);
    expect(r.report.fileErrors).toEqual([expect.stringContaining("Unknown column: “colour”")]);
    expect(r.report.rows).toEqual([]);
  });

  it("refuses unknown actors and commitments, and warns about unpublished sources", async () => {
    const csv = csvOf("events", "refs", 3, (c, i) => {
      if (i === 0) c.actors = "gb; zz-no-such-actor";
      if (i === 1) c.commitments = "zz-no-such-commitment";
      if (i === 2) c.citation_1_url = "https://example.org/not-a-source";
    });
    const r = await checkImport(editor, { entity: "events", fileName: "e.csv", data: csv });
    expectOk(r);
    expect(fieldsOf(r.report, 2)).toEqual(["actors: No actor has the slug “zz-no-such-actor”."]);
    expect(fieldsOf(r.report, 3)).toEqual(["commitments: No commitment has the slug “zz-no-such-commitment”."]);
    expect(rowOf(r.report, 4)).toMatchObject({
      status: "valid",
      issues: expect.arrayContaining([{ field: "citation_1_url", level: "warning", message: expect.stringMatching(/No published source has the address https:\/\/example.org\/not-a-source/) }]),
    });
  });
});

describe("confirm", () => {
  it("writes exactly the valid new rows as drafts, each with an IMPORT revision and audit entry", async () => {
    const csv = csvOf("commitments", "ok", 4, (c, i) => {
      if (i === 1) c.stage_1_date = "2025-02-30";
      if (i === 2) c.slug = seed.commitments[3].slug;
    });
    const checked = await checkImport(editor, { entity: "commitments", fileName: "commitments.csv", data: csv });
    expectOk(checked);
    expect(checked.report.counts).toMatchObject({ valid: 2, invalid: 1, duplicates: 1 });
    const before = await counts();
    const r = await commitImport(editor, { entity: "commitments", fileName: "commitments.csv", data: csv, sha256: checked.report.sha256, digest: checked.report.digest });
    expectOk(r);
    expect(r.created.map((c) => [c.row, c.slug])).toEqual([
      [2, `zz-imp-${run}-ok-0`],
      [5, `zz-imp-${run}-ok-3`],
    ]);
    // Two drafts, revisions and audit entries; nothing public, no release.
    expect(await counts()).toEqual({ ...before, drafts: before.drafts + 2, revisions: before.revisions + 2, audit: before.audit + 2 });
    for (const c of r.created) {
      const draft = await db().draft.findUniqueOrThrow({ where: { entityType_entityId: { entityType: MODEL.commitments, entityId: c.id } } });
      expect(draft).toMatchObject({ status: "DRAFT", isNew: true, version: 1, baseVersion: null, authorId: editor.id, message: "import: commitments.csv" });
      expect(Math.abs(draft.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      const source = seed.commitments[(c.row - 2) % seed.commitments.length];
      expect((draft.snapshot as { stages: unknown[] }).stages).toHaveLength(source.stages.length);
      expect(draft.snapshot).toMatchObject({ slug: c.slug, actor: source.actor, title: source.title, conditions: source.conditions });
      const revisions = await db().revision.findMany({ where: { entityId: c.id } });
      expect(revisions).toEqual([expect.objectContaining({ action: "IMPORT", version: 1, message: "import: commitments.csv", authorId: editor.id, entityType: "Commitment", snapshot: draft.snapshot })]);
      expect(revisions[0].createdAt).toEqual(draft.createdAt);
      const audit = await db().auditEntry.findMany({ where: { entityId: c.id } });
      expect(audit).toEqual([expect.objectContaining({ action: "IMPORT", revisionId: revisions[0].id, actorLabel: editor.name, detail: expect.objectContaining({ file: "commitments.csv", row: c.row }) })]);
    }
    // The same file again: every row is now a duplicate or invalid, and nothing is importable.
    const again = await checkImport(editor, { entity: "commitments", fileName: "commitments.csv", data: csv });
    expectOk(again);
    expect(again.report.counts).toMatchObject({ valid: 0, duplicates: 3 });
  });

  it("writes nothing when any insert fails (one transaction)", async () => {
    const csv = csvOf("events", "atomic", 3);
    const checked = await checkImport(editor, { entity: "events", fileName: "events.csv", data: csv });
    expectOk(checked);
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION zz_imp_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected audit failure'; END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(`CREATE TRIGGER zz_imp_fail BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION zz_imp_fail()`);
    try {
      const before = await counts();
      await expect(commitImport(editor, { entity: "events", fileName: "events.csv", data: csv, sha256: checked.report.sha256, digest: checked.report.digest })).rejects.toThrow(/injected audit failure/);
      expect(await counts()).toEqual(before);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER zz_imp_fail ON "AuditEntry"`);
      await db().$executeRawUnsafe(`DROP FUNCTION zz_imp_fail()`);
    }
  });

  it("refuses a different file, or a database that changed since the check, with the new report", async () => {
    const csv = csvOf("polls", "stale", 3);
    const checked = await checkImport(editor, { entity: "polls", fileName: "p.csv", data: csv });
    expectOk(checked);
    const { sha256, digest } = checked.report;
    const before = await counts();

    const other = csv.replace(`zz-imp-${run}-stale-2`, `zz-imp-${run}-stale-x`);
    const wrongFile = await commitImport(editor, { entity: "polls", fileName: "p.csv", data: other, sha256, digest });
    expect(wrongFile).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/not the file you checked/) });
    expect(await counts()).toEqual(before);

    // Someone saves a draft with one of the file's slugs after the check.
    const taken = structuredClone(seed.polls[0]);
    taken.slug = `zz-imp-${run}-stale-1`;
    const saved = await saveDraft(reviewer, { entity: "polls", entityId: null, draftVersion: null, baseVersion: null, input: taken });
    expect(saved.ok).toBe(true);
    const during = await counts();
    const stale = await commitImport(editor, { entity: "polls", fileName: "p.csv", data: csv, sha256, digest });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(await counts()).toEqual(during);
    const fresh = (stale as { report: ImportReport }).report;
    expect(rowOf(fresh, 3)).toMatchObject({ status: "duplicate", issues: [expect.objectContaining({ href: `/admin/polls/${(saved as { entityId: string }).entityId}` })] });
    // Confirming the new report imports the two rows that are still new.
    const ok = await commitImport(editor, { entity: "polls", fileName: "p.csv", data: csv, sha256, digest: fresh.digest });
    expectOk(ok);
    expect(ok.created.map((c) => c.row)).toEqual([2, 4]);
  });

  it("refuses a file with nothing to import", async () => {
    const csv = csvOf("polls", "none", 1, (c) => (c.pollster = ""));
    const checked = await checkImport(editor, { entity: "polls", fileName: "p.csv", data: csv });
    expectOk(checked);
    const before = await counts();
    expect(await commitImport(editor, { entity: "polls", fileName: "p.csv", data: csv, sha256: checked.report.sha256, digest: checked.report.digest })).toMatchObject({ ok: false, code: "invalid" });
    expect(await counts()).toEqual(before);
  });
});

describe("who may import", () => {
  it("anonymous callers and roles without the create grant are refused and nothing is written", async () => {
    const csv = csvOf("polls", "who", 2);
    const checked = await checkImport(editor, { entity: "polls", fileName: "p.csv", data: csv });
    expectOk(checked);
    const confirm = { entity: "polls", fileName: "p.csv", data: csv, sha256: checked.report.sha256, digest: checked.report.digest };
    const before = await counts();
    expect(await checkImport(null, confirm)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await commitImport(null, confirm)).toMatchObject({ ok: false, code: "unauthenticated" });
    revoked.add("EDITOR:create");
    try {
      expect(await checkImport(editor, confirm)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await commitImport(editor, confirm)).toMatchObject({ ok: false, code: "forbidden" });
    } finally {
      revoked.clear();
    }
    expect(await counts()).toEqual(before);
    expect(await commitImport(reviewer, confirm)).toMatchObject({ ok: true });
  });
});

describe("route handlers", () => {
  const post = (path: "check" | "commit", fields: Record<string, string | File>, headers: Record<string, string> = { origin: ORIGIN }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return new Request(`${ORIGIN}/admin/import/${path}`, { method: "POST", headers, body: form });
  };
  const as = (who: "editor" | "anonymous" | "forged") => {
    request.headers = new Headers(who === "editor" ? { cookie } : who === "forged" ? { cookie: "better-auth.session_token=forged.c2ln" } : {});
  };
  const callAs = (who: "editor" | "anonymous" | "forged", fn: () => Promise<Response>) => {
    as(who);
    return fn();
  };
  const file = (csv: string, name = "polls.csv") => new File([csv], name, { type: "text/csv" });

  it("refuse foreign pages, missing sessions and bad requests, writing nothing", async () => {
    const csv = csvOf("polls", "route-no", 2);
    const before = await counts();
    const cases: [string, () => Promise<Response>, number, string][] = [
      ["no Origin", () => callAs("editor", () => checkRoute(post("check", { entity: "polls", file: file(csv) }, {}))), 403, "forbidden"],
      ["foreign Origin", () => callAs("editor", () => commitRoute(post("commit", { entity: "polls", file: file(csv), sha256: "0".repeat(64), digest: "0".repeat(64) }, { origin: "https://evil.example" }))), 403, "forbidden"],
      ["no session", () => callAs("anonymous", () => checkRoute(post("check", { entity: "polls", file: file(csv) }))), 401, "unauthenticated"],
      ["forged session", () => callAs("forged", () => commitRoute(post("commit", { entity: "polls", file: file(csv), sha256: "0".repeat(64), digest: "0".repeat(64) }))), 401, "unauthenticated"],
      ["wrong entity", () => callAs("editor", () => checkRoute(post("check", { entity: "sources", file: file(csv) }))), 422, "invalid"],
      ["no file", () => callAs("editor", () => checkRoute(post("check", { entity: "polls", file: "not a file" }))), 422, "invalid"],
      ["no confirmation", () => callAs("editor", () => commitRoute(post("commit", { entity: "polls", file: file(csv) }))), 422, "invalid"],
      ["stale confirmation", () => callAs("editor", () => commitRoute(post("commit", { entity: "polls", file: file(csv), sha256: "0".repeat(64), digest: "0".repeat(64) }))), 409, "conflict"],
      ["too large", () => callAs("editor", () => checkRoute(post("check", { entity: "polls", file: file("x".repeat(5 * 1024 * 1024 + 1)) }))), 413, "too_large"],
      [
        "not multipart",
        () => callAs("editor", () => checkRoute(new Request(`${ORIGIN}/admin/import/check`, { method: "POST", headers: { origin: ORIGIN, "content-type": "application/json" }, body: "{}" }))),
        400,
        "bad_request",
      ],
    ];
    for (const [what, call, status, code] of cases) {
      const res = await call();
      expect(res.status, what).toBe(status);
      expect(await res.json(), what).toMatchObject({ error: { code, message: expect.any(String) } });
    }
    revoked.add("EDITOR:create");
    try {
      as("editor");
      expect((await checkRoute(post("check", { entity: "polls", file: file(csv) }))).status).toBe(403);
    } finally {
      revoked.clear();
    }
    expect(await counts()).toEqual(before);
  });

  it("check then commit with a signed-in editor", async () => {
    as("editor");
    const csv = csvOf("polls", "route-ok", 3, (c, i) => {
      if (i === 1) c.support = "lots";
    });
    const checked = await checkRoute(post("check", { entity: "polls", file: file(csv, "route.csv") }));
    expect(checked.status).toBe(200);
    const { report } = (await checked.json()) as { report: ImportReport };
    expect(report.counts).toMatchObject({ rows: 3, valid: 2, invalid: 1 });
    const before = await counts();
    const committed = await commitRoute(post("commit", { entity: "polls", file: file(csv, "route.csv"), sha256: report.sha256, digest: report.digest }));
    expect(committed.status).toBe(201);
    const body = (await committed.json()) as { created: { id: string; row: number }[] };
    expect(body.created.map((c) => c.row)).toEqual([2, 4]);
    expect(await counts()).toMatchObject({ drafts: before.drafts + 2, revisions: before.revisions + 2, audit: before.audit + 2, polls: before.polls });
    expect(await db().revision.count({ where: { entityId: { in: body.created.map((c) => c.id) }, action: "IMPORT", message: "import: route.csv" } })).toBe(2);
  });

  it("serve the template to signed-in editors only", async () => {
    as("anonymous");
    expect((await templateRoute(new Request(`${ORIGIN}/admin/import/template?entity=polls`))).status).toBe(401);
    as("editor");
    expect((await templateRoute(new Request(`${ORIGIN}/admin/import/template?entity=users`))).status).toBe(422);
    const res = await templateRoute(new Request(`${ORIGIN}/admin/import/template?entity=commitments`));
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="commitments-import-template.csv"');
    const [header, example] = (await res.text()).split("\r\n");
    expect(header.split(",")).toEqual(columnNames("commitments"));
    // The example is a published seed record, so checking the template unchanged reports it as a duplicate.
    const slug = example.split(",")[0];
    expect(seed.commitments.map((c) => c.slug)).toContain(slug);
  });
});

describe("a 5,000-row file", () => {
  it("is checked and imported in one transaction", async () => {
    const csv = csvOf("polls", "bulk", 5000);
    let t = performance.now();
    const checked = await checkImport(editor, { entity: "polls", fileName: "bulk.csv", data: csv });
    const checkMs = performance.now() - t;
    expectOk(checked);
    expect(checked.report.counts).toMatchObject({ rows: 5000, valid: 5000 });
    const before = await counts();
    t = performance.now();
    const r = await commitImport(editor, { entity: "polls", fileName: "bulk.csv", data: csv, sha256: checked.report.sha256, digest: checked.report.digest });
    const commitMs = performance.now() - t;
    expectOk(r);
    expect(await counts()).toMatchObject({ drafts: before.drafts + 5000, revisions: before.revisions + 5000, audit: before.audit + 5000 });
    console.info(`import of 5,000 polls (${(csv.length / 1024 / 1024).toFixed(1)} MB): check ${Math.round(checkMs)} ms, commit ${Math.round(commitMs)} ms`);
  }, 180_000);
});
