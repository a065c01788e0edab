import "server-only";
import { unstable_cache } from "next/cache";
import { currentRelease } from "./release";

/** Every cached read carries this tag; publishing a change revalidates it (revalidateTag). */
export const PUBLISHED_TAG = "published";

// The data cache stores JSON: Dates are tagged on the way in and revived on the way out.
const DATE_KEY = "__date";
export function encode(value: unknown): unknown {
  if (value instanceof Date) return { [DATE_KEY]: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o[DATE_KEY] === "string" && Object.keys(o).length === 1) return new Date(o[DATE_KEY] as string);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * A public read cached in Next.js' data cache, keyed by the current dataset release (see
 * ./release.ts) and tagged `published` (and its own name): a publish anywhere is served by every
 * instance within a second, and revalidateTag("published") refreshes the publishing instance at once.
 * Outside a Next.js request (scripts, tests) it simply calls the function.
 */
export function cachedRead<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>, revalidateSeconds = 300) {
  const inner = unstable_cache(async (_release: number, ...args: A) => encode(await fn(...args)), ["sgt", name], {
    tags: [PUBLISHED_TAG, name],
    revalidate: revalidateSeconds,
  });
  // Benchmarks measure uncached renders with SGT_DATA_CACHE=off (lib/env.ts); read once per process.
  const bypass = process.env.SGT_DATA_CACHE === "off";
  return async (...args: A): Promise<R> => {
    if (bypass) return fn(...args);
    try {
      const release = await currentRelease();
      return decode(await inner(release.number, ...args)) as R;
    } catch (e) {
      if (e instanceof Error && e.message.startsWith("Invariant: incrementalCache missing")) return fn(...args);
      throw e;
    }
  };
}
