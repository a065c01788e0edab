// The bulk CSV tables and their data dictionary, from the published records. One row per record,
// lists joined with "; ", and child tables (lifecycle stages, site actors, citations) so that
// nothing in the JSON is lost in the CSV. Pure: no database, no clock.
import { z } from "zod";
import type { CsvValue } from "@/lib/csv";
import type { EntityKey } from "@/lib/db/records";
import type { PublishedDataset, RecordRow } from "@/lib/db/export";
import type { Dictionary } from "@/lib/schemas/api";
import { StageInput } from "@/lib/schemas/commitment";
import { SEED_FILES } from "@/lib/schemas/seed";
import { SiteInput } from "@/lib/schemas/site";
import { ENTITIES, fieldMeaning, META_FIELDS, valueLabels } from "./fields";

export type ColumnDoc = Dictionary["tables"][number]["columns"][number];
type Row = Record<string, CsvValue>;
type Column<R> = { doc: ColumnDoc; get: (r: R) => CsvValue };

/** Separator of list cells; the values (slugs, codes, tags) never contain it. */
export const LIST_SEPARATOR = "; ";

type JsonSchema = { type?: string; enum?: string[]; pattern?: string; format?: string; anyOf?: JsonSchema[]; items?: JsonSchema };

/** Type, nullability and allowed values of a field, read from its zod schema's JSON Schema. */
export function describeSchema(schema: z.ZodType): Pick<ColumnDoc, "type" | "nullable" | "values"> {
  const js = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  const options = js.anyOf ?? [js];
  const nonNull = options.filter((o) => o.type !== "null");
  const nullable = nonNull.length < options.length;
  const s = nonNull[0] ?? {};
  const labelled = (vals: string[]) => {
    const labels = valueLabels(vals);
    return vals.map((value) => ({ value, label: labels?.[value] ?? null }));
  };
  if (s.enum) return { type: "enum", nullable, values: labelled(s.enum) };
  if (s.type === "array") return { type: "list", nullable, values: s.items?.enum ? labelled(s.items.enum) : null };
  if (s.type === "string" && s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return { type: "date", nullable, values: null };
  if (s.type === "string" && s.format === "date-time") return { type: "datetime", nullable, values: null };
  if (s.type === "integer" || s.type === "number" || s.type === "boolean" || s.type === "object") return { type: s.type, nullable, values: null };
  return { type: "string", nullable, values: null };
}

const col = <R>(doc: Omit<ColumnDoc, "json"> & { json?: string | null }, get: (r: R) => CsvValue): Column<R> => ({
  doc: { ...doc, json: doc.json ?? null },
  get,
});
const join = (xs: readonly string[]) => xs.join(LIST_SEPARATOR);

/** A column holding one input field of the record as is (lists joined). */
function field<K extends EntityKey>(entity: K, name: string): Column<RecordRow<K>> {
  const schema = (SEED_FILES[entity].shape as Record<string, z.ZodType>)[name];
  return col({ name, meaning: fieldMeaning(entity, name) ?? "", ...describeSchema(schema) }, (r) => {
    const v = (r.input as Record<string, unknown>)[name];
    return Array.isArray(v) ? join(v as string[]) : (v as CsvValue);
  });
}

function metaColumns<K extends EntityKey>(): Column<RecordRow<K>>[] {
  return [
    col({ name: "id", type: "string", nullable: false, meaning: META_FIELDS.id, values: null }, (r) => r.id),
    col({ name: "version", type: "integer", nullable: false, meaning: META_FIELDS.version, values: null }, (r) => r.version),
    col({ name: "publishedAt", type: "datetime", nullable: true, meaning: META_FIELDS.publishedAt, values: null }, (r) => r.publishedAt),
  ];
}

/** Citing-sources column: the slugs of the sources with the cited URLs. */
function citedSources<R>(get: (r: R) => { url: string }[], slugOf: (url: string) => string, what = "this record"): Column<R> {
  return col(
    {
      name: "citedSources",
      type: "list",
      nullable: false,
      meaning: `Slugs of the sources ${what} cites (sources table), in citation order. Quotes and notes are in citations.csv.`,
      values: null,
      json: "citations[].url",
    },
    (r) => join(get(r).map((c) => slugOf(c.url))),
  );
}

/** One CSV table: its documentation, its rows and how each column is read from a row. */
export type Table = {
  name: string;
  file: string;
  /** The JSON file with the same records nested, or null for a child table. */
  json: string | null;
  rowIs: string;
  key: string[];
  columns: ColumnDoc[];
  rows: Row[];
};

function table<R>(spec: Omit<Table, "columns" | "rows">, columns: Column<R>[], records: readonly R[]): Table {
  return {
    ...spec,
    columns: columns.map((c) => c.doc),
    rows: records.map((r) => Object.fromEntries(columns.map((c) => [c.doc.name, c.get(r)]))),
  };
}

const FIELDS_OF = (entity: EntityKey, skip: readonly string[] = []) =>
  Object.keys(SEED_FILES[entity].shape).filter((k) => k !== "citations" && !skip.includes(k));

/** Every CSV table of a dataset, in a fixed order: the eight entities, then the child tables. */
export function buildTables(data: PublishedDataset): Table[] {
  const t = data.tables;
  const slugByUrl = new Map(t.sources.map((s) => [s.input.url, s.slug]));
  const slugOf = (url: string) => slugByUrl.get(url) ?? url;
  const entityTable = <K extends EntityKey>(entity: K, rowIs: string, extra: Column<RecordRow<K>>[] = [], skip: readonly string[] = []) =>
    table<RecordRow<K>>(
      { name: entity, file: `${entity}.csv`, json: `${entity}.json`, rowIs, key: ["id"] },
      [
        ...metaColumns<K>(),
        ...FIELDS_OF(entity, skip).map((f) => field(entity, f)),
        ...extra,
        ...(entity === "sources" ? [] : [citedSources<RecordRow<K>>((r) => (r.input as { citations: { url: string }[] }).citations, slugOf)]),
      ],
      t[entity],
    );

  const stageRows = t.commitments.flatMap((c) => c.input.stages.map((s) => ({ commitment: c.slug, ...s })));
  const stageShape = StageInput.shape;
  const siteActorRows = t.sites.flatMap((s) => s.input.actors.map((a) => ({ site: s.slug, ...a })));
  const siteActorShape = SiteInput.shape.actors.unwrap().element.shape;

  type CitationRow = { table: EntityKey; record: string; stage: string | null; stageDate: string | null; url: string; quote: string | null; note: string | null };
  const citationRows: CitationRow[] = [];
  for (const entity of ENTITIES) {
    if (entity === "sources") continue;
    for (const r of t[entity] as RecordRow[]) {
      const input = r.input as { citations: { url: string; quote: string | null; note: string | null }[]; stages?: (typeof stageRows)[number][] };
      for (const c of input.citations) citationRows.push({ table: entity, record: r.slug, stage: null, stageDate: null, ...c });
      for (const s of input.stages ?? []) {
        for (const c of s.citations) citationRows.push({ table: entity, record: r.slug, stage: s.stage, stageDate: s.date, ...c });
      }
    }
  }

  return [
    entityTable("sources", "A source that published records cite."),
    entityTable("actors", "A country or an organisation."),
    entityTable("participation", "An actor's recorded part in the Coalition of the Willing."),
    entityTable(
      "commitments",
      "What one actor offered or refused, of one kind. Its dated lifecycle is in commitment_stages.csv.",
      [
        col(
          {
            name: "currentStage",
            type: "enum",
            nullable: true,
            meaning: "Stage in force after the latest recorded lifecycle step (the stage today). For another date use the API's asOf or commitment_stages.csv.",
            values: describeSchema(stageShape.stage).values,
            json: "stages[-1].stage",
          },
          (r) => r.input.stages.at(-1)?.stage ?? null,
        ),
        col(
          { name: "currentStageDate", type: "date", nullable: true, meaning: "Date of that step (YYYY-MM-DD), at the precision in currentStageDatePrecision.", values: null, json: "stages[-1].date" },
          (r) => r.input.stages.at(-1)?.date ?? null,
        ),
        col(
          {
            name: "currentStageDatePrecision",
            type: "enum",
            nullable: true,
            meaning: "How precisely currentStageDate is known.",
            values: describeSchema(stageShape.datePrecision).values,
            json: "stages[-1].datePrecision",
          },
          (r) => r.input.stages.at(-1)?.datePrecision ?? null,
        ),
      ],
      ["stages"],
    ),
    entityTable(
      "sites",
      "A hub, facility, HQ, coordination cell or training centre, located no more precisely than announced. Lead and partner actors are in site_actors.csv.",
      [
        col(
          { name: "leadActors", type: "list", nullable: false, meaning: "Slugs of the lead actors (actors table).", values: null, json: "actors[role=LEAD].actor" },
          (r) => join(r.input.actors.filter((a) => a.role === "LEAD").map((a) => a.actor)),
        ),
        col(
          { name: "partnerActors", type: "list", nullable: false, meaning: "Slugs of the partner actors (actors table).", values: null, json: "actors[role=PARTNER].actor" },
          (r) => join(r.input.actors.filter((a) => a.role === "PARTNER").map((a) => a.actor)),
        ),
      ],
      ["actors"],
    ),
    entityTable("polls", "One poll result in one country. Never average polls of different wording classes."),
    entityTable("events", "A dated summit, declaration, statement, vote, threat or rejection."),
    entityTable("claims", "A claim that was checked, or a context figure, with its verification status."),
    table<(typeof stageRows)[number]>(
      { name: "commitment_stages", file: "commitment_stages.csv", json: null, rowIs: "One dated, sourced step in a commitment's lifecycle (JSON: commitments[].stages).", key: ["commitment", "stage", "date"] },
      [
        col({ name: "commitment", type: "string", nullable: false, meaning: "Slug of the commitment (commitments table).", values: null }, (r) => r.commitment),
        col({ name: "stage", meaning: "The lifecycle stage reached on this date.", ...describeSchema(stageShape.stage) }, (r) => r.stage),
        col({ name: "date", meaning: "When the stage was reached (YYYY-MM-DD), at the precision in datePrecision.", ...describeSchema(stageShape.date) }, (r) => r.date),
        col({ name: "datePrecision", meaning: "How precisely the date is known: DAY, MONTH or YEAR.", ...describeSchema(stageShape.datePrecision) }, (r) => r.datePrecision),
        col({ name: "note", meaning: "What happened at this step, as the sources report it.", ...describeSchema(stageShape.note) }, (r) => r.note),
        citedSources<(typeof stageRows)[number]>((r) => r.citations, slugOf, "this step"),
      ],
      stageRows,
    ),
    table<(typeof siteActorRows)[number]>(
      { name: "site_actors", file: "site_actors.csv", json: null, rowIs: "One actor's part in a site (JSON: sites[].actors).", key: ["site", "actor"] },
      [
        col({ name: "site", type: "string", nullable: false, meaning: "Slug of the site (sites table).", values: null }, (r) => r.site),
        col({ name: "actor", type: "string", nullable: false, meaning: "Slug of the actor (actors table).", values: null }, (r) => r.actor),
        col({ name: "role", meaning: "LEAD or PARTNER.", ...describeSchema(siteActorShape.role) }, (r) => r.role),
      ],
      siteActorRows,
    ),
    table<CitationRow>(
      {
        name: "citations",
        file: "citations.csv",
        json: null,
        rowIs: "One citation: a record (or one step of a commitment's lifecycle) citing a source (JSON: every record's citations and commitments[].stages[].citations).",
        key: ["table", "record", "stage", "stageDate", "url"],
      },
      [
        col(
          { name: "table", type: "enum", nullable: false, meaning: "Table of the citing record.", values: ENTITIES.filter((e) => e !== "sources").map((value) => ({ value, label: null })) },
          (r) => r.table,
        ),
        col({ name: "record", type: "string", nullable: false, meaning: "Slug of the citing record in that table.", values: null }, (r) => r.record),
        col({ name: "stage", meaning: "For a lifecycle step's citation: the step's stage (with stageDate); empty for the record's own citations.", ...describeSchema(stageShape.stage.nullable()) }, (r) => r.stage),
        col({ name: "stageDate", type: "date", nullable: true, meaning: "For a lifecycle step's citation: the step's date.", values: null }, (r) => r.stageDate),
        col({ name: "source", type: "string", nullable: false, meaning: "Slug of the cited source (sources table).", values: null }, (r) => slugOf(r.url)),
        col({ name: "url", type: "string", nullable: false, meaning: "URL of the cited source.", values: null }, (r) => r.url),
        col({ name: "quote", type: "string", nullable: true, meaning: "A short passage from the source supporting the record.", values: null }, (r) => r.quote),
        col({ name: "note", type: "string", nullable: true, meaning: "What the citation supports, or a caveat about the source.", values: null }, (r) => r.note),
      ],
      citationRows,
    ),
  ];
}

/** Conventions every table follows, stated once in the dictionary and the README. */
export const CONVENTIONS = [
  "Only published records. References (slugs, ISO codes, source URLs) point to published records only; a reference to anything unpublished is left out.",
  "CSV: UTF-8 without a byte-order mark, comma-separated, CRLF line ends, a header row; fields holding commas, double quotes or line breaks are quoted with double quotes (RFC 4180).",
  "An empty cell (null in JSON) means no value is recorded. The tracker never estimates a missing value.",
  `Lists in a CSV cell are joined with "${LIST_SEPARATOR}" (semicolon, space); the JSON files hold them as arrays.`,
  "Dates are YYYY-MM-DD. A date known only to the month (or year) is stored as its first day, with the precision in the matching *Precision column: read 2025-09-01 with MONTH as 'September 2025'.",
  "Timestamps (publishedAt, dataAsOf) are UTC, ISO 8601.",
  "Booleans are written true or false; numbers with a dot as decimal separator and no thousands separator.",
  "A text cell that starts with =, +, -, @, a tab or a carriage return is written with a leading apostrophe (') so that spreadsheets do not run it as a formula; remove that apostrophe to get the original text. Numbers, including negative numbers, are written as they are.",
  "Rows are sorted by slug (code-point order); child tables by their parent's slug, then in lifecycle or citation order.",
  "The JSON files hold the same records in the shape of the API and of the seed files: every CSV column of the main tables, with commitments[].stages, sites[].actors and every record's citations nested instead of in child tables.",
] as const;
