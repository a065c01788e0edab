import { toCsv, type CsvValue } from "@/lib/csv";
import { LIMITS, citationColumns, columnNames, columnSpec, stageColumns, type ImportEntity } from "./columns";

// The inverse of lib/import/parse.ts: an input as CSV cells, for the downloadable template.

type Citation = { url: string; quote: string | null; note: string | null };
type Stage = { stage: string; date: string; datePrecision: string; note: string | null; citations: Citation[] };

/** An input as import cells (stage sources keep their addresses only; quotes are edited in the form). */
export function toCells(entity: ImportEntity, input: Record<string, unknown>): Record<string, CsvValue> {
  const out: Record<string, CsvValue> = {};
  for (const f of columnSpec(entity).fields) {
    const v = input[f.name];
    out[f.name] = Array.isArray(v) ? v.join("; ") : (v as CsvValue);
  }
  ((input.citations as Citation[] | undefined) ?? []).slice(0, LIMITS.citations).forEach((c, i) => {
    const [url, quote, note] = citationColumns(i + 1);
    Object.assign(out, { [url]: c.url, [quote]: c.quote, [note]: c.note });
  });
  ((input.stages as Stage[] | undefined) ?? []).slice(0, LIMITS.stages).forEach((s, i) => {
    const [stage, date, precision, note, sources] = stageColumns(i + 1);
    Object.assign(out, { [stage]: s.stage, [date]: s.date, [precision]: s.datePrecision, [note]: s.note, [sources]: s.citations.map((c) => c.url).join("; ") });
  });
  return out;
}

/** True when an input fits the template's numbered columns without losing citations or stages. */
export function fitsTemplate(input: Record<string, unknown>): boolean {
  return ((input.citations as unknown[]) ?? []).length <= LIMITS.citations && ((input.stages as unknown[]) ?? []).length <= LIMITS.stages;
}

/** The template file: every column in order, and the example row when there is one. */
export function templateCsv(entity: ImportEntity, example: Record<string, unknown> | null): string {
  return toCsv(example ? [toCells(entity, example)] : [], columnNames(entity));
}
