// npm run data:import -- <folder | archive.zip | table.json>: loads a bulk export (lib/export/
// bundle.ts) into the configured database through the seed loader. Refuses a database that
// already holds records, and data that breaks any rule; in either case nothing is written.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { countRecords } from "../lib/db/export";
import { seedDatabase } from "../lib/db/seed";
import { readExport, unzipExport, type ExportFiles } from "../lib/export/import";
import { SeedValidationError, parseSeed } from "../lib/schemas/seed";
import { runWithDatabase } from "./lib/database";
import { scriptClient } from "./lib/prisma";

const target = process.argv[2];
if (!target || target.startsWith("-")) {
  console.error("Usage: npm run data:import -- <export folder | archive.zip | table.json>");
  process.exit(1);
}
if (!existsSync(target)) {
  console.error(`Error: ${target} does not exist.`);
  process.exit(1);
}

function filesOf(p: string): ExportFiles {
  if (statSync(p).isDirectory()) return new Map(readdirSync(p).map((name) => [name, new Uint8Array(readFileSync(path.join(p, name)))]));
  const bytes = new Uint8Array(readFileSync(p));
  return p.endsWith(".zip") ? unzipExport(bytes) : new Map([[path.basename(p), bytes]]);
}

let files: ExportFiles;
try {
  files = filesOf(target);
} catch (e) {
  console.error(`Error: cannot read ${target}: ${(e as Error).message}`);
  process.exit(1);
}
const read = readExport(files);
if (!read.ok) {
  console.error(`Nothing was imported:\n${read.problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
let data;
try {
  data = parseSeed(read.raw);
} catch (e) {
  if (e instanceof SeedValidationError) {
    // parseSeed names the seed files; here they are the export's table files.
    const lines = e.problems.slice(0, 50).map((p) => `  ${p.file.replace(/^prisma\/seed\//, "")} › ${p.record} › ${p.field}: ${p.message}`);
    console.error(`The export breaks ${e.problems.length} rule(s); nothing was imported.\n${lines.join("\n")}`);
    process.exit(1);
  }
  throw e;
}

await runWithDatabase(async (db) => {
  const prisma = scriptClient(db.url);
  try {
    const existing = Object.entries(await countRecords(prisma)).filter(([, n]) => n > 0);
    if (existing.length) {
      console.error(
        `Refusing to import into ${db.describe}: it already holds ${existing.map(([k, n]) => `${n} ${k}`).join(", ")}. ` +
          "Import into an empty database (a new DATA_DIR, or a new PostgreSQL database in DATABASE_URL). Nothing was imported.",
      );
      process.exitCode = 1;
      return;
    }
    const counts = await seedDatabase(prisma, data);
    console.log(`Imported ${read.tables.join(", ")} into ${db.describe}: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}.`);
  } finally {
    await prisma.$disconnect();
  }
});
