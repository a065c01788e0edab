// Validates prisma/seed/*.json without touching a database: `npx tsx scripts/seed-check.ts`.
import { readSeedFiles } from "./lib/seed-files";
import { SeedValidationError, parseSeed } from "../lib/schemas/seed";

try {
  const data = parseSeed(readSeedFiles());
  const counts = Object.entries(data).map(([k, v]) => `${k}: ${v.length}`).join(", ");
  console.log(`Seed data is valid (${counts}).`);
} catch (e) {
  if (e instanceof SeedValidationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
