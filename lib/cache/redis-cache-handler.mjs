// Next.js' data cache (unstable_cache, and any cached page or route handler) in Redis, shared by
// every instance that points at the same server and key prefix (docs/decisions/015-several-
// instances-redis-cache.md). next.config.ts names this file as `cacheHandler` when REDIS_URL is
// set; Next.js imports it at run time with Node itself, so it is plain JavaScript (types in
// redis-cache-handler.d.mts). Next.js makes one handler per request: the connection is shared
// at module level. A Redis outage is a cache miss and one warning, never an error.
import { createClient } from "redis";

/** Entries live at most a week; tag marks outlive every entry they may expire. */
export const MAX_ENTRY_TTL_SECONDS = 7 * 24 * 3600;
const MIN_ENTRY_TTL_SECONDS = 60;
export const TAG_TTL_SECONDS = MAX_ENTRY_TTL_SECONDS + 3600;
const COMMAND_TIMEOUT_MS = 500;
const FIRST_CONNECT_WAIT_MS = 1000;
const TAGS_HEADER = "x-next-cache-tags";

/** @typedef {{ url: string; prefix: string; client: import("redis").RedisClientType; down: boolean; settled: Promise<unknown> }} Connection */

/** @type {Map<string, Connection>} */
const connections = new Map();

/** The URL without its password, for messages. */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid REDIS_URL)";
  }
}

/** The shared connection for a URL and prefix; connecting and reconnecting happen in the background. */
function connection(url, prefix) {
  const id = `${url}\n${prefix}`;
  let c = connections.get(id);
  if (c) return c;
  const client = createClient({
    url,
    // While Redis is unreachable, commands fail at once (a cache miss) instead of queueing.
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5000) },
  });
  /** @type {Connection} */
  const conn = { url, prefix, client: /** @type {any} */ (client), down: false, settled: Promise.resolve() };
  // The first attempt settles on "ready" or on the first error, whichever comes first.
  conn.settled = new Promise((resolve) => {
    client.once("ready", resolve);
    client.once("error", resolve);
  });
  client.on("error", (e) => markDown(conn, e));
  client.on("ready", () => {
    if (conn.down) console.warn(`[cache] Redis at ${redact(url)} is back: the shared cache is in use again.`);
    conn.down = false;
  });
  client.connect().catch((e) => markDown(conn, e));
  connections.set(id, conn);
  return conn;
}

/** One warning per outage; every failed command after it is a silent cache miss. */
function markDown(conn, error) {
  if (conn.down) return;
  conn.down = true;
  const reason = error instanceof Error ? error.message || error.name : String(error);
  console.warn(`[cache] Redis at ${redact(conn.url)} is unavailable (${reason}): serving without the shared cache until it is back.`);
}

// Entries are JSON; Buffers (route bodies, RSC payloads) and Maps (segment data) are tagged.
function replacer(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { __sgtBuffer: raw.toString("base64") };
  if (raw instanceof Map) return { __sgtMap: [...raw.entries()] };
  return value;
}
function reviver(_key, value) {
  if (value && typeof value === "object") {
    if (typeof value.__sgtBuffer === "string") return Buffer.from(value.__sgtBuffer, "base64");
    if (Array.isArray(value.__sgtMap)) return new Map(value.__sgtMap);
  }
  return value;
}
export const serialize = (value) => JSON.stringify(value, replacer);
export const deserialize = (text) => JSON.parse(text, reviver);

/** The tags an entry was stored with: a data-cache entry's own, or a response's tags header. */
function storedTags(value, ctx) {
  if (!value) return [];
  if (value.kind === "FETCH") return [...(value.tags ?? []), ...(ctx?.tags ?? [])];
  const header = value.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** How long Redis keeps an entry: past its revalidate time (Next.js serves it stale meanwhile), capped. */
function entryTtlSeconds(value, cacheControl) {
  let seconds = MAX_ENTRY_TTL_SECONDS;
  if (typeof cacheControl?.expire === "number") seconds = cacheControl.expire;
  else if (typeof cacheControl?.revalidate === "number") seconds = cacheControl.revalidate * 2;
  else if (value?.kind === "FETCH" && typeof value.revalidate === "number") seconds = value.revalidate * 2;
  return Math.max(MIN_ENTRY_TTL_SECONDS, Math.min(MAX_ENTRY_TTL_SECONDS, Math.ceil(seconds)));
}

/** Next.js `cacheHandler` backed by Redis: entries under `<prefix>entry:`, tag marks under `<prefix>tag:`. */
export default class RedisCacheHandler {
  /**
   * @param {unknown} [_ctx] Next.js' context (unused: nothing is kept on disk or in memory).
   * @param {{ url?: string; prefix?: string }} [options] Defaults: REDIS_URL and REDIS_KEY_PREFIX ("sgt:").
   */
  constructor(_ctx, options = {}) {
    const url = options.url ?? process.env.REDIS_URL;
    if (!url) throw new Error("RedisCacheHandler needs REDIS_URL.");
    this.prefix = options.prefix ?? (process.env.REDIS_KEY_PREFIX || "sgt:");
    this.conn = connection(url, this.prefix);
  }

  entryKey(key) {
    return `${this.prefix}entry:${key}`;
  }
  tagKey(tag) {
    return `${this.prefix}tag:${tag}`;
  }

  /** The client when it is usable now; the very first call waits up to a second for the connection. */
  async client() {
    const { client } = this.conn;
    if (client.isReady) return client;
    if (this.conn.down) return null;
    await Promise.race([this.conn.settled, new Promise((r) => setTimeout(r, FIRST_CONNECT_WAIT_MS).unref())]);
    return client.isReady ? client : null;
  }

  async get(key, ctx) {
    const client = await this.client();
    if (!client) return null;
    try {
      const askTags = ctx?.kind === "FETCH" ? [...new Set([...(ctx.tags ?? []), ...(ctx.softTags ?? [])])] : [];
      const [raw, ...marks] = await client.mGet([this.entryKey(key), ...askTags.map((t) => this.tagKey(t))]);
      if (!raw) return null;
      const entry = deserialize(raw);
      const more = storedTags(entry.value, null).filter((t) => !askTags.includes(t));
      if (more.length) marks.push(...(await client.mGet(more.map((t) => this.tagKey(t)))));
      const now = Date.now();
      let stale = false;
      for (const mark of marks) {
        if (!mark) continue;
        const { expired, stale: staleAt } = JSON.parse(mark);
        // A tag expired after this entry was written: a miss, so the caller computes afresh.
        if (typeof expired === "number" && expired <= now && expired > entry.lastModified) return null;
        if (typeof staleAt === "number" && staleAt > entry.lastModified) stale = true;
      }
      // lastModified -1 tells Next.js to refresh the entry (served stale meanwhile for data).
      return { lastModified: stale ? -1 : entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    } catch (e) {
      markDown(this.conn, e);
      return null;
    }
  }

  async set(key, data, ctx) {
    const client = await this.client();
    if (!client) return;
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    const value = data?.kind === "FETCH" ? { ...data, tags: ctx?.tags ?? data.tags ?? [] } : data;
    try {
      await client.set(this.entryKey(key), serialize({ lastModified: Date.now(), value, cacheControl }), {
        expiration: { type: "EX", value: entryTtlSeconds(value, cacheControl) },
      });
    } catch (e) {
      markDown(this.conn, e);
    }
  }

  /** Without durations a tag expires now (updateTag); with them it is stale now and expires later. */
  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (!list.length) return;
    const client = await this.client();
    if (!client) return;
    const now = Date.now();
    try {
      const multi = client.multi();
      for (const tag of list) {
        const mark = durations
          ? { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) }
          : { expired: now };
        const ttl = TAG_TTL_SECONDS + Math.max(0, Math.ceil(durations?.expire ?? 0));
        multi.set(this.tagKey(tag), JSON.stringify(mark), { expiration: { type: "EX", value: ttl } });
      }
      await multi.exec();
    } catch (e) {
      markDown(this.conn, e);
    }
  }

  resetRequestCache() {}
}

/** Closes every connection this module opened (tests and clean shutdowns). */
export async function closeRedisCacheConnections() {
  const all = [...connections.values()];
  connections.clear();
  for (const c of all) {
    try {
      c.client.destroy();
    } catch {
      /* never connected */
    }
  }
}
