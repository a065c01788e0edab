import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { decodeCursor, encodeCursor, parseQuery } from "@/lib/api/params";
import type { PublishedDataset, RecordRow } from "@/lib/db/export";
import type { EntityKey } from "@/lib/db/records";
import { buildBundle } from "@/lib/export/bundle";
import { ENTITIES, FIELD_MEANINGS, fieldMeaning } from "@/lib/export/fields";
import { readExport } from "@/lib/export/import";
import { buildTables } from "@/lib/export/tables";
import { LIST_PARAMS, RECORD_SCHEMAS } from "@/lib/schemas/api";
import { SEED_FILES, parseSeed } from "@/lib/schemas/seed";

const cite = (url: string) => ({ url, quote: null, note: null });
// A tiny dataset through the real schemas (defaults filled in), as the database would give it back.
const inputs = parseSeed({
  sources: [
    { slug: "src-a", url: "https://a.example/1", outlet: "Outlet A", kind: "MEDIA" },
    { slug: "src-b", url: "https://b.example/2", outlet: "Outlet B", kind: "WIRE" },
  ],
  actors: [{ slug: "gb", kind: "COUNTRY", iso2: "GB", name: "United Kingdom", groups: ["NATO", "EUROPE"], confidence: "HIGH", citations: [cite("https://a.example/1"), cite("https://b.example/2")] }],
  commitments: [
    {
      slug: "gb-troops",
      actor: "gb",
      kind: "TROOPS",
      title: "UK troops",
      summary: "=cmd text",
      quantityLow: 5000,
      quantityHigh: 7500,
      quantityUnit: "troops",
      quantityQualifier: "RANGE",
      quantityBasis: "REPORTED_ESTIMATE",
      conditions: ["AFTER_CEASEFIRE", "PARLIAMENT_VOTE"],
      confidence: "MEDIUM",
      singleSource: true,
      stages: [
        { stage: "ANNOUNCED", date: "2025-03-01", datePrecision: "MONTH", citations: [cite("https://a.example/1")] },
        { stage: "FORMALISED", date: "2026-01-06", citations: [cite("https://b.example/2")] },
      ],
      citations: [cite("https://a.example/1")],
    },
  ],
  sites: [
    {
      slug: "hub",
      kind: "MILITARY_HUB",
      name: "Hub",
      precision: "COUNTRY",
      countryIso2: "UA",
      actors: [{ actor: "gb", role: "LEAD" }],
      confidence: "LOW",
      singleSource: true,
      citations: [cite("https://a.example/1")],
    },
  ],
});
const at = new Date("2026-01-07T10:00:00.000Z");
const rows = <K extends EntityKey>(entity: K): RecordRow<K>[] =>
  (inputs[entity] as RecordRow<K>["input"][]).map((input, i) => ({ id: `${entity}-${i}`, slug: input.slug, version: 1, status: "PUBLISHED", publishedAt: at, input }));
const dataset: PublishedDataset = {
  release: { number: 7, publishedAt: at, note: "Seven" },
  tables: Object.fromEntries(ENTITIES.map((e) => [e, rows(e)])) as PublishedDataset["tables"],
};

describe("data dictionary and CSV tables", () => {
  it("documents every field of every entity's input schema", () => {
    for (const e of ENTITIES) {
      for (const field of Object.keys(SEED_FILES[e].shape)) expect(fieldMeaning(e, field), `${e}.${field}`).toBeTruthy();
      expect(Object.keys(FIELD_MEANINGS[e]).every((k) => k in SEED_FILES[e].shape), e).toBe(true);
    }
  });

  it("flattens records into rows, lists joined with '; ', with child tables for stages, site actors and citations", () => {
    const tables = buildTables(dataset);
    const get = (name: string) => tables.find((t) => t.name === name)!;
    const c = get("commitments").rows[0];
    expect(c).toMatchObject({ slug: "gb-troops", conditions: "AFTER_CEASEFIRE; PARLIAMENT_VOTE", quantityLow: 5000, currentStage: "FORMALISED", currentStageDate: "2026-01-06", citedSources: "src-a" });
    expect(c).not.toHaveProperty("stages");
    expect(get("commitment_stages").rows).toEqual([
      { commitment: "gb-troops", stage: "ANNOUNCED", date: "2025-03-01", datePrecision: "MONTH", note: null, citedSources: "src-a" },
      { commitment: "gb-troops", stage: "FORMALISED", date: "2026-01-06", datePrecision: "DAY", note: null, citedSources: "src-b" },
    ]);
    expect(get("sites").rows[0]).toMatchObject({ leadActors: "gb", partnerActors: "" });
    expect(get("site_actors").rows).toEqual([{ site: "hub", actor: "gb", role: "LEAD" }]);
    expect(get("citations").rows.filter((r) => r.table === "commitments").map((r) => [r.stage, r.source])).toEqual([
      [null, "src-a"],
      ["ANNOUNCED", "src-a"],
      ["FORMALISED", "src-b"],
    ]);
    const columns = get("commitments").columns;
    expect(columns.find((x) => x.name === "kind")).toMatchObject({ type: "enum", nullable: false });
    expect(columns.find((x) => x.name === "kind")!.values).toContainEqual({ value: "TROOPS", label: "Troops / force contribution" });
    expect(columns.find((x) => x.name === "quantityLow")).toMatchObject({ type: "number", nullable: true });
    expect(columns.find((x) => x.name === "conditions")).toMatchObject({ type: "list" });
    expect(get("sources").columns.find((x) => x.name === "publishedOn")).toMatchObject({ type: "date", nullable: true });
    for (const t of tables) for (const col of t.columns) expect(col.meaning, `${t.name}.${col.name}`).not.toBe("");
  });
});

describe("bulk bundle", () => {
  it("is deterministic, lists every file with its SHA-256, and zips them in a fixed order with fixed times", () => {
    const a = buildBundle(dataset, null);
    const b = buildBundle(structuredClone(dataset), null);
    expect(b.files.map((f) => [f.name, f.sha256])).toEqual(a.files.map((f) => [f.name, f.sha256]));
    const zip = a.files.find((f) => f.name === "archive.zip")!;
    const entries = Object.keys(unzipSync(zip.bytes));
    expect(entries[0]).toBe("security-guarantees-tracker-release-7/README.txt");
    expect(entries).toContain("security-guarantees-tracker-release-7/citations.csv");
    expect(a.manifest).toMatchObject({ release: 7, dataAsOf: "2026-01-07T10:00:00.000Z", licence: { data: "CC BY 4.0" } });
    expect(a.manifest.citation).toContain("dataset release 7, data as of 2026-01-07");
    const sums = new TextDecoder().decode(a.files.find((f) => f.name === "SHA256SUMS")!.bytes);
    for (const f of a.files.filter((x) => x.name !== "SHA256SUMS")) expect(sums).toContain(`${f.sha256}  ${f.name}\n`);
    // The CSV neutralises formula text; the JSON keeps it as recorded.
    const csv = new TextDecoder().decode(a.files.find((f) => f.name === "commitments.csv")!.bytes);
    expect(csv).toContain(",'=cmd text,");
    // Another release of the same data changes the files that name the release.
    const c = buildBundle({ ...dataset, release: { ...dataset.release, number: 8 } }, null);
    expect(c.files.find((f) => f.name === "commitments.csv")!.sha256).toBe(a.files.find((f) => f.name === "commitments.csv")!.sha256);
    expect(c.files.find((f) => f.name === "commitments.json")!.sha256).not.toBe(a.files.find((f) => f.name === "commitments.json")!.sha256);
  });

  it("reads back into exactly the seed input it was made from", () => {
    const bundle = buildBundle(dataset, "https://tracker.example");
    const read = readExport(new Map(bundle.files.map((f) => [f.name, f.bytes])));
    expect(read.ok && parseSeed(read.raw)).toEqual(inputs);
    expect(bundle.manifest.citation).toContain("https://tracker.example/data");
  });
});

describe("API parameters and OpenAPI document", () => {
  const q = (entity: EntityKey, query: string) => parseQuery(LIST_PARAMS[entity], new URL(`http://x/api/v1/${entity}?${query}`));

  it("refuses unknown parameters by name, listing the accepted ones, and explains bad values per parameter", () => {
    expect(q("commitments", "kind=TROOPS,FUNDING&kind=REFUSAL&asOf=2025-09-04&limit=20")).toEqual({
      ok: true,
      value: { kind: ["TROOPS", "FUNDING", "REFUSAL"], asOf: "2025-09-04", limit: 20 },
    });
    const unknown = q("polls", "countries=GB&sort=date");
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.issues.map((i) => i.path)).toEqual(["countries", "sort"]);
      expect(unknown.issues[0].message).toBe("Unknown parameter. This endpoint accepts: asOf, cursor, limit, country, class.");
    }
    const bad = q("events", "kind=PARTY&limit=9999&from=2025-13-01");
    expect(bad.ok ? [] : bad.issues.map((i) => i.path).sort()).toEqual(["from", "kind", "limit"]);
    expect(q("commitments", "condition=NONE").ok).toBe(true);
  });

  it("makes opaque cursors that round-trip and refuses forged ones", () => {
    const c = encodeCursor("gb-troops-mnf-u");
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toBe("gb-troops-mnf-u");
    expect(decodeCursor("bm90LWpzb24")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ after: 5 })).toString("base64url"))).toBeNull();
  });

  it("documents every table's list and record endpoints, with each parameter and a strict record schema", () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    for (const e of ENTITIES) {
      const list = doc.paths![`/api/v1/${e}`]!.get!;
      const names = (list.parameters as { name: string; in: string }[]).map((p) => p.name);
      expect(names.sort(), e).toEqual(Object.keys(LIST_PARAMS[e].shape).sort());
      expect(doc.paths![`/api/v1/${e}/{idOrSlug}`]!.get!.responses!["404"]).toBeDefined();
      const schema = doc.components!.schemas![RECORD_SCHEMAS[e].meta()!.id as string] as { properties: Record<string, { description?: string }>; additionalProperties: boolean; required: string[] };
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties).sort()).toEqual(["id", "version", "publishedAt", ...Object.keys(SEED_FILES[e].shape)].sort());
      expect(schema.required.sort()).toEqual(Object.keys(schema.properties).sort());
      expect(Object.values(schema.properties).every((p) => (p.description ?? "").length > 10)).toBe(true);
    }
  });
});
