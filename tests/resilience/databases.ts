// Databases for the crash tests: data-folder templates for the embedded path (creating an empty
// PGlite folder takes 6–15 s, copying one well under a second) and the accounts every burst uses.
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { copyDataDir, tsxChild, withClient } from "./harness";
import type { ActorRef } from "./workload";

/** Builds `dir` once per run with `make` (into a temporary folder, renamed when complete). */
async function once(dir: string, make: (tmp: string) => Promise<void>): Promise<string> {
  if (existsSync(dir)) return dir;
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  await make(tmp);
  rmSync(path.join(tmp, "tracker.lock"), { force: true });
  renameSync(tmp, dir);
  return dir;
}

/** An initialised, empty embedded data folder (no tables). */
export function emptyTemplate(runDir: string): Promise<string> {
  return once(path.join(runDir, "template-empty"), async (tmp) => {
    const db = await startEmbeddedDatabase({ dataDir: tmp });
    await db.stop();
  });
}

/** A migrated embedded data folder with the crash-test accounts and base sources. */
export function preparedTemplate(runDir: string): Promise<string> {
  return once(path.join(runDir, "template-prepared"), async (tmp) => {
    copyDataDir(await emptyTemplate(runDir), tmp);
    const db = await startEmbeddedDatabase({ dataDir: tmp });
    try {
      await applyMigrations(db.url);
      await prepare(db.url);
    } finally {
      await db.stop();
    }
  });
}

/** Creates the accounts and base sources through the app's own commands (a writer in prepare mode). */
export async function prepare(url: string): Promise<void> {
  const child = tsxChild("tests/resilience/writer.ts", ["prepare", url]);
  await child.waitFor((l) => l.includes('"prepared"'), 120_000, "the accounts and base sources");
  await child.exited;
}

/** The accounts the writers act as, read from the database. */
export async function actorsOf(url: string): Promise<{ editors: ActorRef[]; reviewers: ActorRef[] }> {
  const rows = await withClient(url, (c) => c.query(`SELECT id, name, role::text AS role FROM "user" WHERE email LIKE 'crash-%' ORDER BY email`));
  const all = rows.rows as ActorRef[];
  const editors = all.filter((a) => a.role === "EDITOR");
  const reviewers = all.filter((a) => a.role === "REVIEWER");
  if (editors.length === 0 || reviewers.length === 0) throw new Error("The crash-test accounts are missing: run prepare() first.");
  return { editors, reviewers };
}
