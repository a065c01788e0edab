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

/** A run of text in an inline comparison: kept, only before (removed) or only after (added). */
export type Piece = { text: string; op: "same" | "del" | "ins" };

/** Largest comparison table (tokens before × tokens after, past the common ends) worth building. */
const MAX_CELLS = 1_000_000;

/**
 * Word-by-word comparison of two formatted values, whitespace kept, so a long text shows what was
 * removed and added; null when the changed middle is too long to compare cheaply.
 */
export function inlineDiff(before: string, after: string): { before: Piece[]; after: Piece[] } | null {
  // Words keep their trailing whitespace, so a changed phrase is marked as one run; they are
  // compared without it, so a word that merely gained a line break is not marked.
  const a = before.match(/\s+|\S+\s*/g) ?? [];
  const b = after.match(/\s+|\S+\s*/g) ?? [];
  const ka = a.map((t) => t.trimEnd() || t);
  const kb = b.map((t) => t.trimEnd() || t);
  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) return null;
  // Longest common subsequence of the middle, filled from the end so the walk goes forwards.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = ka[start + i] === kb[start + j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const left: Piece[] = [];
  const right: Piece[] = [];
  const push = (list: Piece[], text: string, op: Piece["op"]) => {
    const last = list.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text) list.push({ text, op });
  };
  push(left, a.slice(0, start).join(""), "same");
  push(right, b.slice(0, start).join(""), "same");
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[start + i] === kb[start + j]) {
      push(left, a[start + i], "same");
      push(right, b[start + j], "same");
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      push(right, b[start + j++], "ins");
    } else {
      push(left, a[start + i++], "del");
    }
  }
  push(left, a.slice(endA).join(""), "same");
  push(right, b.slice(endB).join(""), "same");
  return { before: left, after: right };
}
