// The "app" of the crash tests: a child process that writes through the editorial commands the
// server actions call (lib/db/workflow.ts), as real accounts, and prints one JSON line per write
// only after that write's transaction committed. The test SIGKILLs it (or the database) mid-burst.
//
//   node --conditions=react-server --import tsx tests/resilience/writer.ts prepare <database url>
//     creates the accounts and two published base sources, prints {"t":"prepared"} and exits.
//   node --conditions=react-server --import tsx tests/resilience/writer.ts
//     loads, prints {"t":"loaded"}, then reads one BurstOrder line on stdin and writes until killed.
import { createInterface } from "node:readline";
import { publishDraft, saveDraft, submitDraft, type Result } from "@/lib/db/workflow";
import type { Actor } from "@/lib/permissions";
import { ACCOUNTS, type Ack, type BurstOrder, BASE_SOURCES, eventInput, sourceInput } from "./workload";

const say = (line: object) => process.stdout.write(JSON.stringify(line) + "\n");

function ok<T extends object>(r: Result<T>, what: string): asserts r is { ok: true } & T {
  if (!r.ok) throw new Refused(`${what}: ${r.code}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
}
class Refused extends Error {}

/**
 * Prisma gives up on a transaction it could not start within maxWait (2 s) when the pool is
 * busy: it never began, so doing it again is safe, as an editor would press Save again.
 */
async function again<T>(what: string, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const notStarted = (e as { code?: string }).code === "P2028" && /Unable to start a transaction/.test((e as Error).message);
      if (!notStarted || attempt >= 20) throw e;
      say({ t: "retry", what, attempt });
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

/** save → submit → publish of a new record, acknowledging each committed step. */
async function createAndPublish(editor: Actor, reviewer: Actor, entity: "sources" | "events", input: object, ack: (a: Ack) => void) {
  const saved = await again("save", () => saveDraft(editor, { entity, entityId: null, draftVersion: null, baseVersion: null, input, message: "crash test" }));
  ok(saved, "save");
  ack({ t: "ack", entity, id: saved.entityId, rev: 1, action: "CREATE", snapshot: input, author: editor.name, draftVersion: saved.draftVersion });
  const sub = await again("submit", () => submitDraft(editor, { entity, entityId: saved.entityId, draftVersion: saved.draftVersion }));
  ok(sub, "submit");
  ack({ t: "ack", entity, id: saved.entityId, rev: 2, action: "SUBMIT", author: editor.name, draftVersion: sub.draftVersion });
  const pub = await again("publish", () => publishDraft(reviewer, { entity, entityId: saved.entityId, draftVersion: sub.draftVersion, note: `Publish ${entity} in a crash test` }));
  ok(pub, "publish");
  ack({ t: "ack", entity, id: saved.entityId, rev: 3, action: "PUBLISH", snapshot: input, author: reviewer.name, release: pub.release, liveVersion: pub.version });
  return saved.entityId;
}

/** One writer: source, then an event citing it (published, edited, published again), in a loop. */
async function writer(order: BurstOrder, w: number) {
  const editor = order.editors[w % order.editors.length];
  const reviewer = order.reviewers[w % order.reviewers.length];
  const ack = (a: Ack) => say({ ...a, writer: w });
  for (let i = 0; ; i++) {
    const tag = `${order.run}-w${w}-${i}`;
    const source = sourceInput(tag);
    await createAndPublish(editor, reviewer, "sources", source, ack);
    const first = eventInput(tag, [source.url, BASE_SOURCES[w % 2].url], 1);
    const id = await createAndPublish(editor, reviewer, "events", first, ack);
    // An edit of the published event: a new draft beside the live row, then a second publish.
    const edited = eventInput(tag, [source.url, BASE_SOURCES[(w + 1) % 2].url], 2);
    const saved = await again("edit", () => saveDraft(editor, { entity: "events", entityId: id, draftVersion: null, baseVersion: 1, input: edited, message: "crash test edit" }));
    ok(saved, "edit");
    ack({ t: "ack", entity: "events", id, rev: 4, action: "UPDATE", snapshot: edited, author: editor.name, draftVersion: saved.draftVersion });
    const sub = await again("submit edit", () => submitDraft(editor, { entity: "events", entityId: id, draftVersion: saved.draftVersion }));
    ok(sub, "submit edit");
    ack({ t: "ack", entity: "events", id, rev: 5, action: "SUBMIT", author: editor.name, draftVersion: sub.draftVersion });
    const pub = await again("publish edit", () => publishDraft(reviewer, { entity: "events", entityId: id, draftVersion: sub.draftVersion, note: "Corrected summary (crash test)" }));
    ok(pub, "publish edit");
    ack({ t: "ack", entity: "events", id, rev: 6, action: "PUBLISH", snapshot: edited, author: reviewer.name, release: pub.release, liveVersion: pub.version });
  }
}

async function prepare() {
  const { createUser } = await import("@/lib/db/users");
  const ids: Record<string, string> = {};
  for (const a of ACCOUNTS) {
    const r = await createUser(null, { email: a.email, name: a.name, role: a.role, password: "crash-test-password" }, { bootstrap: true });
    ok(r, `create account ${a.email}`);
    ids[a.email] = r.id;
  }
  const editor: Actor = { id: ids[ACCOUNTS[0].email], name: ACCOUNTS[0].name, role: ACCOUNTS[0].role };
  const reviewer: Actor = { id: ids[ACCOUNTS[2].email], name: ACCOUNTS[2].name, role: ACCOUNTS[2].role };
  for (const s of BASE_SOURCES) await createAndPublish(editor, reviewer, "sources", s, () => {});
  say({ t: "prepared" });
}

async function main() {
  if (process.argv[2] === "prepare") {
    process.env.DATABASE_URL = process.argv[3];
    await prepare();
    process.exit(0);
  }
  say({ t: "loaded" });
  const line: string = await new Promise((resolve) => createInterface({ input: process.stdin }).once("line", resolve));
  const order = JSON.parse(line) as BurstOrder;
  // lib/db/client.ts reads DATABASE_URL on first use, which is now.
  process.env.DATABASE_URL = order.url;
  say({ t: "started" });
  await Promise.all(
    Array.from({ length: order.writers }, (_, w) =>
      writer(order, w).catch((e: Error) => {
        // A refusal is a bug in the workload; anything else is the database going away.
        say({ t: e instanceof Refused ? "refused" : "error", writer: w, message: e.message.split("\n")[0] });
      }),
    ),
  );
  process.exit(1);
}

void main();
