// The public read mix of `npm run bench:load`, and the small pure helpers the load test reports
// with (rate split, percentiles, the RSC answer of a server action). Pure: unit-tested.

export type Group = "pages" | "embeds" | "api" | "bulk";

/** One kind of request in the mix: its weight (share of the rate) and the URLs it rotates through. */
export type Route = { name: string; group: Group; weight: number; paths: string[] };

const COMMITMENTS = ["gb-troops-mnf-u", "fr-troops-mnf-u", "us-backstop", "de-troops-adjacent-nato", "coalition-binding-guarantee", "pl-logistics-hub"];
const COUNTRIES = ["gb", "fr", "de", "pl", "it", "tr", "us", "ee"];

/**
 * Weights in percent (they sum to 100). The shape of a day after an article links the tracker:
 * most readers land on the overview and the main views, embeds are loaded by every reader of the
 * articles that carry them, machines read the API, and a few people download a bulk file.
 */
export const MIX: Route[] = [
  { name: "/", group: "pages", weight: 14, paths: ["/"] },
  { name: "/commitments", group: "pages", weight: 8, paths: ["/commitments", "/commitments?kind=TROOPS"] },
  { name: "/timeline", group: "pages", weight: 5, paths: ["/timeline"] },
  { name: "/map", group: "pages", weight: 5, paths: ["/map"] },
  { name: "/polls", group: "pages", weight: 5, paths: ["/polls"] },
  { name: "/commitments/[slug]", group: "pages", weight: 6, paths: COMMITMENTS.map((s) => `/commitments/${s}`) },
  { name: "/countries/[code]", group: "pages", weight: 5, paths: COUNTRIES.map((c) => `/countries/${c}`) },
  { name: "/embed/commitments", group: "embeds", weight: 8, paths: ["/embed/commitments?kind=TROOPS", "/embed/commitments"] },
  { name: "/embed/timeline", group: "embeds", weight: 6, paths: ["/embed/timeline", "/embed/timeline?actor=gb,fr"] },
  { name: "/embed/europe-map", group: "embeds", weight: 6, paths: ["/embed/europe-map"] },
  { name: "/embed/polls", group: "embeds", weight: 5, paths: ["/embed/polls?country=GB,FR", "/embed/polls"] },
  { name: "/embed/country/[code]", group: "embeds", weight: 5, paths: COUNTRIES.map((c) => `/embed/country/${c}`) },
  { name: "/api/v1/commitments", group: "api", weight: 8, paths: ["/api/v1/commitments", "/api/v1/commitments?kind=TROOPS"] },
  { name: "/api/v1/commitments/[slug]", group: "api", weight: 6, paths: COMMITMENTS.map((s) => `/api/v1/commitments/${s}`) },
  { name: "/api/v1/polls", group: "api", weight: 3, paths: ["/api/v1/polls", "/api/v1/polls?country=GB"] },
  { name: "/api/v1/events", group: "api", weight: 3, paths: ["/api/v1/events"] },
  { name: "/api/v1/bulk/commitments.csv", group: "bulk", weight: 2, paths: ["/api/v1/bulk/commitments.csv"] },
];

/**
 * Splits `total` requests a second over the routes in proportion to their weights, in whole
 * requests (largest remainder), so the parts add up to exactly `total`.
 */
export function splitRate(total: number, routes: Pick<Route, "weight">[]): number[] {
  if (!Number.isInteger(total) || total < 1) throw new Error(`The rate must be a whole number of requests a second, at least 1 (got ${total}).`);
  const sum = routes.reduce((n, r) => n + r.weight, 0);
  const exact = routes.map((r) => (total * r.weight) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((n, p) => n + p, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}

export type Summary = { count: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles of a list of latencies in milliseconds (all zero when empty). */
export function summarize(values: number[]): Summary {
  if (values.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { count: s.length, p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] };
}

/**
 * The value a server action returned, from its React Server Components answer
 * (`text/x-component`): row 0 is `{"a":"$@1",…}` naming the row that holds the result, or holds it
 * itself. Throws with the start of the body when the answer is not such a payload.
 */
export function parseActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  const head = rows.get("0");
  if (head === undefined) throw new Error(`Not a server action answer: ${JSON.stringify(body.slice(0, 200))}`);
  const first = JSON.parse(head) as { a?: unknown };
  if (!first || typeof first !== "object" || !("a" in first)) throw new Error(`Server action answer without a result: ${JSON.stringify(body.slice(0, 200))}`);
  const ref = typeof first.a === "string" ? /^\$@([0-9a-f]+)$/.exec(first.a) : null;
  if (!ref) return first.a;
  const row = rows.get(ref[1]);
  if (row === undefined) throw new Error(`Server action answer is missing row ${ref[1]}: ${JSON.stringify(body.slice(0, 200))}`);
  return JSON.parse(row);
}
