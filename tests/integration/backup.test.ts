import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { readSeedFiles } from "../../scripts/lib/seed-files";

// `npm run db:backup` and `db:restore` as an operator runs them, on the database path of this
// run: back up the seeded test database plus rows of every tricky type, restore into an EMPTY
// second database, and compare every table's rows with an independent SQL checksum.

const tag = `zz-backup-${Date.now().toString(36)}`;
const dir = mkdtempSync(path.join(os.tmpdir(), "sgt-backup-test-"));
const file = path.join(dir, "test.sgt.jsonl.gz");
const sourceUrl = inject("databaseUrl");

function run(script: "backup" | "restore", args: string[], url: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: url } as unknown as NodeJS.ProcessEnv,
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 55_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** A refusal: exit 1, one "Error: …" line, no stack trace. */
function expectRefused(r: { code: number | null; err: string; out: string }, message: RegExp) {
  expect(r.code, r.err + r.out).toBe(1);
  expect(r.err.trim().split("\n"), r.err).toHaveLength(1);
  expect(r.err).toMatch(/^Error: /);
  expect(r.err).toMatch(message);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Row count and md5 of all rows (row_to_json, byte-sorted) of every application table, plus the migration names. */
function contents(url: string) {
  return withClient(url, async (c) => {
    const tables = await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { t } of tables.rows) {
      const r = await c.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r, E'\\n' ORDER BY r COLLATE "C"), '')) AS md5 FROM (SELECT row_to_json(t)::text AS r FROM "${t}" t) s`,
      );
      out[t] = r.rows[0];
    }
    const exists = await c.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS ok`);
    const migrations = exists.rows[0].ok ? (await c.query(`SELECT migration_name FROM _prisma_migrations ORDER BY 1`)).rows.map((r) => r.migration_name) : [];
    return { tables: out, migrations };
  });
}

/** A new empty database beside the test database: on the PostgreSQL server, or a second in-memory PGlite. */
async function emptyDatabase(n: number): Promise<{ url: string; drop: () => Promise<void> }> {
  if (inject("databaseKind") === "pglite") {
    const e = await startEmbeddedDatabase({ dataDir: null });
    return { url: e.url, drop: e.stop };
  }
  const name = `sgt_backup_${process.pid}_${n}`;
  await withClient(sourceUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const u = new URL(sourceUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => withClient(sourceUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}) };
}

let target: Awaited<ReturnType<typeof emptyDatabase>>;
let spare: Awaited<ReturnType<typeof emptyDatabase>>;
let releaseNumber: number;
let commitmentId: string;

beforeAll(async () => {
  await seedDatabase(db(), parseSeed(readSeedFiles()));
  [target, spare] = await Promise.all([emptyDatabase(1), emptyDatabase(2)]);
  // One row of every tricky type: Decimal, enum arrays, JSONB, BigInt, timestamp(3), nulls, accounts.
  const actor = await db().actor.findFirstOrThrow({ where: { iso2: { not: null } }, select: { id: true } });
  commitmentId = (
    await db().commitment.create({
      data: {
        slug: tag, actorId: actor.id, kind: "TROOPS", title: `${tag} ünïcode "quotes"`, summary: "line one\nline two\ttab",
        quantityLow: "999999999999.99", quantityHigh: "0.01", conditions: ["US_BACKSTOP", "PARLIAMENT_VOTE"], conditionNote: null,
      },
      select: { id: true },
    })
  ).id;
  releaseNumber = (await db().release.create({ data: { note: `${tag} release`, authorLabel: "Backup test", changes: 3 }, select: { number: true } })).number;
  await db().auditEntry.create({ data: { action: "UPDATE", entityType: "Commitment", entityId: commitmentId, actorLabel: "Backup test", detail: { tag, nested: [1, 2.5, null, "x"] } } });
  await db().user.create({
    data: {
      id: tag, name: "Backup Tester", email: `${tag}@example.org`, role: "REVIEWER",
      accounts: { create: { id: `${tag}-acc`, accountId: tag, providerId: "credential", password: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" } },
      sessions: { create: { id: `${tag}-ses`, token: `${tag}-token`, expiresAt: new Date("2030-01-02T03:04:05.678Z") } },
    },
  });
  // Raw SQL so the JSONB holds a number no JavaScript number can: it must survive as written.
  await db().$executeRawUnsafe(
    `INSERT INTO "Draft" (id, "entityType", "entityId", "isNew", snapshot, "authorLabel", "updatedAt") VALUES ($1, 'commitments', $1, true, $2::jsonb, 'Backup test', now())`,
    tag,
    `{"big": 123456789012345678901234567890, "price": 1.10, "text": "a\\nb ✓", "list": [true, null, {"k": "v"}]}`,
  );
});

afterAll(async () => {
  // AuditEntry rows are append-only and stay; everything else this file added goes.
  await db().draft.deleteMany({ where: { id: tag } });
  await db().user.deleteMany({ where: { id: tag } });
  await db().commitment.deleteMany({ where: { id: commitmentId } });
  await db().release.deleteMany({ where: { number: releaseNumber } });
  await Promise.all([target?.drop(), spare?.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:backup / db:restore", () => {
  it("restores into an empty database with every table's rows identical, then continues the sequences", async () => {
    const source = await contents(sourceUrl);
    for (const t of ["Commitment", "Release", "AuditEntry", "user", "account", "session", "Draft", "Actor", "Citation"]) expect(source.tables[t]?.rows, t).toBeGreaterThan(0);

    const backup = await run("backup", [file], sourceUrl);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/Backed up .* rows in \d+ tables to .*keep it private/);
    const restore = await run("restore", [file], target.url);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toContain("row counts and checksums verified");

    expect(await contents(target.url)).toEqual(source);
    const draft = await withClient(target.url, (c) => c.query(`SELECT snapshot->>'big' AS big, snapshot->>'price' AS price FROM "Draft" WHERE id = $1`, [tag]));
    expect(draft.rows[0]).toEqual({ big: "123456789012345678901234567890", price: "1.10" });

    // Sequences continue after the restored rows instead of colliding with them.
    await withClient(target.url, async (c) => {
      const max = (await c.query(`SELECT max(number) AS m FROM "Release"`)).rows[0].m as number;
      const next = await c.query(`INSERT INTO "Release" (note, "authorLabel") VALUES ('after restore', 'test') RETURNING number`);
      expect(next.rows[0].number).toBe(max + 1);
      const maxId = (await c.query(`SELECT max(id)::text AS m FROM "AuditEntry"`)).rows[0].m as string;
      const audit = await c.query(`INSERT INTO "AuditEntry" (action, "entityType", "entityId", "actorLabel") VALUES ('SEED', 'x', 'x', 'test') RETURNING id::text`);
      expect(BigInt(audit.rows[0].id)).toBe(BigInt(maxId) + 1n);
    });
  });

  it("refuses a non-empty target and changes nothing", async () => {
    const before = await contents(target.url);
    const r = await run("restore", [file], target.url);
    expectRefused(r, /is not empty .*restore only into an empty database/);
    expect(await contents(target.url)).toEqual(before);
  });

  it("refuses a missing, damaged or tampered file, and one from unknown migrations, before touching the database", async () => {
    const bytes = readFileSync(file);
    const lines = gunzipSync(bytes).toString("utf8").split("\n");
    const header = JSON.parse(lines[0]);
    const truncated = path.join(dir, "truncated.gz");
    writeFileSync(truncated, bytes.subarray(0, bytes.length >> 1));
    const tampered = path.join(dir, "tampered.gz");
    writeFileSync(tampered, gzipSync(lines.map((l, i) => (i > 0 && l.includes("999999999999.99") ? l.replace("999999999999.99", "999999999999.98") : l)).join("\n")));
    const future = path.join(dir, "future.gz");
    writeFileSync(future, gzipSync([JSON.stringify({ ...header, migrations: [...header.migrations, "29991231000000_future"] }), ...lines.slice(1)].join("\n")));

    const [missing, bad, changed, newer] = await Promise.all(
      [path.join(dir, "nope.gz"), truncated, tampered, future].map((f) => run("restore", [f], spare.url)),
    );
    expectRefused(missing, /Cannot read the backup file .*nope\.gz \(ENOENT\)/);
    expectRefused(bad, /is damaged or not a tracker backup \(it is not a valid gzip file\)/);
    expectRefused(changed, /the rows of table Commitment do not match their checksum/);
    expectRefused(newer, /migrations this one does not have \(29991231000000_future\)/);
    expect(await contents(spare.url)).toEqual({ tables: {}, migrations: [] });
  });

  it("refuses an unreachable database with one sentence", async () => {
    const [b, r] = await Promise.all([run("backup", [path.join(dir, "x.gz")], "postgresql://postgres@127.0.0.1:1/nowhere"), run("restore", [file], "postgresql://postgres@127.0.0.1:1/nowhere")]);
    expectRefused(b, /Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/nowhere/);
    expectRefused(r, /Cannot reach the PostgreSQL database/);
  });
});
