// Field-by-field differences between two snapshots of a record, in the words of its form:
// used by the history view and by the conflict view beside a stale form. Pure and client-safe.
import { ENTITIES, type EntityKey, type Field } from "./entities";

export type Change = { field: string; label: string; before: string; after: string };

type Citation = { url: string; quote: string | null; note: string | null };
type Stage = { stage: string; date: string; datePrecision: string; note: string | null; citations: Citation[] };

const EMPTY = "—";

function citationText(c: Citation): string {
  return [c.url, c.quote ? `“${c.quote}”` : null, c.note ? `(${c.note})` : null].filter(Boolean).join(" ");
}

/** A field's value as one readable line (lists one item per line). */
export function formatValue(field: Field, value: unknown): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  switch (field.kind) {
    case "checkbox":
      return value ? "Yes" : "No";
    case "select":
      return field.options.find((o) => o.value === value)?.label ?? String(value);
    case "multi":
      return (value as string[]).map((v) => field.options.find((o) => o.value === v)?.label ?? v).join(", ") || EMPTY;
    case "refs":
      return (value as string[]).join(", ") || EMPTY;
    case "citations":
      return (value as Citation[]).map(citationText).join("\n") || EMPTY;
    case "stages":
      return (
        (value as Stage[])
          .map((s) => `${s.date} ${s.stage}${s.note ? ` — ${s.note}` : ""}${s.citations.length ? ` [${s.citations.map((c) => c.url).join(", ")}]` : ""}`)
          .join("\n") || EMPTY
      );
    case "siteActors":
      return (value as { actor: string; role: string }[]).map((a) => `${a.actor} (${a.role.toLowerCase()})`).join(", ") || EMPTY;
    default:
      return String(value);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ between two snapshots (null `before` means a new record). */
export function diffSnapshots(entity: EntityKey, before: Record<string, unknown> | null, after: Record<string, unknown>): Change[] {
  const changes: Change[] = [];
  for (const field of ENTITIES[entity].fields) {
    const a = before?.[field.name];
    const b = after[field.name];
    if (before && same(a, b)) continue;
    if (!before && (b === null || b === undefined || b === "" || (Array.isArray(b) && b.length === 0))) continue;
    changes.push({ field: field.name, label: field.label, before: before ? formatValue(field, a) : EMPTY, after: formatValue(field, b) });
  }
  return changes;
}
