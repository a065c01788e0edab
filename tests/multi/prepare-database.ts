// Prepares an empty PostgreSQL database as `npm start` does (migrations, then the seed dataset)
// and adds the test's editor and reviewer, in one process. Run by tests/multi/global-setup.ts:
//   DATABASE_URL=… SGT_USER_PASSWORD=… tsx --conditions=react-server tests/multi/prepare-database.ts <editor> <reviewer>
import { seedDatabase } from "../../lib/db/seed";
import { parseSeed } from "../../lib/schemas/seed";
import { scriptClient } from "../../scripts/lib/prisma";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const url = process.env.DATABASE_URL;
const password = process.env.SGT_USER_PASSWORD;
const [editor, reviewer] = process.argv.slice(2);
if (!url || !password || !editor || !reviewer) {
  console.error("Usage: DATABASE_URL=… SGT_USER_PASSWORD=… prepare-database.ts <editor e-mail> <reviewer e-mail>");
  process.exit(2);
}

await applyMigrations(url);
const prisma = scriptClient(url);
try {
  await seedDatabase(prisma, parseSeed(readSeedFiles()));
} finally {
  await prisma.$disconnect();
}
const { createUser } = await import("../../lib/db/users");
const { db } = await import("../../lib/db/client");
for (const [email, role, name] of [
  [editor, "EDITOR", "Multi Editor"],
  [reviewer, "REVIEWER", "Multi Reviewer"],
] as const) {
  const r = await createUser(null, { email, name, role, password }, { bootstrap: true });
  if (!r.ok) throw new Error(`Could not create ${email}: ${JSON.stringify(r)}`);
}
await db().$disconnect();
// The schema engine leaves an idle pool behind for a few seconds; nothing else is pending.
process.exit(0);
