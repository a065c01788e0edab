// Reading a bulk export back: the table JSON files (from a folder or the zip archive), checked
// against the manifest's checksums when it is there, reduced to the entities' input shape (the
// record's id, version and publishedAt belong to the database it came from). The result goes
// through parseSeed and seedDatabase like the seed files (scripts/import.ts).
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import type { EntityKey } from "@/lib/db/records";
import type { SeedFileName } from "@/lib/schemas/seed";
import { ENTITIES, META_FIELDS } from "./fields";

export type ExportFiles = Map<string, Uint8Array>;
export type ReadResult = { ok: true; raw: Partial<Record<SeedFileName, unknown[]>>; tables: EntityKey[] } | { ok: false; problems: string[] };

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The files of a zip archive by base name (the archive keeps them in one folder). */
export function unzipExport(zip: Uint8Array): ExportFiles {
  const out: ExportFiles = new Map();
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    const base = name.split("/").pop()!;
    if (base) out.set(base, bytes);
  }
  return out;
}

/** Reads the table files of an export; problems name the file and what is wrong. */
export function readExport(files: ExportFiles): ReadResult {
  const problems: string[] = [];
  const manifestBytes = files.get("manifest.json");
  if (manifestBytes) {
    try {
      const manifest = JSON.parse(decoder.decode(manifestBytes)) as { files?: { name: string; sha256: string }[] };
      for (const f of manifest.files ?? []) {
        const bytes = files.get(f.name);
        if (bytes && createHash("sha256").update(bytes).digest("hex") !== f.sha256) {
          problems.push(`${f.name}: its SHA-256 does not match manifest.json; the file was changed or damaged.`);
        }
      }
    } catch (e) {
      problems.push(`manifest.json: ${(e as Error).message}`);
    }
  }

  const raw: Partial<Record<SeedFileName, unknown[]>> = {};
  const tables: EntityKey[] = [];
  for (const entity of ENTITIES) {
    const name = `${entity}.json`;
    const bytes = files.get(name);
    if (!bytes) continue;
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(bytes));
    } catch (e) {
      problems.push(`${name}: not valid UTF-8 JSON (${(e as Error).message}).`);
      continue;
    }
    // A bulk table file ({ table, records }) or a plain array as in prisma/seed/.
    const records = Array.isArray(value)
      ? value
      : value && typeof value === "object" && (value as { table?: unknown }).table === entity && Array.isArray((value as { records?: unknown }).records)
        ? (value as { records: unknown[] }).records
        : null;
    if (!records) {
      problems.push(`${name}: expected a bulk table file with "table": "${entity}" and a "records" array, or an array of records.`);
      continue;
    }
    raw[entity] = records.map((r) => {
      if (!r || typeof r !== "object" || Array.isArray(r)) return r;
      const input = { ...(r as Record<string, unknown>) };
      for (const key of Object.keys(META_FIELDS)) delete input[key];
      return input;
    });
    tables.push(entity);
  }
  if (tables.length === 0 && problems.length === 0) {
    problems.push(`No table files found: expected ${ENTITIES.map((e) => `${e}.json`).join(", ")}.`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, raw, tables };
}
