import type { z } from "zod";
import { SEED_FILES } from "@/lib/schemas/seed";

// The CSV columns of an import, derived from the entity's zod input schema (the one authority on
// fields), so a field added to a schema becomes a column without touching the importer. Nested
// lists get numbered columns: citation_N_url/quote/note and, for commitments, stage_N_*.

export const IMPORT_ENTITIES = ["polls", "events", "commitments"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** True for an entity the CSV import accepts. */
export const isImportEntity = (v: unknown): v is ImportEntity => IMPORT_ENTITIES.includes(v as ImportEntity);

/** Limits that keep one import inside one reasonable transaction. */
export const LIMITS = { bytes: 5 * 1024 * 1024, rows: 20_000, citations: 5, stages: 6 } as const;

export type FieldKind = "text" | "number" | "boolean" | "enum" | "list";

/** One column that maps to one top-level field of the input. */
export type FieldColumn = { name: string; kind: FieldKind; required: boolean; options?: string[] };

export type ColumnSpec = {
  fields: FieldColumn[];
  /** Numbered column groups; `at` is the field's place among the columns. */
  groups: { field: "citations" | "stages"; at: number }[];
};

type Def = { type: string; innerType?: z.ZodType; out?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under defaults, nullables and preprocessing. */
function base(s: z.ZodType): Def {
  let d = defOf(s);
  for (;;) {
    if (d.innerType && ["default", "prefault", "nullable", "optional", "readonly"].includes(d.type)) d = defOf(d.innerType);
    else if (d.type === "pipe" && d.out) d = defOf(d.out);
    else return d;
  }
}

const kindOf = (d: Def): { kind: FieldKind; options?: string[] } => {
  if (d.type === "number") return { kind: "number" };
  if (d.type === "boolean") return { kind: "boolean" };
  if (d.type === "enum") return { kind: "enum", options: Object.values(d.entries ?? {}) };
  if (d.type === "array") {
    const el = base(d.element!);
    return { kind: "list", options: el.type === "enum" ? Object.values(el.entries ?? {}) : undefined };
  }
  return { kind: "text" };
};

const cache = new Map<ImportEntity, ColumnSpec>();

/** The fields of an entity's input as CSV columns, in the schema's order. */
export function columnSpec(entity: ImportEntity): ColumnSpec {
  const hit = cache.get(entity);
  if (hit) return hit;
  const shape = (SEED_FILES[entity] as unknown as { shape: Record<string, z.ZodType> }).shape;
  const spec: ColumnSpec = { fields: [], groups: [] };
  for (const [name, schema] of Object.entries(shape)) {
    if (name === "citations" || name === "stages") {
      spec.groups.push({ field: name, at: spec.fields.length });
      continue;
    }
    // A field is required when the schema has no default for it.
    spec.fields.push({ name, required: !schema.safeParse(undefined).success, ...kindOf(base(schema)) });
  }
  cache.set(entity, spec);
  return spec;
}

export const CITATION_PARTS = ["url", "quote", "note"] as const;
export const STAGE_PARTS = ["", "_date", "_precision", "_note", "_sources"] as const;

/** The columns of citation N (1-based). */
export const citationColumns = (n: number) => CITATION_PARTS.map((p) => `citation_${n}_${p}`);
/** The columns of lifecycle stage N (1-based). */
export const stageColumns = (n: number) => STAGE_PARTS.map((p) => `stage_${n}${p}`);

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Every column an import file of this entity may have, in template order. */
export function columnNames(entity: ImportEntity): string[] {
  const spec = columnSpec(entity);
  const out: string[] = [];
  const groupAt = (i: number) => spec.groups.filter((g) => g.at === i);
  const emitGroups = (i: number) => {
    for (const g of groupAt(i)) {
      if (g.field === "citations") range(LIMITS.citations).forEach((n) => out.push(...citationColumns(n)));
      else range(LIMITS.stages).forEach((n) => out.push(...stageColumns(n)));
    }
  };
  spec.fields.forEach((f, i) => {
    emitGroups(i);
    out.push(f.name);
  });
  emitGroups(spec.fields.length);
  return out;
}

/** The CSV column a zod issue path points at ("stages.1.citations.0.url" → "stage_2_sources"). */
export function columnOfPath(path: readonly PropertyKey[], citationNumbers: number[], stageNumbers: number[]): string {
  const [head, i, part] = path;
  if (head === "citations") return typeof i === "number" ? `citation_${citationNumbers[i] ?? i + 1}_${typeof part === "string" ? part : "url"}` : "citations";
  if (head === "stages") {
    if (typeof i !== "number") return "stages";
    const n = stageNumbers[i] ?? i + 1;
    const suffix = part === "date" ? "_date" : part === "datePrecision" ? "_precision" : part === "note" ? "_note" : part === "citations" ? "_sources" : "";
    return `stage_${n}${suffix}`;
  }
  return head === undefined ? "(row)" : String(head);
}
