// The bulk download: every published table as CSV and JSON, the data dictionary, a README, the
// licence, a citation file, a manifest with row counts and SHA-256 checksums, and one zip archive
// of all of it. Deterministic: the same data gives the same bytes (no clock, fixed file order,
// fixed zip timestamps), so two exports of one release are byte-identical and checksums are stable.
import { createHash } from "node:crypto";
import { zipSync } from "fflate";
import { toCsv } from "@/lib/csv";
import type { PublishedDataset } from "@/lib/db/export";
import { isoDay } from "@/lib/format";
import type { Dictionary, Manifest } from "@/lib/schemas/api";
import { DATASET_TITLE, LICENCE, RATE_LIMIT, citationText } from "./about";
import { ENTITIES, publicRecord } from "./fields";
import { CONVENTIONS, buildTables } from "./tables";

export type BundleFile = {
  name: string;
  table: string | null;
  format: "csv" | "json" | "txt" | "cff" | "zip";
  rows: number | null;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
};

export type Bundle = {
  release: number;
  dataAsOf: Date | null;
  manifest: Manifest;
  dictionary: Dictionary;
  /** Every downloadable file: data, documentation, manifest.json, SHA256SUMS and the archive. */
  files: BundleFile[];
};

export const ARCHIVE_NAME = "archive.zip";
const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  cff: "text/plain; charset=utf-8",
  zip: "application/zip",
} as const;

const encoder = new TextEncoder();
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const jsonText = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

function file(name: string, format: BundleFile["format"], text: string | Uint8Array, table: string | null = null, rows: number | null = null): BundleFile {
  const bytes = typeof text === "string" ? encoder.encode(text) : text;
  return { name, table, format, rows, contentType: CONTENT_TYPE[format], bytes, sha256: sha256(bytes) };
}

/** Builds every bulk file of a dataset. `origin` (PUBLIC_URL) only appears in the citation and README. */
export function buildBundle(data: PublishedDataset, origin: string | null): Bundle {
  const { number: release, publishedAt: dataAsOf } = data.release;
  const citation = citationText(release, dataAsOf, origin);
  const asOfIso = dataAsOf?.toISOString() ?? null;
  const tables = buildTables(data);

  const dictionary: Dictionary = {
    title: `Data dictionary: ${DATASET_TITLE}`,
    conventions: [...CONVENTIONS],
    tables: tables.map(({ name, file: f, json, rowIs, key, columns }) => ({ name, file: f, json, rowIs, key, columns })),
  };

  const dataFiles: BundleFile[] = [];
  for (const entity of ENTITIES) {
    const records = data.tables[entity].map(publicRecord);
    const t = tables.find((x) => x.name === entity)!;
    dataFiles.push(file(t.file, "csv", toCsv(t.rows, t.columns.map((c) => c.name)), entity, t.rows.length));
    dataFiles.push(
      file(
        `${entity}.json`,
        "json",
        jsonText({ table: entity, release, dataAsOf: asOfIso, licence: LICENCE.data.name, citation, count: records.length, records }),
        entity,
        records.length,
      ),
    );
  }
  for (const t of tables.filter((x) => x.json === null)) {
    dataFiles.push(file(t.file, "csv", toCsv(t.rows, t.columns.map((c) => c.name)), t.name, t.rows.length));
  }

  const docs = [
    file("README.txt", "txt", readme({ release, dataAsOf, citation, origin, dataFiles, note: data.release.note })),
    file("LICENSE.txt", "txt", licenceText(citation)),
    file("CITATION.cff", "cff", citationCff(release, dataAsOf, origin)),
    file("dictionary.json", "json", jsonText(dictionary)),
  ];
  const listed = [...docs, ...dataFiles];
  const manifest: Manifest = {
    title: DATASET_TITLE,
    release,
    dataAsOf: asOfIso,
    releaseNote: data.release.note,
    licence: { data: LICENCE.data.name, url: LICENCE.data.url, code: LICENCE.code.name },
    citation,
    files: listed.map((f) => ({ name: f.name, table: f.table, format: f.format as Manifest["files"][number]["format"], rows: f.rows, bytes: f.bytes.length, sha256: f.sha256 })),
    archive: ARCHIVE_NAME,
  };
  const manifestFile = file("manifest.json", "json", jsonText(manifest));

  // Zip timestamps are local time: a noon timestamp built from the release's UTC date reads the
  // same in every time zone (and noon is never skipped by a daylight-saving change).
  const d = dataAsOf ?? new Date(Date.UTC(1980, 0, 1));
  const mtime = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12, 0, 0);
  const folder = `security-guarantees-tracker-release-${release}`;
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of [...docs.slice(0, 3), manifestFile, ...docs.slice(3), ...dataFiles]) entries[`${folder}/${f.name}`] = [f.bytes, { mtime }];
  const archive = file(ARCHIVE_NAME, "zip", zipSync(entries, { level: 9 }));

  const sums = [...listed, manifestFile, archive].map((f) => `${f.sha256}  ${f.name}`).join("\n") + "\n";
  const files = [...listed, manifestFile, file("SHA256SUMS", "txt", sums), archive];
  return { release, dataAsOf, manifest, dictionary, files };
}

function readme(o: { release: number; dataAsOf: Date | null; citation: string; origin: string | null; dataFiles: BundleFile[]; note: string | null }): string {
  const api = o.origin ? `${o.origin}/api/v1` : "/api/v1";
  const lines = [
    DATASET_TITLE,
    "=".repeat(DATASET_TITLE.length),
    "",
    `Dataset release ${o.release}${o.dataAsOf ? `, data as of ${o.dataAsOf.toISOString()}` : ""}.`,
    ...(o.note ? [`Release note: ${o.note}`] : []),
    "",
    "Every published fact about the security guarantees offered to Ukraine: who offered or refused what (commitments, with",
    "conditions, legal form, parliamentary approval and a dated lifecycle), hubs and facilities (never located more precisely",
    "than announced), coalition participation, polls (grouped by question wording: never average different wordings), events,",
    "checked claims and context figures, and every source cited. Claims the research could not verify are included and marked",
    "UNVERIFIED: showing what could not be confirmed is part of the record.",
    "",
    "How to cite",
    "-----------",
    o.citation,
    "",
    `Licence: data ${LICENCE.data.name} (${LICENCE.data.url}); code ${LICENCE.code.name}. See LICENSE.txt.`,
    "",
    "Files",
    "-----",
    ...o.dataFiles.map((f) => `${f.name.padEnd(24)} ${String(f.rows).padStart(6)} rows`),
    "dictionary.json           every column: meaning, type, allowed values",
    "manifest.json             row counts and SHA-256 checksums of these files",
    "CITATION.cff              citation metadata (Citation File Format)",
    "",
    "Conventions",
    "-----------",
    ...CONVENTIONS.map((c) => `- ${c}`),
    "",
    "More",
    "----",
    `API (JSON, filters, as-of dates): ${api} (OpenAPI document: ${api}/openapi.json).`,
    `Change feeds (Atom): ${api}/feeds/changes.atom, per country and per commitment kind.`,
    RATE_LIMIT.text,
    "",
  ];
  return lines.join("\n");
}

function licenceText(citation: string): string {
  return [
    `The data in this archive is licensed under the Creative Commons Attribution 4.0 International licence (${LICENCE.data.name}):`,
    LICENCE.data.url,
    "",
    "You may copy, redistribute, adapt and build upon it for any purpose, including commercially, provided that you give",
    "appropriate credit, link to the licence and indicate if changes were made. Credit it as follows:",
    "",
    citation,
    "",
    "The records quote and cite third-party sources; those texts remain under their owners' terms.",
    `The software that publishes this data is licensed under the ${LICENCE.code.name} licence.`,
    "",
  ].join("\n");
}

function citationCff(release: number, dataAsOf: Date | null, origin: string | null): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    "cff-version: 1.2.0",
    "message: If you use this dataset, please cite it as below, and cite the original sources listed with each record.",
    "type: dataset",
    `title: ${q(DATASET_TITLE)}`,
    "authors:",
    "  - name: Security Guarantees Tracker",
    `version: ${q(`release ${release}`)}`,
    ...(dataAsOf ? [`date-released: ${q(isoDay(dataAsOf))}`] : []),
    `license: ${LICENCE.data.identifier}`,
    ...(origin ? [`url: ${q(`${origin}/data`)}`] : []),
    "",
  ].join("\n");
}
