import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getBundle } from "@/lib/db/api/bulk";
import { db } from "@/lib/db/client";
import { countRecords, loadPublishedDataset } from "@/lib/db/export";
import { forgetRelease } from "@/lib/db/release";
import { seedDatabase } from "@/lib/db/seed";
import { buildBundle } from "@/lib/export/bundle";
import { ENTITIES } from "@/lib/export/fields";
import { readExport, unzipExport } from "@/lib/export/import";
import { parseSeed } from "@/lib/schemas/seed";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { scriptClient } from "../../scripts/lib/prisma";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const run = promisify(execFile);
const PUB = { status: "PUBLISHED" as const };
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const csvRows = (b: Uint8Array) => parse(text(b), { columns: true, bom: false, relax_quotes: false, relax_column_count: false }) as Record<string, string>[];

/** Runs one of the npm data scripts against a database; resolves with its exit code and output. */
async function script(name: "export" | "import", arg: string, databaseUrl: string) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "--conditions=react-server", `scripts/${name}.ts`, arg], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** A second, empty, migrated database beside the test database (same kind), and how to drop it. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (inject("databaseKind") === "pglite") {
    const e = await startEmbeddedDatabase({ dataDir: null });
    await applyMigrations(e.url);
    return { url: e.url, drop: e.stop };
  }
  const admin = new URL(inject("databaseUrl"));
  const name = `sgt_it_import_${process.pid}_${Date.now()}`;
  admin.pathname = "/postgres";
  const exec = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await exec(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return { url: url.toString(), drop: () => exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

describe("bulk downloads and export/import", () => {
  beforeAll(async () => {
    await seedDatabase(db(), parseSeed(readSeedFiles()));
    forgetRelease();
  });

  it("exports exactly the published rows of every table, as RFC 4180 CSV and JSON, as the manifest says", async () => {
    const bundle = await getBundle();
    const p = db();
    const visibleCommitment = { ...PUB, actor: PUB };
    const expected: Record<string, number> = {
      sources: await p.source.count({ where: PUB }),
      actors: await p.actor.count({ where: PUB }),
      participation: await p.coalitionParticipation.count({ where: { ...PUB, actor: PUB } }),
      commitments: await p.commitment.count({ where: visibleCommitment }),
      sites: await p.site.count({ where: PUB }),
      polls: await p.poll.count({ where: { ...PUB, country: PUB } }),
      events: await p.event.count({ where: PUB }),
      claims: await p.claim.count({ where: PUB }),
      commitment_stages: await p.commitmentStage.count({ where: { commitment: visibleCommitment } }),
      site_actors: await p.siteActor.count({ where: { site: PUB, actor: PUB } }),
      citations: await p.citation.count({
        where: {
          source: PUB,
          OR: [
            { actor: PUB },
            { participation: { ...PUB, actor: PUB } },
            { commitment: visibleCommitment },
            { stage: { commitment: visibleCommitment } },
            { site: PUB },
            { poll: { ...PUB, country: PUB } },
            { event: PUB },
            { claim: PUB },
          ],
        },
      }),
    };
    expect(expected.commitments).toBeGreaterThan(40);
    const file = (name: string) => bundle.files.find((f) => f.name === name)!;
    for (const [table, count] of Object.entries(expected)) {
      const csv = file(`${table}.csv`);
      const rows = csvRows(csv.bytes);
      expect(rows.length, table).toBe(count);
      expect(bundle.manifest.files.find((f) => f.name === `${table}.csv`)?.rows, table).toBe(count);
      // Header = the dictionary's columns, in order.
      const header = text(csv.bytes).split("\r\n")[0].split(",");
      expect(header).toEqual(bundle.dictionary.tables.find((t) => t.name === table)!.columns.map((c) => c.name));
    }
    for (const e of ENTITIES) {
      const json = JSON.parse(text(file(`${e}.json`).bytes));
      expect(json.table).toBe(e);
      expect(json.count).toBe(expected[e]);
      expect(json.records).toHaveLength(expected[e]);
      expect(json.licence).toBe("CC BY 4.0");
    }
    // Every listed file has its checksum; the archive holds the same bytes.
    const unzipped = unzipExport(file("archive.zip").bytes);
    for (const f of bundle.manifest.files) {
      expect(unzipped.get(f.name), f.name).toEqual(file(f.name).bytes);
      expect(f.bytes).toBe(file(f.name).bytes.length);
    }
    expect(unzipped.has("manifest.json")).toBe(true);
    const sums = text(file("SHA256SUMS").bytes);
    expect(sums).toContain(`${file("archive.zip").sha256}  archive.zip`);
  });

  it("documents every column: meaning, type and the allowed values actually used", async () => {
    const bundle = await getBundle();
    for (const t of bundle.dictionary.tables) {
      const rows = csvRows(bundle.files.find((f) => f.name === t.file)!.bytes);
      for (const c of t.columns) {
        expect(c.meaning.length, `${t.name}.${c.name}`).toBeGreaterThan(10);
        if (!c.values) continue;
        const allowed = new Set(c.values.map((v) => v.value));
        const used = rows.flatMap((r) => (c.type === "list" ? r[c.name].split("; ") : [r[c.name]])).filter(Boolean);
        expect(used.filter((v) => !allowed.has(v)), `${t.name}.${c.name}`).toEqual([]);
      }
    }
  });

  it("gives byte-identical files for the same data, and new files once a publish makes a new release", async () => {
    const a = buildBundle(await loadPublishedDataset(), null);
    const b = buildBundle(await loadPublishedDataset(), null);
    expect(b.files.map((f) => f.name)).toEqual(a.files.map((f) => f.name));
    for (const f of a.files) expect(b.files.find((x) => x.name === f.name)!.bytes, f.name).toEqual(f.bytes);

    // A published figure with formula-like text and a negative number, released like a publish.
    const before = await getBundle();
    const claim = await db().claim.create({
      data: {
        slug: "zz-export-formula",
        kind: "FIGURE",
        statement: "=HYPERLINK(\"http://evil.example\",\"click\")",
        finding: "-cmd|' /C calc'!A0",
        valueLow: -5,
        valueQualifier: "EXACT",
        unit: "@points",
        verification: "REPORTED",
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
    });
    const release = await db().release.create({ data: { note: "Test release", authorLabel: "test" } });
    forgetRelease();
    try {
      const after = await getBundle();
      expect(after.release).toBe(release.number);
      expect(after.release).toBeGreaterThan(before.release);
      const claims = text(after.files.find((f) => f.name === "claims.csv")!.bytes);
      const line = claims.split("\r\n").find((l) => l.includes("zz-export-formula"))!;
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(line).toContain(`'-cmd|' /C calc'!A0`);
      expect(line).toContain(",-5,");
      expect(line).toContain(",'@points,");
      const row = csvRows(after.files.find((f) => f.name === "claims.csv")!.bytes).find((r) => r.slug === "zz-export-formula")!;
      expect(row.valueLow).toBe("-5");
      // JSON keeps the text as it is: neutralising is for spreadsheets only.
      const json = JSON.parse(text(after.files.find((f) => f.name === "claims.json")!.bytes));
      expect(json.records.find((r: { slug: string }) => r.slug === "zz-export-formula").statement).toBe(claim.statement);
    } finally {
      await db().claim.delete({ where: { id: claim.id } });
      await db().release.delete({ where: { number: release.number } });
      forgetRelease();
    }
  });

  describe("export → import into an empty database", () => {
    let dir: string;
    let target: { url: string; drop: () => Promise<void> };
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), "sgt-export-"));
      target = await emptyDatabase();
    }, 120_000);
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await target?.drop();
    });

    it("refuses damaged or invalid exports, and loads a good one into an empty database only, with equal data", async () => {
      const exported = await script("export", dir, inject("databaseUrl"));
      expect(exported.code, exported.out).toBe(0);
      expect(exported.out).toMatch(/Exported release \d+/);
      const target2 = scriptClient(target.url);
      try {
        const isEmpty = async () => Object.values(await countRecords(target2)).every((n) => n === 0);

        // A file changed after export: the manifest's checksum catches it before the database is opened.
        const tableFiles = () => new Map(ENTITIES.map((e) => [`${e}.json`, new Uint8Array(readFileSync(path.join(dir, `${e}.json`)))]));
        const tampered = tableFiles();
        tampered.set("manifest.json", new Uint8Array(readFileSync(path.join(dir, "manifest.json"))));
        tampered.set("claims.json", new TextEncoder().encode(text(tampered.get("claims.json")!).replace("UNVERIFIED", "CONFIRMED")));
        expect(readExport(tampered)).toEqual({ ok: false, problems: ["claims.json: its SHA-256 does not match manifest.json; the file was changed or damaged."] });
        // Invalid data: the schemas refuse it, naming file, record and field.
        const invalid = tableFiles();
        const bad = JSON.parse(text(invalid.get("claims.json")!));
        bad.records[0].verification = "PROBABLY";
        invalid.set("claims.json", new TextEncoder().encode(JSON.stringify(bad)));
        const read = readExport(invalid);
        expect(read.ok).toBe(true);
        expect(() => parseSeed(read.ok ? read.raw : {})).toThrow(/claims\.json › #0 .* › verification/);
        expect(await isEmpty()).toBe(true);

        const imported = await script("import", path.join(dir, "archive.zip"), target.url);
        expect(imported.code, imported.out).toBe(0);
        const source = await loadPublishedDataset();
        const copy = await loadPublishedDataset(target2);
        for (const e of ENTITIES) {
          expect(copy.tables[e].map((r) => r.input), e).toEqual(source.tables[e].map((r) => r.input));
        }
        // The import reproduces the CSV files too, except for record time: ids, publication times and
        // versions (an imported record starts its own history at version 1).
        const files = new Map(buildBundle(copy, null).files.map((f) => [f.name, f.bytes]));
        const mine = new Map(buildBundle(source, null).files.map((f) => [f.name, f.bytes]));
        const recordTime = new Set(["id", "publishedAt", "version"]);
        for (const e of ENTITIES) {
          const strip = (b: Uint8Array) => csvRows(b).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !recordTime.has(k))));
          expect(strip(files.get(`${e}.csv`)!), e).toEqual(strip(mine.get(`${e}.csv`)!));
        }
        for (const t of ["commitment_stages", "site_actors", "citations"]) expect(files.get(`${t}.csv`), t).toEqual(mine.get(`${t}.csv`));

        const again = await script("import", dir, target.url);
        expect(again.code).toBe(1);
        expect(again.out).toMatch(/Refusing to import .* already holds/);
        expect((await countRecords(target2)).commitments).toBe(source.tables.commitments.length);
      } finally {
        await target2.$disconnect();
      }
    }, 180_000);

    it("reads an export's table files back into seed input, dropping only id, version and publishedAt", async () => {
      const files = new Map(buildBundle(await loadPublishedDataset(), null).files.map((f) => [f.name, f.bytes]));
      const read = readExport(files);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.tables).toEqual(ENTITIES);
      const first = read.raw.commitments![0] as Record<string, unknown>;
      expect(first).not.toHaveProperty("id");
      expect(first).not.toHaveProperty("version");
      expect(first).not.toHaveProperty("publishedAt");
      expect(() => parseSeed(read.raw)).not.toThrow();
      expect(readExport(new Map())).toEqual({ ok: false, problems: [expect.stringMatching(/No table files found/)] });
    });
  });
});
