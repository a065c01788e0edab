// npm run db:seed: loads prisma/seed/*.json through the shared zod schemas in one
// transaction. Idempotent: records already present (by slug, sources by URL) are kept as they are.
import { seedDatabase } from "../lib/db/seed";
import { SeedValidationError, parseSeed } from "../lib/schemas/seed";
import { runWithDatabase } from "./lib/database";
import { scriptClient } from "./lib/prisma";
import { readSeedFiles } from "./lib/seed-files";

let data;
try {
  data = parseSeed(readSeedFiles());
} catch (e) {
  if (e instanceof SeedValidationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
await runWithDatabase(async (db) => {
  const prisma = scriptClient(db.url);
  try {
    const counts = await seedDatabase(prisma, data);
    const created = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ");
    console.log(`Seeded ${db.describe}: ${created}.`);
  } finally {
    await prisma.$disconnect();
  }
});
