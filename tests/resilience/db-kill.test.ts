import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { WRITERS, acksOf, burstUntil, problemsOf, spawnWriter } from "./burst";
import { check, loadState } from "./checker";
import { actorsOf, preparedTemplate } from "./databases";
import { SEED, copyDataDir, percentile, recordResult, rng, sleep, trials, tsxChild, withClient, type Child } from "./harness";
import type { Ack } from "./workload";

// The embedded database itself (a process hosting PGlite on a data folder, as `npm start` does)
// is SIGKILLed while the writer writes through it, 20 times. Each time it is started again on
// the same folder, which must take over the dead process's lock, open cleanly and hold every
// acknowledged write, with every record whole. Nobody kill -9s the shared PostgreSQL server,
// so this scenario runs on the embedded path only.

const kind = inject("crashDbKind");
const runDir = inject("crashRunDir");
const TRIALS = trials("CRASH_TRIALS", 20);

let host: Child | null = null;

/** A database process on `dir` that has loaded and waits to open the folder. */
const spawnHost = (dir: string) => tsxChild("tests/resilience/db-host.ts", [dir]);

/** Tells a loaded host to open its folder; resolves with its URL and how long opening took. */
async function openHost(child: Child) {
  await child.waitFor((l) => l.includes('"t":"loaded"'), 120_000, "the database process to load");
  const t0 = performance.now();
  child.send({ open: true });
  const line = JSON.parse(await child.waitFor((l) => /"t":"(ready|failed)"/.test(l), 120_000, "the embedded database to open")) as { t: string; url: string; openMs: number; message?: string };
  if (line.t !== "ready") throw new Error(`The embedded database did not open after the kill: ${line.message}`);
  return { child, url: line.url, openMs: line.openMs, restartMs: performance.now() - t0 };
}

afterAll(async () => {
  if (host && host.proc.exitCode === null) {
    host.proc.kill("SIGTERM");
    await host.exited;
  }
});

describe.skipIf(kind !== "pglite")("the embedded database killed during a burst of writes", () => {
  it(`restarts on the same folder with every acknowledged write and no record half-written, ${TRIALS} trials`, async () => {
    const dir = path.join(runDir, "db-kill");
    copyDataDir(await preparedTemplate(runDir), dir);
    let db = await openHost(spawnHost(dir));
    host = db.child;
    let nextHost = spawnHost(dir); // loads while the current one serves
    const actors = await actorsOf(db.url);
    const random = rng(SEED + 1);
    const all: Ack[] = [];
    const perTrial: { trial: number; killAfterAcks: number; extraDelayMs: number; acked: number; openMs: number; restartMs: number }[] = [];
    let unackedBefore = 0;
    let next = spawnWriter();
    try {
      for (let t = 1; t <= TRIALS; t++) {
        const writer = next;
        next = spawnWriter(); // loads during this trial
        const killAfterAcks = random.int(2, 12);
        const extraDelayMs = random.int(0, 150);
        await burstUntil(writer, { url: db.url, run: `d${t}`, actors }, killAfterAcks);
        await sleep(extraDelayMs);
        await db.child.kill();
        // Acknowledgements of commits the database answered just before it died are still
        // arriving: wait until every writer has failed (or 3 s), then stop the writer.
        const failed = () => writer.json().filter((l) => l.t === "error").length >= WRITERS;
        for (let waited = 0; !failed() && waited < 3000; waited += 50) await sleep(50);
        await writer.kill();
        expect(problemsOf(writer, ["refused"])).toEqual([]);
        const acks = acksOf(writer);
        all.push(...acks);

        db = await openHost(nextHost);
        host = db.child;
        nextHost = spawnHost(dir);
        // The dead process's lock was taken over by the new one.
        expect(readFileSync(path.join(dir, "tracker.lock"), "utf8").trim()).toBe(String(db.child.proc.pid));
        const verdict = check(await withClient(db.url, loadState), all);
        expect(verdict.lost, `trial ${t}: lost acknowledged writes`).toEqual([]);
        expect(verdict.halfWritten, `trial ${t}: half-written records`).toEqual([]);
        expect(verdict.committedUnacked - unackedBefore).toBeLessThanOrEqual(WRITERS);
        perTrial.push({ trial: t, killAfterAcks, extraDelayMs, acked: acks.length, openMs: db.openMs, restartMs: Math.round(db.restartMs) });
        unackedBefore = verdict.committedUnacked;
      }
    } finally {
      await next.kill();
      await nextHost.kill();
    }
    const acked = perTrial.map((p) => p.acked);
    const open = perTrial.map((p) => p.openMs);
    const restart = perTrial.map((p) => p.restartMs);
    recordResult(path.join(runDir, "results"), {
      scenario: "2-database-killed",
      db: kind,
      trials: TRIALS,
      seed: SEED,
      ackedTotal: all.length,
      ackedMin: Math.min(...acked),
      ackedMax: Math.max(...acked),
      lost: 0,
      halfWritten: 0,
      committedUnacked: unackedBefore,
      recoveryWhat: "reopen of the data folder after the kill",
      recoveryMsP50: percentile(open, 50),
      recoveryMsMax: percentile(open, 100),
      notes: [
        `${WRITERS} concurrent writers; the database process killed after 2–12 acknowledgements plus 0–150 ms (seeded)`,
        `restart of the loaded database process (open → serving) p50 ${percentile(restart, 50)} ms, max ${percentile(restart, 100)} ms; the stale lock was taken over every time`,
      ],
      perTrial,
    });
  });
});
