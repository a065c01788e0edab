import "server-only";

/** Each source once (by URL), in citation order: the list every page shows under a fact. */
export function uniqueByUrl<T extends { url: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.url) ? false : (seen.add(x.url), true)));
}
