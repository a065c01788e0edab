// Types of redis-cache-handler.mjs (plain JavaScript, because Next.js imports it with Node itself).
import type { CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";

/** What the handler reads of Next.js' get/set contexts and values (Next.js passes more). */
export type CacheGetContext = { kind: string; tags?: string[]; softTags?: string[]; [key: string]: unknown };
export type CacheSetContext = { fetchCache?: boolean; tags?: string[]; cacheControl?: { revalidate?: number | false; expire?: number }; [key: string]: unknown };
export type CacheValue = { kind: string; [key: string]: unknown } | null;

export declare const MAX_ENTRY_TTL_SECONDS: number;
export declare const TAG_TTL_SECONDS: number;
export declare function serialize(value: unknown): string;
export declare function deserialize(text: string): unknown;

/** Next.js `cacheHandler` backed by Redis: entries under `<prefix>entry:`, tag marks under `<prefix>tag:`. */
export default class RedisCacheHandler {
  constructor(ctx?: Partial<CacheHandlerContext>, options?: { url?: string; prefix?: string });
  readonly prefix: string;
  entryKey(key: string): string;
  tagKey(tag: string): string;
  get(key: string, ctx: CacheGetContext): Promise<CacheHandlerValue | null>;
  set(key: string, data: CacheValue, ctx: CacheSetContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}

/** Closes every connection this module opened (tests and clean shutdowns). */
export declare function closeRedisCacheConnections(): Promise<void>;
