// Field-by-field differences between two snapshots of a record, in the words of its form:
// used by the history view and by the conflict view beside a stale form. Pure and client-safe.
import { ENTITIES, SITE_ACTOR_ROLE_OPTIONS, STAGE_OPTIONS, type EntityKey, type Field, type Option } from "./entities";

export type Change = { field: string; label: string; before: string; after: string };

type Citation = { url: string; quote: string | null; note: string | null };
type Stage = { stage: string; date: string; datePrecision: string; note: string | null; citations: Citation[] };

const EMPTY = "—";

function citationText(c: Citation): string {
  return [c.url, c.quote ? `“${c.quote}”` : null, c.note ? `(${c.note})` : null].filter(Boolean).join(" ");
}

const optionLabel = (options: Option[], value: string) => options.find((o) => o.value === value)?.label ?? value;

// A stage date only as precisely as it is known: 2025-09-04, 2025-09 or 2025.
const stageDate = (s: Stage) => (s.datePrecision === "YEAR" ? s.date.slice(0, 4) : s.datePrecision === "MONTH" ? s.date.slice(0, 7) : s.date);

function stageText(s: Stage): string {
  const cites = s.citations.length ? `\n    ${s.citations.map(citationText).join("\n    ")}` : "";
  return `${stageDate(s)} ${optionLabel(STAGE_OPTIONS, s.stage)}${s.note ? ` — ${s.note}` : ""}${cites}`;
}

/** A field's value as readable text (lists one item per line). */
export function formatValue(field: Field, value: unknown): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  switch (field.kind) {
    case "checkbox":
      return value ? "Yes" : "No";
    case "select":
      return optionLabel(field.options, String(value));
    case "multi":
      return (value as string[]).map((v) => optionLabel(field.options, v)).join("\n") || EMPTY;
    case "refs":
      return (value as string[]).join("\n") || EMPTY;
    case "citations":
      return (value as Citation[]).map(citationText).join("\n") || EMPTY;
    case "stages":
      return (value as Stage[]).map(stageText).join("\n") || EMPTY;
    case "siteActors":
      return (value as { actor: string; role: string }[]).map((a) => `${a.actor} (${optionLabel(SITE_ACTOR_ROLE_OPTIONS, a.role).toLowerCase()})`).join("\n") || EMPTY;
    default:
      return String(value);
  }
}

/** Empty text, null, a missing key and an empty list all mean "no value". */
const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** JSON with sorted keys, so that equal values compare equal whatever order their keys were written in. */
function canonical(v: unknown): string {
  if (isEmpty(v)) return "null";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** The fields whose values differ between two snapshots (null `before` means a new record). */
export function diffSnapshots(entity: EntityKey, before: Record<string, unknown> | null, after: Record<string, unknown>): Change[] {
  const changes: Change[] = [];
  for (const field of ENTITIES[entity].fields) {
    const a = before?.[field.name];
    const b = after[field.name];
    if (before && same(a, b)) continue;
    if (!before && isEmpty(b)) continue;
    changes.push({ field: field.name, label: field.label, before: before ? formatValue(field, a) : EMPTY, after: formatValue(field, b) });
  }
  return changes;
}
