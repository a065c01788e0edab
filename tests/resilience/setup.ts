// Global setup of the resilience project: which database path this run tests, a scratch folder
// for data folders and results, and at the end one summary table, also written as JSON to
// bench/results/crash-<date>-<dbkind>.json. Never touches the integration tests' database.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT, SEED, readJson, withClient, type ScenarioResult } from "./harness";

declare module "vitest" {
  export interface ProvidedContext {
    crashDbKind: "pglite" | "postgresql";
    /** DATABASE_URL: the server on which the tests create (and drop) databases of their own. */
    crashServer: string;
    crashRunDir: string;
    /** Prefix of this run's PostgreSQL databases. */
    crashDbPrefix: string;
  }
}

const fmt = (ms: number | null) => (ms === null ? "–" : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** The summary table printed at the end of the run. */
export function summaryTable(results: ScenarioResult[]): string {
  const head = ["scenario", "db", "trials", "acked writes total/min/max", "lost", "half-written", "committed, unacked", "recovery p50 / max"];
  const rows = results.map((r) => [
    r.scenario,
    r.db,
    String(r.trials),
    r.ackedTotal === undefined ? "–" : `${r.ackedTotal} / ${r.ackedMin} / ${r.ackedMax}`,
    String(r.lost),
    String(r.halfWritten),
    r.committedUnacked === undefined ? "–" : String(r.committedUnacked),
    `${fmt(r.recoveryMsP50)} / ${fmt(r.recoveryMsMax)} (${r.recoveryWhat})`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL ?? "";
  const kind = server ? "postgresql" : "pglite";
  const runDir = path.join(os.tmpdir(), "crash", `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const prefix = `sgt_crash_${process.pid}`;
  project.provide("crashDbKind", kind);
  project.provide("crashServer", server);
  project.provide("crashRunDir", runDir);
  project.provide("crashDbPrefix", prefix);

  return async () => {
    const dir = path.join(runDir, "results");
    const results = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".json"))
          .sort()
          .map((f) => readJson<ScenarioResult>(path.join(dir, f)))
      : [];
    if (results.length) {
      const table = summaryTable(results);
      console.log(`\nCrash tests (${kind}, seed ${SEED}):\n${table}\n${results.flatMap((r) => r.notes.map((n) => `- ${r.scenario}: ${n}`)).join("\n")}\n`);
      const out = path.join(ROOT, "bench/results", `crash-${new Date().toISOString().slice(0, 10)}-${kind}.json`);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify({ kind, seed: SEED, machine: { cpus: os.cpus().length, node: process.version }, table, results }, null, 2) + "\n");
      console.log(`Written to ${path.relative(ROOT, out)}`);
    }
    if (server) {
      // Databases a failed test could not drop.
      await withClient(server, async (c) => {
        const left = await c.query(`SELECT datname FROM pg_database`);
        for (const r of left.rows.filter((x) => x.datname.startsWith(`${prefix}_`))) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      });
    }
    rmSync(runDir, { recursive: true, force: true });
  };
}
