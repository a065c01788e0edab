import { createHash } from "node:crypto";
import { publicationIssues } from "@/lib/schemas/publication";
import { columnNames, columnOfPath, type ImportEntity } from "./columns";
import type { ParsedFile, ParsedRow, RowIssue } from "./parse";

// The dry-run report: parsed rows plus what only the database knows (slugs already taken,
// references that do not exist or are unpublished). Pure: lib/db/import.ts supplies `Known`.

export type ImportStatus = "valid" | "invalid" | "duplicate";
export type ReportRow = { row: number; line: number; slug: string; status: ImportStatus; issues: RowIssue[] };

export type ImportReport = {
  entity: ImportEntity;
  fileName: string;
  /** SHA-256 of the file's bytes: the confirm step must send the same file. */
  sha256: string;
  /** Fingerprint of what a confirm would write (file + rows to import); changes when the database does. */
  digest: string;
  counts: { rows: number; valid: number; invalid: number; duplicates: number; warnings: number };
  fileErrors: string[];
  /** Invalid rows first, then duplicates, then valid rows; each in file order. */
  rows: ReportRow[];
};

export type RefState = "published" | "draft";

/** What the database holds that rows may collide with or refer to. */
export type Known = {
  /** Slugs of this entity's records and drafts, with the record id to link to. */
  records: Map<string, { id: string; draft: boolean }>;
  actors: Map<string, RefState>;
  countries: Map<string, RefState>;
  commitments: Map<string, RefState>;
  sources: Map<string, RefState>;
};

const KIND: Record<ImportEntity, string> = { polls: "poll", events: "event", commitments: "commitment" };

type Refs = { actors: Set<string>; countries: Set<string>; commitments: Set<string>; sources: Set<string> };

/** The slugs, codes and source addresses the valid rows refer to (what `Known` must cover). */
export function fileReferences(rows: ParsedRow[]): Refs {
  const refs: Refs = { actors: new Set(), countries: new Set(), commitments: new Set(), sources: new Set() };
  for (const r of rows) {
    const i = r.input as Record<string, unknown> | null;
    if (!i) continue;
    if (typeof i.actor === "string") refs.actors.add(i.actor);
    if (typeof i.country === "string") refs.countries.add(i.country);
    for (const a of (i.actors as string[] | undefined) ?? []) refs.actors.add(a);
    for (const c of (i.commitments as string[] | undefined) ?? []) refs.commitments.add(c);
    for (const c of i.citations as { url: string }[]) refs.sources.add(c.url);
    for (const s of (i.stages as { citations: { url: string }[] }[] | undefined) ?? []) for (const c of s.citations) refs.sources.add(c.url);
  }
  return refs;
}

/** Issues from references: a missing record is an error, an unpublished one (or source) a warning. */
function referenceIssues(row: ParsedRow, known: Known): RowIssue[] {
  const i = row.input!;
  const out: RowIssue[] = [];
  const column = (path: (string | number)[]) => columnOfPath(path, row.numbers.citations, row.numbers.stages);
  const ref = (state: RefState | undefined, path: (string | number)[], missing: string, draft: string) => {
    if (state === "published") return;
    out.push(state === "draft" ? { field: column(path), level: "warning", message: draft } : { field: column(path), level: "error", message: missing });
  };
  if (typeof i.actor === "string") {
    ref(known.actors.get(i.actor), ["actor"], `No actor has the slug “${i.actor}”.`, `The actor “${i.actor}” is still a draft: publish it before this record.`);
  }
  if (typeof i.country === "string") {
    ref(known.countries.get(i.country), ["country"], `No actor has the ISO code ${i.country}.`, `The actor with ISO code ${i.country} is still a draft: publish it before this record.`);
  }
  for (const a of (i.actors as string[] | undefined) ?? []) {
    ref(known.actors.get(a), ["actors"], `No actor has the slug “${a}”.`, `The actor “${a}” is still a draft: publish it before this record.`);
  }
  for (const c of (i.commitments as string[] | undefined) ?? []) {
    ref(known.commitments.get(c), ["commitments"], `No commitment has the slug “${c}”.`, `The commitment “${c}” is still a draft: publish it before this record.`);
  }
  // A source may be added after the import; publishing checks it again.
  const source = (url: string, path: (string | number)[]) => {
    const state = known.sources.get(url);
    if (state === "published") return;
    const message =
      state === "draft" ? `The source ${url} is still a draft: publish it before this record.` : `No published source has the address ${url}: add it before publishing this record.`;
    out.push({ field: column(path), level: "warning", message });
  };
  (i.citations as { url: string }[]).forEach((c, n) => source(c.url, ["citations", n, "url"]));
  ((i.stages as { citations: { url: string }[] }[] | undefined) ?? []).forEach((s, n) => s.citations.forEach((c) => source(c.url, ["stages", n, "citations"])));
  return out;
}

const ORDER: Record<ImportStatus, number> = { invalid: 0, duplicate: 1, valid: 2 };

/** Orders a row's issues as its columns are ordered: errors first, then warnings. */
function issueOrder(entity: ImportEntity) {
  const names = columnNames(entity);
  const position = new Map(names.map((n, i) => [n, i]));
  position.set("(row)", -1).set("citations", names.indexOf("citation_1_url")).set("stages", names.indexOf("stage_1"));
  const at = (field: string) => position.get(field) ?? names.length;
  return (a: RowIssue, b: RowIssue) => Number(a.level === "warning") - Number(b.level === "warning") || at(a.field) - at(b.field);
}

/** Builds the report and the rows a confirm would import (valid and not duplicates). */
export function buildReport(
  entity: ImportEntity,
  parsed: ParsedFile,
  known: Known,
  meta: { fileName: string; sha256: string },
): { report: ImportReport; importable: ParsedRow[] } {
  const order = issueOrder(entity);
  const firstRowOfSlug = new Map<string, number>();
  const rows: ReportRow[] = [];
  const importable: ParsedRow[] = [];
  for (const r of parsed.rows) {
    const issues = [...r.issues];
    if (r.input) {
      issues.push(...referenceIssues(r, known));
      for (const p of publicationIssues(KIND[entity], r.input as Parameters<typeof publicationIssues>[1])) {
        issues.push({ field: columnOfPath(p.path, r.numbers.citations, r.numbers.stages), level: "warning", message: `Before publishing: ${p.message}` });
      }
    }
    const invalid = issues.some((x) => x.level === "error");
    let duplicate = false;
    const existing = r.slug ? known.records.get(r.slug) : undefined;
    const earlier = r.slug ? firstRowOfSlug.get(r.slug) : undefined;
    if (existing) {
      duplicate = true;
      issues.unshift({
        field: "slug",
        level: "error",
        message: existing.draft ? "A draft already uses this slug; this import only adds new records." : "A record already uses this slug; this import only adds new records.",
        href: `/admin/${entity}/${existing.id}`,
      });
    } else if (earlier !== undefined) {
      duplicate = true;
      issues.unshift({ field: "slug", level: "error", message: `Row ${earlier} of this file already uses this slug.` });
    }
    if (r.slug && earlier === undefined) firstRowOfSlug.set(r.slug, r.row);
    const status: ImportStatus = invalid ? "invalid" : duplicate ? "duplicate" : "valid";
    if (status === "valid") importable.push(r);
    // What publishing would need is noise for a row that will not be imported.
    const shown = status === "duplicate" ? issues.filter((x) => x.level === "error") : issues;
    rows.push({ row: r.row, line: r.line, slug: r.slug, status, issues: shown.sort(order) });
  }
  rows.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.row - b.row);
  const count = (s: ImportStatus) => rows.filter((r) => r.status === s).length;
  const digest = createHash("sha256")
    .update(`${entity}\n${meta.sha256}\n${importable.map((r) => r.row).join(",")}`)
    .digest("hex");
  return {
    report: {
      entity,
      fileName: meta.fileName,
      sha256: meta.sha256,
      digest,
      counts: { rows: rows.length, valid: count("valid"), invalid: count("invalid"), duplicates: count("duplicate"), warnings: rows.filter((r) => r.issues.some((x) => x.level === "warning")).length },
      fileErrors: parsed.fileErrors,
      rows,
    },
    importable,
  };
}

/** The file's SHA-256 in hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A file name safe to show and store: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001F\u007F]/g, "").trim().slice(0, 200);
  return clean || "upload.csv";
}
