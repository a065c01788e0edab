// npm run db:migrate                  apply pending migrations (safe to rerun after a kill)
// npm run db:migrate:create -- <name> write a new migration from the schema diff
import { runWithDatabase } from "./lib/database";
import { applyMigrations, createMigration } from "./lib/schema-engine";

const args = process.argv.slice(2);
if (args[0] === "--create") {
  const name = args[1];
  if (!name) {
    console.error("Usage: npm run db:migrate:create -- <name>   (lower-case letters, digits, underscores)");
    process.exit(1);
  }
  try {
    const dir = await createMigration(name);
    console.log(dir ? `Wrote ${dir}/migration.sql` : "schema.prisma and the migrations agree: nothing to write.");
  } catch (e) {
    console.error(`Error: ${(e as Error).message.split("\n")[0]}`);
    process.exit(1);
  }
} else {
  await runWithDatabase(async (db) => {
    const applied = await applyMigrations(db.url);
    console.log(applied.length ? `Applied ${applied.length} migration(s) to ${db.describe}: ${applied.join(", ")}` : `No pending migrations (${db.describe}).`);
  });
  // The schema engine's pg pool would otherwise keep the process alive for its 10 s idle timeout.
  process.exit();
}
