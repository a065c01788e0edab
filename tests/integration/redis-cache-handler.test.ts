// The shared data cache against a real Redis (REDIS_TEST_URL, default redis://127.0.0.1:6379):
// what one instance stores, another process reads; a tag revalidated in one process is expired in
// the others; an unreachable or vanishing Redis is a cache miss and one warning, never an error.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { createClient } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import RedisCacheHandler, { MAX_ENTRY_TTL_SECONDS, closeRedisCacheConnections } from "@/lib/cache/redis-cache-handler.mjs";

const REDIS = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `sgt_test_${process.pid}_${Date.now()}:`;
const HANDLER = path.resolve("lib/cache/redis-cache-handler.mjs");

async function reachable(url: string): Promise<boolean> {
  const c = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  c.on("error", () => {});
  try {
    await c.connect();
    await c.ping();
    c.destroy();
    return true;
  } catch {
    return false;
  }
}
// Redis is part of CI and of the development machines; elsewhere these tests say so and skip.
const available = await reachable(REDIS);
if (!available && !process.env.CI) console.warn(`Skipping the Redis cache tests: no Redis at ${REDIS} (set REDIS_TEST_URL).`);

/** Runs handler calls in a separate Node process, as another app instance would. */
async function inOtherProcess(url: string, prefix: string, body: string): Promise<unknown> {
  const code = `import H, { closeRedisCacheConnections } from ${JSON.stringify(HANDLER)};
    const h = new H({}, { url: ${JSON.stringify(url)}, prefix: ${JSON.stringify(prefix)} });
    const result = await (async () => { ${body} })();
    await closeRedisCacheConnections();
    process.stdout.write(JSON.stringify(result ?? null));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", code], { timeout: 15_000 });
  return JSON.parse(stdout);
}

const fetchEntry = (body: unknown) => ({
  kind: "FETCH" as const,
  data: { headers: {}, body: JSON.stringify(body), status: 200, url: "" },
  revalidate: 300,
  tags: ["published", "overview"],
});
const fetchCtx = { kind: "FETCH" as const, tags: ["published", "overview"], softTags: ["_N_T_/layout"], fetchIdx: 0, fetchUrl: "" };
const setCtx = { fetchCache: true as const, tags: ["published", "overview"], fetchIdx: 0, fetchUrl: "" };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!available && !process.env.CI)("the Redis cache handler", () => {
  let admin: ReturnType<typeof createClient>;
  beforeAll(async () => {
    admin = createClient({ url: REDIS });
    await admin.connect();
  });
  afterAll(async () => {
    await closeRedisCacheConnections();
    const keys: string[] = [];
    for await (const batch of admin.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await admin.del(keys);
    admin.destroy();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("stores an entry under its prefix with a time to live, and gives it back", async () => {
    const h = new RedisCacheHandler({}, { url: REDIS, prefix: PREFIX });
    await h.set("round-trip", fetchEntry({ a: 1, when: "2025-09-04" }), setCtx);
    const got = await h.get("round-trip", fetchCtx);
    expect(got?.value).toEqual(fetchEntry({ a: 1, when: "2025-09-04" }));
    expect(Math.abs(got!.lastModified - Date.now())).toBeLessThan(5_000);
    const ttl = await admin.ttl(`${PREFIX}entry:round-trip`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(MAX_ENTRY_TTL_SECONDS);
    expect(await h.get("never-stored", fetchCtx)).toBeNull();
  });

  it("keeps the bytes of cached responses (route bodies, RSC payloads, segment maps)", async () => {
    const h = new RedisCacheHandler({}, { url: REDIS, prefix: PREFIX });
    const body = Buffer.from([0, 255, 254, 10, 13, 37]);
    const headers = { "content-type": "image/png", "x-next-cache-tags": "published,_N_T_/embed" };
    await h.set("/embed/x.png", { kind: "APP_ROUTE", body, status: 200, headers }, { cacheControl: { revalidate: 60, expire: 600 } });
    const route = await h.get("/embed/x.png", { kind: "APP_ROUTE" });
    expect(Buffer.isBuffer((route!.value as { body: Buffer }).body)).toBe(true);
    expect((route!.value as { body: Buffer }).body.equals(body)).toBe(true);
    expect(route!.cacheControl).toEqual({ revalidate: 60, expire: 600 });
    expect(await admin.ttl(`${PREFIX}entry:/embed/x.png`)).toBeLessThanOrEqual(600);

    const page = { kind: "APP_PAGE", html: "<p>hi</p>", rscData: Buffer.from("rsc"), headers: {}, postponed: undefined, status: 200, segmentData: new Map([["/_tree", Buffer.from("t")]]) };
    await h.set("/data", page, { cacheControl: { revalidate: false } });
    const got = (await h.get("/data", { kind: "APP_PAGE" }))!.value as typeof page;
    expect(got.html).toBe("<p>hi</p>");
    expect(got.rscData.toString()).toBe("rsc");
    expect(got.segmentData.get("/_tree")!.toString()).toBe("t");
  });

  it("serves an entry written by another process, and expires it here when that process revalidates its tag", async () => {
    await inOtherProcess(REDIS, PREFIX, `await h.set("shared", ${JSON.stringify(fetchEntry({ from: "other" }))}, ${JSON.stringify(setCtx)});`);
    const here = new RedisCacheHandler({}, { url: REDIS, prefix: PREFIX });
    const seen = await here.get("shared", fetchCtx);
    expect(JSON.parse((seen!.value as { data: { body: string } }).data.body)).toEqual({ from: "other" });

    // An entry with other tags is not touched by the revalidation.
    await here.set("untouched", { ...fetchEntry({ other: true }), tags: ["sources"] }, { ...setCtx, tags: ["sources"] });
    await inOtherProcess(REDIS, PREFIX, `await h.revalidateTag("published");`);
    expect(await here.get("shared", fetchCtx)).toBeNull();
    expect(await here.get("untouched", { ...fetchCtx, tags: ["sources"] })).not.toBeNull();

    // Written again after the revalidation, it is fresh everywhere.
    await here.set("shared", fetchEntry({ from: "here" }), setCtx);
    const there = (await inOtherProcess(REDIS, PREFIX, `return (await h.get("shared", ${JSON.stringify(fetchCtx)}))?.value?.data?.body ?? null;`)) as string;
    expect(JSON.parse(there)).toEqual({ from: "here" });
  });

  it("expires entries tagged only through the response's tag header (cached pages)", async () => {
    const h = new RedisCacheHandler({}, { url: REDIS, prefix: PREFIX });
    const headers = { "x-next-cache-tags": "published,_N_T_/page" };
    await h.set("/page", { kind: "APP_ROUTE", body: Buffer.from("x"), status: 200, headers }, { cacheControl: { revalidate: 60 } });
    expect(await h.get("/page", { kind: "APP_ROUTE" })).not.toBeNull();
    await new RedisCacheHandler({}, { url: REDIS, prefix: PREFIX }).revalidateTag(["_N_T_/page"]);
    expect(await h.get("/page", { kind: "APP_ROUTE" })).toBeNull();
  });

  it("marks an entry stale, not gone, for revalidateTag with a cache-life profile", async () => {
    const h = new RedisCacheHandler({}, { url: REDIS, prefix: PREFIX });
    await h.set("swr", fetchEntry({ v: 1 }), setCtx);
    await inOtherProcess(REDIS, PREFIX, `await h.revalidateTag(["overview"], { expire: 3600 });`);
    const got = await h.get("swr", fetchCtx);
    expect(got).not.toBeNull();
    expect(got!.lastModified).toBe(-1);
  });

  it("treats a Redis that cannot be reached as a cache miss with one warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const port = await freePort();
    const h = new RedisCacheHandler({}, { url: `redis://:hunter2@127.0.0.1:${port}`, prefix: PREFIX });
    const t0 = Date.now();
    expect(await h.get("anything", fetchCtx)).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1_500);
    await expect(h.set("anything", fetchEntry({}), setCtx)).resolves.toBeUndefined();
    await expect(h.revalidateTag("published")).resolves.toBeUndefined();
    for (let i = 0; i < 5; i++) expect(await new RedisCacheHandler({}, { url: `redis://:hunter2@127.0.0.1:${port}`, prefix: PREFIX }).get("x", fetchCtx)).toBeNull();
    await new Promise((r) => setTimeout(r, 1_000)); // reconnect attempts keep failing meanwhile
    const warnings = warn.mock.calls.map((c) => String(c[0]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`127.0.0.1:${port} is unavailable`);
    expect(warnings[0]).not.toContain("hunter2");
  });

  it("survives Redis going away and uses it again when it is back", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const port = await freePort();
    const start = async (): Promise<ChildProcess> => {
      const p = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      for (let i = 0; i < 50 && !(await reachable(`redis://127.0.0.1:${port}`)); i++) await new Promise((r) => setTimeout(r, 100));
      return p;
    };
    let server = await start();
    try {
      const url = `redis://127.0.0.1:${port}`;
      const h = new RedisCacheHandler({}, { url, prefix: PREFIX });
      await h.set("k", fetchEntry({ v: 1 }), setCtx);
      expect(await h.get("k", fetchCtx)).not.toBeNull();

      server.kill("SIGKILL");
      await new Promise((r) => server.once("exit", r));
      for (let i = 0; i < 3; i++) expect(await h.get("k", fetchCtx)).toBeNull();
      await h.set("k", fetchEntry({ v: 2 }), setCtx);
      expect(warn.mock.calls.filter((c) => String(c[0]).includes("is unavailable"))).toHaveLength(1);

      server = await start();
      // The handler reconnects by itself (within a few seconds); no call ever failed meanwhile.
      await expect
        .poll(
          async () => {
            await h.set("k", fetchEntry({ v: 3 }), setCtx);
            return (await h.get("k", fetchCtx))?.value;
          },
          { timeout: 10_000, interval: 250 },
        )
        .toEqual(fetchEntry({ v: 3 }));
      expect(warn.mock.calls.some((c) => String(c[0]).includes("is back"))).toBe(true);
    } finally {
      server.kill("SIGKILL");
    }
  });
});
