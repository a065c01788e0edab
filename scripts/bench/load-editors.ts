// The editors of `npm run bench:load`: accounts made as `npm run user:create` makes them, signed in
// over HTTP like the sign-in form, saving drafts through the record form's server action
// (saveDraftAction) exactly as the browser posts it, handling conflicts as the form does; then a
// check that every save the app acknowledged is in the database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { scriptClient } from "../lib/prisma";
import { parseActionResult, summarize, type Summary } from "./load-mix";

export const EDITOR_PASSWORD = "load test password, not secret";
const ENTITY = "commitments";
const MODEL = "Commitment";

type Versions = { draftVersion: number | null; baseVersion: number | null };
type FormRecord = { id: string; slug: string; values: Record<string, unknown>; versions: Versions; summary: string };
export type Editor = { index: number; email: string; name: string; ip: string; cookie: string };
type Ack = { entityId: string; draftVersion: number; message: string; summary: string };

export type EditorStats = {
  saves: { attempted: number; acknowledged: number; refused: number; failed: number };
  latency: Summary;
  pageLoads: { count: number; failed: number; latency: Summary };
  failures: string[];
  acks: Ack[];
  refusedMessages: string[];
  /** Saves that did not succeed; `answered`: the app answered that nothing was saved. */
  failedMessages: { message: string; answered: boolean }[];
};

export type Verification = { acknowledged: number; found: number; lost: string[]; refusedButWritten: string[]; failedButWritten: string[]; records: number };

/** Creates the editor accounts in the app's database with the product's own createUser. */
export async function createEditors(databaseUrl: string, count: number): Promise<Omit<Editor, "cookie">[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { createUser } = await import("../../lib/db/users");
  const out: Omit<Editor, "cookie">[] = [];
  for (let i = 1; i <= count; i++) {
    const email = `load-editor-${i}@example.org`;
    const name = `Load Editor ${i}`;
    const r = await createUser(null, { email, name, role: "EDITOR", password: EDITOR_PASSWORD }, { bootstrap: true });
    if (!r.ok) throw new Error(`Could not create ${email}: ${r.message}`);
    out.push({ index: i, email, name, ip: `198.51.100.${i}` });
  }
  return out;
}

/** Signs in through better-auth's endpoint as the sign-in form does; returns the session cookie. */
export async function signIn(baseUrl: string, editor: Omit<Editor, "cookie">): Promise<Editor> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": editor.ip },
    body: JSON.stringify({ email: editor.email, password: EDITOR_PASSWORD }),
    redirect: "manual",
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const session = cookies.find((c) => c.includes("session_token="));
  if (res.status !== 200 || !session) throw new Error(`Sign-in of ${editor.email} failed: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  const admin = await fetch(`${baseUrl}/admin`, { headers: { cookie: cookies.join("; ") }, redirect: "manual" });
  if (admin.status !== 200) throw new Error(`${editor.email} signed in but /admin answered ${admin.status} (expected 200).`);
  return { ...editor, cookie: cookies.join("; ") };
}

/** The id of a server action, from the build's server-reference-manifest.json. */
export function findActionId(distDir: string, exportedName: string, fileEnd: string): string {
  const file = path.join(distDir, "server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const hits = Object.entries(manifest.node).filter(([, a]) => a.exportedName === exportedName && (!a.filename || a.filename.endsWith(fileEnd)));
  if (hits.length !== 1) throw new Error(`Expected one server action ${exportedName} in ${fileEnd} in ${file}, found ${hits.length}. Rebuild without --no-build.`);
  return hits[0][0];
}

/** Posts a server action as the browser does; returns its result and the time it took in ms. */
export async function callAction(baseUrl: string, page: string, actionId: string, cookie: string, args: unknown[]): Promise<{ result: unknown; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(baseUrl + page, {
    method: "POST",
    headers: {
      "next-action": actionId,
      origin: baseUrl,
      cookie,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    body: JSON.stringify(args),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${page}: ${body.slice(0, 200)}`);
  return { result: parseActionResult(body), ms };
}

/** The form of each record as an editor opens it (same values and versions as the edit page). */
export async function openForms(databaseUrl: string, slugs: string[]): Promise<FormRecord[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { getRecordForEdit } = await import("../../lib/db/admin");
  const prisma = scriptClient(databaseUrl);
  try {
    const rows = await prisma.commitment.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
    return Promise.all(
      slugs.map(async (slug) => {
        const row = rows.find((r) => r.slug === slug);
        if (!row) throw new Error(`The seed has no commitment ${slug}.`);
        const rec = await getRecordForEdit(ENTITY, row.id);
        const values = (rec?.draft?.snapshot ?? rec?.live?.snapshot) as Record<string, unknown> | null;
        if (!rec || !values) throw new Error(`Commitment ${slug} has no form values.`);
        const versions = { draftVersion: rec.draft?.version ?? null, baseVersion: rec.draft ? rec.draft.baseVersion : (rec.live?.version ?? null) };
        return { id: row.id, slug, values, versions, summary: String(values.summary ?? "") };
      }),
    );
  } finally {
    await prisma.$disconnect();
  }
}

type ActionResult = { ok: boolean; code?: string; message?: string; draftVersion?: number; conflict?: { source: "draft" | "live"; version: number } };

/**
 * Each editor edits its own record, and now and then a record all of them share (so conflicts
 * happen), with a think time between saves, until `until()` says stop. A conflict is handled as
 * the form's "keep mine": build on the version the other editor saved, save again.
 */
export async function runEditors(opts: {
  baseUrl: string;
  actionId: string;
  editors: Editor[];
  own: FormRecord[];
  shared: FormRecord;
  thinkMs: [number, number];
  sharedShare: number;
  running: () => boolean;
}): Promise<EditorStats> {
  const stats: EditorStats = { saves: { attempted: 0, acknowledged: 0, refused: 0, failed: 0 }, latency: summarize([]), pageLoads: { count: 0, failed: 0, latency: summarize([]) }, failures: [], acks: [], refusedMessages: [], failedMessages: [] };
  const saveMs: number[] = [];
  const pageMs: number[] = [];
  const fail = (what: string) => {
    if (stats.failures.length < 20) stats.failures.push(what);
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const think = () => opts.thinkMs[0] + Math.random() * (opts.thinkMs[1] - opts.thinkMs[0]);

  async function editorLoop(editor: Editor, own: FormRecord) {
    // Each editor has its own copy of the shared record's form (its own loaded versions).
    const forms = { own: { ...own, versions: { ...own.versions } }, shared: { ...opts.shared, versions: { ...opts.shared.versions } } };
    let retry: FormRecord | null = null;
    let n = 0;
    await sleep(Math.random() * opts.thinkMs[1]);
    while (opts.running()) {
      const form: FormRecord = retry ?? (Math.random() < opts.sharedShare ? forms.shared : forms.own);
      retry = null;
      n++;
      const message = `load test: editor ${editor.index}, save ${n}`;
      const summary = `${form.summary} (${message})`.slice(0, 2000);
      const page = `/admin/${ENTITY}/${form.id}`;
      const payload = { entity: ENTITY, entityId: form.id, ...form.versions, input: { ...form.values, summary }, message };
      stats.saves.attempted++;
      try {
        const { result, ms } = await callAction(opts.baseUrl, page, opts.actionId, editor.cookie, [payload]);
        saveMs.push(ms);
        const r = result as ActionResult;
        if (r.ok && typeof r.draftVersion === "number") {
          stats.saves.acknowledged++;
          stats.acks.push({ entityId: form.id, draftVersion: r.draftVersion, message, summary });
          form.versions = { draftVersion: r.draftVersion, baseVersion: form.versions.baseVersion };
          // The form then reloads its page (router.replace + refresh).
          const t0 = performance.now();
          const res = await fetch(opts.baseUrl + page, { headers: { cookie: editor.cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          pageMs.push(performance.now() - t0);
          stats.pageLoads.count++;
          if (res.status !== 200) {
            stats.pageLoads.failed++;
            fail(`GET ${page} as ${editor.email}: HTTP ${res.status}`);
          }
        } else if (!r.ok && r.code === "conflict" && r.conflict) {
          stats.saves.refused++;
          stats.refusedMessages.push(message);
          form.versions = r.conflict.source === "draft" ? { draftVersion: r.conflict.version, baseVersion: form.versions.baseVersion } : { draftVersion: null, baseVersion: r.conflict.version };
          retry = form;
        } else {
          stats.saves.failed++;
          stats.failedMessages.push({ message, answered: true });
          fail(`save by ${editor.email}: ${JSON.stringify(r).slice(0, 300)}`);
        }
      } catch (e) {
        stats.saves.failed++;
        // No answer (timeout, connection): the save may or may not have been written.
        stats.failedMessages.push({ message, answered: false });
        fail(`save by ${editor.email}: ${(e as Error).message}`);
      }
      if (opts.running()) await sleep(think());
    }
  }

  await Promise.all(opts.editors.map((e, i) => editorLoop(e, opts.own[i])));
  stats.latency = summarize(saveMs);
  stats.pageLoads.latency = summarize(pageMs);
  return stats;
}

/**
 * Every acknowledged save must be a revision with its message and values, and each record's
 * draft must hold the last acknowledged save; a refused save must have written nothing.
 */
export async function verifySaves(databaseUrl: string, stats: EditorStats): Promise<Verification> {
  const prisma = scriptClient(databaseUrl);
  try {
    const ids = [...new Set(stats.acks.map((a) => a.entityId))];
    const revisions = await prisma.revision.findMany({
      where: { entityType: MODEL, message: { startsWith: "load test: " } },
      select: { entityId: true, message: true, snapshot: true },
    });
    const byMessage = new Map(revisions.map((r) => [`${r.entityId} ${r.message}`, r]));
    const lost: string[] = [];
    let found = 0;
    for (const a of stats.acks) {
      const rev = byMessage.get(`${a.entityId} ${a.message}`);
      if (rev && (rev.snapshot as { summary?: string }).summary === a.summary) found++;
      else lost.push(`${a.message} (commitment ${a.entityId}, draft version ${a.draftVersion}): ${rev ? "revision has other values" : "no revision"}`);
    }
    const drafts = await prisma.draft.findMany({ where: { entityType: MODEL, entityId: { in: ids } }, select: { entityId: true, version: true, snapshot: true } });
    for (const id of ids) {
      const last = stats.acks.filter((a) => a.entityId === id).reduce((m, a) => (a.draftVersion > m.draftVersion ? a : m));
      const d = drafts.find((x) => x.entityId === id);
      if (!d || d.version !== last.draftVersion || (d.snapshot as { summary?: string }).summary !== last.summary) {
        lost.push(`commitment ${id}: the draft is ${d ? `version ${d.version}` : "missing"}, the last acknowledged save was version ${last.draftVersion} ("${last.message}")`);
      }
    }
    const written = new Set(revisions.map((r) => r.message));
    const refusedButWritten = stats.refusedMessages.filter((m) => written.has(m));
    const failedButWritten = stats.failedMessages.filter((f) => f.answered && written.has(f.message)).map((f) => f.message);
    return { acknowledged: stats.acks.length, found, lost, refusedButWritten, failedButWritten, records: ids.length };
  } finally {
    await prisma.$disconnect();
  }
}

export type PublishCheck = {
  slug: string;
  path: string;
  /** From sending the publish to the first read through `baseUrl` that shows it, in ms; null if never seen. */
  visibleAfterMs: number | null;
  publishMs: number;
  reads: number;
  /** The same page under a URL only read once before the publish: must show it after `budgetMs` too. */
  quiet: { path: string; afterMs: number; seen: boolean; cacheStatus: string | null } | null;
  error: string | null;
};

/** The editor who drafts and the reviewer who publishes (the four-eyes rule needs two people). */
export async function createPublishers(databaseUrl: string): Promise<Omit<Editor, "cookie">[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { createUser } = await import("../../lib/db/users");
  const people = [
    { email: "load-author@example.org", name: "Load Author", role: "EDITOR" as const, ip: "198.51.100.101" },
    { email: "load-reviewer@example.org", name: "Load Reviewer", role: "REVIEWER" as const, ip: "198.51.100.102" },
  ];
  for (const p of people) {
    const r = await createUser(null, { email: p.email, name: p.name, role: p.role, password: EDITOR_PASSWORD }, { bootstrap: true });
    if (!r.ok) throw new Error(`Could not create ${p.email}: ${r.message}`);
  }
  return people.map((p, i) => ({ index: 100 + i, email: p.email, name: p.name, ip: p.ip }));
}

/**
 * A change published while the load runs must be served to readers within the 5 s budget: the
 * author saves and submits a new title, the reviewer publishes it (server actions, as the admin
 * posts them), then the public page is read through `baseUrl` every 100 ms until it shows the
 * title. Timed from sending the publish, so the publish's own latency counts. A cache can also
 * hold a quiet copy: the same page under its own URL, read once before the publish and once when
 * the budget is over, must show the new title as well.
 */
export async function publishAndWatch(opts: {
  baseUrl: string;
  actions: { save: string; submit: string; publish: string };
  author: Editor;
  reviewer: Editor;
  form: FormRecord;
  readHeaders: Record<string, string>;
  giveUpMs: number;
  budgetMs: number;
}): Promise<PublishCheck> {
  const { form } = opts;
  const page = `/admin/${ENTITY}/${form.id}`;
  const path = `/commitments/${form.slug}`;
  const token = `published under load ${Date.now()}`;
  const quietPath = `${path}?from=load-test`;
  const out: PublishCheck = { slug: form.slug, path, visibleAfterMs: null, publishMs: 0, reads: 0, quiet: null, error: null };
  const read = async (p: string) => {
    const res = await fetch(opts.baseUrl + p, { headers: opts.readHeaders, signal: AbortSignal.timeout(10_000) }).catch(() => null);
    return { status: res?.status ?? 0, body: res ? await res.text() : "", cacheStatus: res?.headers.get("x-cache-status") ?? null };
  };
  const step = async (what: string, actionId: string, who: Editor, payload: object) => {
    const { result, ms } = await callAction(opts.baseUrl, page, actionId, who.cookie, [payload]);
    const r = result as ActionResult & { version?: number };
    if (!r.ok) throw new Error(`${what} refused: ${JSON.stringify(r).slice(0, 300)}`);
    return { r, ms };
  };
  try {
    const before = await read(quietPath);
    if (before.status !== 200) throw new Error(`GET ${quietPath} answered ${before.status} before the publish`);
    const input = { ...form.values, title: `${String(form.values.title)} (${token})` };
    const saved = await step("save", opts.actions.save, opts.author, { entity: ENTITY, entityId: form.id, ...form.versions, input, message: "load test: publish check" });
    const submitted = await step("submit", opts.actions.submit, opts.author, { entity: ENTITY, entityId: form.id, draftVersion: saved.r.draftVersion });
    const t0 = performance.now();
    const published = await step("publish", opts.actions.publish, opts.reviewer, { entity: ENTITY, entityId: form.id, draftVersion: submitted.r.draftVersion, note: "Load test: a publish under load" });
    out.publishMs = published.ms;
    while (performance.now() - t0 < opts.giveUpMs) {
      out.reads++;
      const r = await read(path);
      if (r.status === 200 && r.body.includes(token)) {
        out.visibleAfterMs = performance.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, Math.max(0, t0 + opts.budgetMs - performance.now())));
    const afterMs = performance.now() - t0;
    const after = await read(quietPath);
    out.quiet = { path: quietPath, afterMs, seen: after.status === 200 && after.body.includes(token), cacheStatus: after.cacheStatus };
  } catch (e) {
    out.error = (e as Error).message;
  }
  return out;
}
