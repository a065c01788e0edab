import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { WRITERS, acksOf, burstUntil, problemsOf, spawnWriter } from "./burst";
import { check, loadState } from "./checker";
import { actorsOf, prepare, preparedTemplate } from "./databases";
import { SEED, copyDataDir, percentile, recordResult, rng, serverDatabase, sleep, trials, withClient, type Child } from "./harness";
import type { Ack, ActorRef } from "./workload";

// "A crash in the middle of writes loses no acknowledged write": the app (a process writing
// through lib/db/workflow.ts with four concurrent writers) is SIGKILLed at a seeded moment
// mid-burst, 20 times; after each kill every acknowledged write must be in the database with
// its exact content, and every record whole. The database keeps running.

const kind = inject("crashDbKind");
const runDir = inject("crashRunDir");
const TRIALS = trials("CRASH_TRIALS", 20);

let url = "";
let stop = async () => {};
let actors: { editors: ActorRef[]; reviewers: ActorRef[] };

beforeAll(async () => {
  if (kind === "pglite") {
    const dir = path.join(runDir, "app-kill");
    copyDataDir(await preparedTemplate(runDir), dir);
    const db = await startEmbeddedDatabase({ dataDir: dir });
    url = db.url;
    stop = db.stop;
  } else {
    const db = await serverDatabase(inject("crashServer"), `${inject("crashDbPrefix")}_app`);
    url = db.url;
    stop = db.drop;
    await applyMigrations(url);
    await prepare(url);
  }
  actors = await actorsOf(url);
});

afterAll(async () => {
  await stop();
});

describe(`the app killed during a burst of writes (${kind})`, () => {
  it(`loses no acknowledged write and leaves no record half-written, ${TRIALS} trials`, async () => {
    const random = rng(SEED);
    const all: Ack[] = [];
    const perTrial: { trial: number; killAfterAcks: number; extraDelayMs: number; acked: number; committedUnacked: number; retries: number; verifyMs: number }[] = [];
    let unackedBefore = 0;
    let next: Child = spawnWriter();
    try {
      for (let t = 1; t <= TRIALS; t++) {
        const writer = next;
        next = spawnWriter(); // loads during this trial
        const killAfterAcks = random.int(2, 12);
        const extraDelayMs = random.int(0, 150);
        await burstUntil(writer, { url, run: `a${t}`, actors }, killAfterAcks);
        await sleep(extraDelayMs);
        const killedAt = performance.now();
        await writer.kill();
        // The writer loops until killed: an exit of its own would mean the kill was not mid-burst.
        expect(writer.proc.signalCode, "killed by SIGKILL, mid-burst").toBe("SIGKILL");
        expect(problemsOf(writer)).toEqual([]);

        const acks = acksOf(writer);
        all.push(...acks);
        const verdict = check(await withClient(url, loadState), all);
        const verifyMs = performance.now() - killedAt;
        expect(verdict.lost, `trial ${t}: lost acknowledged writes`).toEqual([]);
        expect(verdict.halfWritten, `trial ${t}: half-written records`).toEqual([]);
        // Only writes in flight at the kill may have committed without an acknowledgement.
        expect(verdict.committedUnacked - unackedBefore).toBeLessThanOrEqual(WRITERS);
        perTrial.push({ trial: t, killAfterAcks, extraDelayMs, acked: acks.length, committedUnacked: verdict.committedUnacked - unackedBefore, retries: writer.json().filter((l) => l.t === "retry").length, verifyMs: Math.round(verifyMs) });
        unackedBefore = verdict.committedUnacked;
      }
    } finally {
      await next.kill();
    }
    const acked = perTrial.map((p) => p.acked);
    const verify = perTrial.map((p) => p.verifyMs);
    recordResult(path.join(runDir, "results"), {
      scenario: "1-app-killed",
      db: kind,
      trials: TRIALS,
      seed: SEED,
      ackedTotal: all.length,
      ackedMin: Math.min(...acked),
      ackedMax: Math.max(...acked),
      lost: 0,
      halfWritten: 0,
      committedUnacked: unackedBefore,
      recoveryWhat: "kill → state read and verified",
      recoveryMsP50: percentile(verify, 50),
      recoveryMsMax: percentile(verify, 100),
      notes: [
        `${WRITERS} concurrent writers; killed after 2–12 acknowledgements plus 0–150 ms (seeded)`,
        `${perTrial.reduce((n, p) => n + p.retries, 0)} writes retried after Prisma could not start their transaction within 2 s (never begun, so safe to redo)`,
      ],
      perTrial,
    });
  });
});
