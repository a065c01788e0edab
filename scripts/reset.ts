// npm run db:reset: drops all data and reapplies migrations and the seed. Asks first unless --yes.
import { createInterface } from "node:readline/promises";
import pg from "pg";
import { seedDatabase } from "../lib/db/seed";
import { SeedValidationError, parseSeed } from "../lib/schemas/seed";
import { runWithDatabase } from "./lib/database";
import { scriptClient } from "./lib/prisma";
import { applyMigrations } from "./lib/schema-engine";
import { readSeedFiles } from "./lib/seed-files";

const yes = process.argv.includes("--yes");
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
  if (!yes) {
    if (!process.stdin.isTTY) {
      console.error(`Refusing to reset ${db.describe} without confirmation: rerun with --yes.`);
      process.exitCode = 1;
      return;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Delete ALL data in ${db.describe} and reseed? Type "reset" to confirm: `);
    rl.close();
    if (answer.trim() !== "reset") {
      console.log("Nothing changed.");
      return;
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    // Dropping the schema removes the append-only audit trail too: a reset is a new database.
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
  const applied = await applyMigrations(db.url);
  const prisma = scriptClient(db.url);
  try {
    const counts = await seedDatabase(prisma, data);
    console.log(`Reset ${db.describe}: ${applied.length} migration(s), seeded ${Object.values(counts).reduce((a, b) => a + b, 0)} rows.`);
  } finally {
    await prisma.$disconnect();
  }
});
