// Builds view URLs so links, the language switch and downloads keep the whole view state.
export type Params = Record<string, string | string[] | undefined | null>;

/** `path?query` with keys sorted and empty values dropped; `overrides` replace keys (null removes). */
export function viewHref(path: string, params: Params, overrides: Params = {}): string {
  const merged: Params = { ...params, ...overrides };
  const q = new URLSearchParams();
  for (const key of Object.keys(merged).sort()) {
    const v = merged[key];
    if (v === undefined || v === null) continue;
    const s = Array.isArray(v) ? v.join(",") : v;
    if (s !== "") q.set(key, s);
  }
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}
