// Types of redis-cache-handler.mjs (plain JavaScript, because Next.js imports it with Node itself).
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";

export declare const MAX_ENTRY_TTL_SECONDS: number;
export declare const TAG_TTL_SECONDS: number;
export declare function serialize(value: unknown): string;
export declare function deserialize(text: string): unknown;

/** Next.js `cacheHandler` backed by Redis: entries under `<prefix>entry:`, tag marks under `<prefix>tag:`. */
export default class RedisCacheHandler implements CacheHandler {
  constructor(ctx?: Partial<CacheHandlerContext>, options?: { url?: string; prefix?: string });
  readonly prefix: string;
  entryKey(key: string): string;
  tagKey(tag: string): string;
  get(key: string, ctx: Parameters<CacheHandler["get"]>[1]): Promise<CacheHandlerValue | null>;
  set(key: string, data: Parameters<CacheHandler["set"]>[1], ctx: Parameters<CacheHandler["set"]>[2]): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}

/** Closes every connection this module opened (tests and clean shutdowns). */
export declare function closeRedisCacheConnections(): Promise<void>;
