import { CsvError, parse } from "csv-parse/sync";
import type { z } from "zod";
import { SEED_FILES } from "@/lib/schemas/seed";
import { LIMITS, citationColumns, columnNames, columnOfPath, columnSpec, stageColumns, type FieldColumn, type ImportEntity } from "./columns";

// CSV text → the entity's zod input, row by row, with every problem named by row and column.
// Pure (no database): lib/import/report.ts adds duplicates and references, lib/db/import.ts writes.

export type IssueLevel = "error" | "warning";
/** One problem of one row, located by its CSV column; `href` links to a record it refers to. */
export type RowIssue = { field: string; message: string; level: IssueLevel; href?: string };

export type ParsedRow = {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** Line in the file where the row starts (differs from `row` after cells with line breaks). */
  line: number;
  slug: string;
  issues: RowIssue[];
  /** The validated input, or null when the row breaks a schema rule. */
  input: Record<string, unknown> | null;
  /** Which citation_N / stage_N columns the input's list entries came from. */
  numbers: { citations: number[]; stages: number[] };
};

export type ParsedFile = { fileErrors: string[]; rows: ParsedRow[] };

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
// A web address never holds a space or a control character; such a cell is a paste accident.
const NOT_URL_CHAR = /[\s\u0000-\u001F\u007F]/;
const MESSAGES = {
  number: "Use a plain number such as 1200 or 52.5 (no spaces, thousands separators or % sign).",
  boolean: "Use true, false, yes or no.",
  url: "A web address cannot contain spaces or control characters.",
  required: "Required.",
};

const split = (cell: string, by: RegExp) =>
  cell
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads an import file; file-level problems (encoding, CSV syntax, header) stop before the rows. */
export function parseImportFile(entity: ImportEntity, data: Uint8Array | string): ParsedFile {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const fileError = (message: string): ParsedFile => ({ fileErrors: [message], rows: [] });
  if (bytes.length === 0) return fileError("The file is empty.");
  if (bytes.length > LIMITS.bytes) return fileError(`The file is larger than ${LIMITS.bytes / 1024 / 1024} MB: split it into smaller files.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fileError("The file is UTF-16 text: save it as “CSV UTF-8” in your spreadsheet.");
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fileError("The file is not UTF-8 text: save it as “CSV UTF-8” in your spreadsheet.");
  }

  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), {
      bom: true,
      info: true,
      relax_column_count: true,
      // Mixed line endings happen when files are pasted together; both end a row.
      record_delimiter: ["\r\n", "\n"],
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) return fileError(csvSyntaxMessage(e));
    throw e;
  }
  if (records.length === 0) return fileError("The file is empty.");

  const header = records[0].record.map((h) => h.trim());
  const dataRecords = records.slice(1);
  const headerErrors = checkHeader(entity, header, dataRecords.map((r) => r.record));
  if (headerErrors.length) return { fileErrors: headerErrors, rows: [] };

  // Blank lines and rows of empty cells (a spreadsheet's trailing rows) are not data.
  const filled = dataRecords.flatMap((r, i) => {
    const cells = r.record.map((c) => c.trim());
    return cells.some((c) => c !== "") ? [{ cells, i }] : [];
  });
  if (filled.length === 0) return fileError("The file has a header row but no data rows.");
  if (filled.length > LIMITS.rows) return fileError(`The file has more than ${LIMITS.rows.toLocaleString("en")} rows: split it into smaller files.`);

  const lineOf = lineCounter(bytes);
  const index = new Map(header.map((h, i) => [h, i]));
  // records[i] ends where data record i starts.
  const rows = filled.map(({ cells, i }) => parseRow(entity, { index, width: header.length }, cells, i + 2, lineOf(records[i].info.bytes)));
  return { fileErrors: [], rows };
}

function csvSyntaxMessage(e: CsvError): string {
  const line = (e as CsvError & { lines?: number }).lines;
  const near = line ? ` near line ${line}` : "";
  if (e.code === "CSV_QUOTE_NOT_CLOSED") return `A quoted cell is never closed${near}: a closing " is missing.`;
  if (e.code === "INVALID_OPENING_QUOTE" || e.code === "CSV_INVALID_CLOSING_QUOTE") {
    return `A quote sits inside a cell${near}: put the whole cell in double quotes and double every quote inside it ("").`;
  }
  return `The file is not valid CSV${near}.`;
}

/** 1-based line number of a byte offset; offsets must come in increasing order. */
function lineCounter(bytes: Uint8Array) {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    for (; pos < offset && pos < bytes.length; pos++) if (bytes[pos] === 0x0a) line++;
    return line;
  };
}

function checkHeader(entity: ImportEntity, header: string[], data: string[][]): string[] {
  const errors: string[] = [];
  const known = new Set(columnNames(entity));
  const seen = new Set<string>();
  const unknown: string[] = [];
  header.forEach((name, i) => {
    if (name === "") {
      // An unnamed column is harmless while it is empty (spreadsheets export such columns).
      if (data.some((r) => (r[i] ?? "").trim() !== "")) errors.push(`Column ${i + 1} holds data but has no name in the header row.`);
      return;
    }
    if (seen.has(name)) errors.push(`The column “${name}” appears twice in the header row.`);
    seen.add(name);
    if (!known.has(name)) unknown.push(name);
  });
  if (unknown.length) {
    const semicolons = header.length === 1 && header[0].includes(";");
    errors.push(
      semicolons
        ? "The columns are separated by semicolons: save the file with commas between columns (“CSV UTF-8”)."
        : `Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.map((u) => `“${u.slice(0, 60)}”`).join(", ")}. The import page lists the columns for ${entity}.`,
    );
  }
  const missing = columnSpec(entity)
    .fields.filter((f) => f.required && !seen.has(f.name))
    .map((f) => f.name);
  if (missing.length && !(unknown.length && header.length === 1)) errors.push(`Missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
  return errors;
}

type Conversion = { value: unknown; error?: string };

function convert(field: FieldColumn, cell: string): Conversion {
  if (cell === "") return { value: undefined };
  switch (field.kind) {
    case "number":
      return PLAIN_NUMBER.test(cell) ? { value: Number(cell) } : { value: cell, error: MESSAGES.number };
    case "boolean": {
      const v = cell.toLowerCase();
      if (v === "true" || v === "yes") return { value: true };
      if (v === "false" || v === "no") return { value: false };
      return { value: cell, error: MESSAGES.boolean };
    }
    case "list":
      return { value: split(cell, /;/) };
    default:
      return { value: cell };
  }
}

function urlCell(cell: string): Conversion {
  return NOT_URL_CHAR.test(cell) ? { value: cell, error: MESSAGES.url } : { value: cell };
}

function parseRow(entity: ImportEntity, header: { index: Map<string, number>; width: number }, cells: string[], row: number, line: number): ParsedRow {
  const spec = columnSpec(entity);
  const cell = (name: string) => {
    const i = header.index.get(name);
    return i === undefined ? "" : (cells[i] ?? "");
  };
  const input: Record<string, unknown> = {};
  const conversionErrors = new Map<string, string>();
  const take = (column: string, c: Conversion) => {
    if (c.error) conversionErrors.set(column, c.error);
    return c.value;
  };

  for (const f of spec.fields) {
    const v = take(f.name, convert(f, cell(f.name)));
    if (v !== undefined) input[f.name] = v;
  }

  const numbers = { citations: [] as number[], stages: [] as number[] };
  const citations: Record<string, unknown>[] = [];
  for (let n = 1; n <= LIMITS.citations; n++) {
    const [url, quote, note] = citationColumns(n).map(cell);
    if (!url && !quote && !note) continue;
    numbers.citations.push(n);
    citations.push({ url: url ? take(`citation_${n}_url`, urlCell(url)) : undefined, quote: quote || undefined, note: note || undefined });
  }
  input.citations = citations;

  if (spec.groups.some((g) => g.field === "stages")) {
    const stages: Record<string, unknown>[] = [];
    for (let n = 1; n <= LIMITS.stages; n++) {
      const [stage, date, precision, note, sources] = stageColumns(n).map(cell);
      if (!stage && !date && !precision && !note && !sources) continue;
      numbers.stages.push(n);
      // Web addresses never contain spaces, so either ; or white space separates them.
      const urls = split(sources, /[;\s]+/);
      stages.push({
        stage: stage || undefined,
        date: date || undefined,
        datePrecision: precision || undefined,
        note: note || undefined,
        citations: urls.map((u) => ({ url: take(`stage_${n}_sources`, urlCell(u)) })),
      });
    }
    if (stages.length) input.stages = stages;
  }

  const issues: RowIssue[] = [];
  if (cells.length > header.width && cells.slice(header.width).some((c) => c !== "")) {
    issues.push({ field: "(row)", level: "error", message: `This row has ${cells.length} cells but the header has ${header.width} columns.` });
  }
  for (const [field, message] of conversionErrors) issues.push({ field, message, level: "error" });

  const schema = SEED_FILES[entity] as unknown as z.ZodType<Record<string, unknown>>;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = columnOfPath(issue.path, numbers.citations, numbers.stages);
      // A column whose cell could not be read already says why.
      if (conversionErrors.has(field)) continue;
      const missing = issue.code === "invalid_type" && valueAt(input, issue.path) === undefined;
      issues.push({ field, level: "error", message: missing ? MESSAGES.required : issue.message });
    }
  }
  return {
    row,
    line,
    slug: cell("slug").slice(0, 100),
    issues,
    input: parsed.success && issues.length === 0 ? parsed.data : null,
    numbers,
  };
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let v = obj;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
