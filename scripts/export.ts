// npm run data:export -- <folder>: writes every bulk file of the current release (CSV and JSON per
// table, dictionary, README, licence, citation, manifest, SHA256SUMS, archive.zip) to a folder,
// from the configured database. The same bytes as /api/v1/bulk/ serves for that release.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadPublishedDataset } from "../lib/db/export";
import { publicOrigin } from "../lib/export/about";
import { ARCHIVE_NAME, buildBundle } from "../lib/export/bundle";
import { runWithDatabase } from "./lib/database";
import { scriptClient } from "./lib/prisma";

const dir = process.argv[2];
if (!dir || dir.startsWith("-")) {
  console.error("Usage: npm run data:export -- <folder>");
  process.exit(1);
}
if (!existsSync(path.dirname(path.resolve(dir)))) {
  console.error(`Error: the parent folder of ${dir} does not exist.`);
  process.exit(1);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

await runWithDatabase(async (db) => {
  const prisma = scriptClient(db.url);
  try {
    const t0 = performance.now();
    const data = await loadPublishedDataset(prisma);
    const t1 = performance.now();
    const bundle = buildBundle(data, publicOrigin());
    const t2 = performance.now();
    if (!existsSync(dir)) mkdirSync(dir);
    for (const f of bundle.files) writeFileSync(path.join(dir, f.name), f.bytes);

    const archive = bundle.files.find((f) => f.name === ARCHIVE_NAME)!;
    const loose = bundle.files.filter((f) => f.name !== ARCHIVE_NAME);
    const raw = loose.reduce((n, f) => n + f.bytes.length, 0);
    const gzip = loose.reduce((n, f) => n + gzipSync(f.bytes, { level: 9 }).length, 0);
    console.log(`Exported release ${bundle.release} of ${db.describe} to ${dir}:`);
    for (const f of bundle.manifest.files) if (f.rows !== null) console.log(`  ${f.name.padEnd(24)} ${String(f.rows).padStart(6)} rows  ${kb(f.bytes).padStart(10)}`);
    console.log(`  ${loose.length} files, ${kb(raw)} (${kb(gzip)} gzipped one by one); ${ARCHIVE_NAME} ${kb(archive.bytes.length)}`);
    console.log(`  read ${Math.round(t1 - t0)} ms, built ${Math.round(t2 - t1)} ms; archive SHA-256 ${archive.sha256}`);
  } finally {
    await prisma.$disconnect();
  }
});
