import { beforeAll, describe, expect, it } from "vitest";
import { CSV_TABLES, ENTITIES } from "@/lib/export/fields";
import { db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/db/seed";
import { stageAsOf } from "@/lib/lifecycle";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";
import { apiGet, apiJson, documentedPaths, documentedSchema } from "./api-helpers";

type Rec = Record<string, unknown> & { id: string; slug: string };
type Page = { data: Rec[]; next: string | null; meta: { total: number; count: number; release: number; asOf: string | null } };
type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

const seed = parseSeed(readSeedFiles());
const PUB = { status: "PUBLISHED" as const };

/** Every record of a list, following `next` from page to page. */
async function walk(path: string): Promise<{ slugs: string[]; pages: Response[]; totals: Set<number> }> {
  const slugs: string[] = [];
  const pages: Response[] = [];
  const totals = new Set<number>();
  let next: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const { res, body }: { res: Response; body: Page } = await apiJson<Page>(next ? `${path}${sep}cursor=${next}` : path);
    expect(res.status).toBe(200);
    pages.push(res);
    totals.add(body.meta.total);
    slugs.push(...body.data.map((r) => r.slug));
    next = body.next;
  } while (next);
  return { slugs, pages, totals };
}

describe("public API: records", () => {
  const firstSlug: Record<string, string> = {};

  beforeAll(async () => {
    await seedDatabase(db(), seed);
    for (const e of ENTITIES) {
      const { body } = await apiJson<Page>(`/api/v1/${e}?limit=1`);
      firstSlug[e] = body.data[0].slug;
    }
  });

  it("answers every documented endpoint with a body its OpenAPI schema accepts", async () => {
    const hit = new Set<string>();
    const check = async (template: string, url: string, status = "200") => {
      const res = await apiGet(url);
      expect(res.status, url).toBe(Number(status));
      hit.add(template);
      const type = res.headers.get("content-type") ?? "";
      if (type.startsWith("application/json")) {
        const parsed = documentedSchema(template, status).safeParse(await res.json());
        expect(parsed.success ? [] : parsed.error.issues.slice(0, 3), url).toEqual([]);
      } else {
        const body = new Uint8Array(await res.arrayBuffer());
        expect(body.length, url).toBeGreaterThan(0);
        const documented = Object.keys((await import("@/lib/api/openapi")).openApiDocument().paths![template]!.get!.responses!["200"]!.content!);
        expect(documented.some((m) => type.startsWith(m)), `${url}: ${type} not in ${documented}`).toBe(true);
      }
    };
    await check("/api/v1", "/api/v1");
    await check("/api/v1/openapi.json", "/api/v1/openapi.json");
    for (const e of ENTITIES) {
      await check(`/api/v1/${e}`, `/api/v1/${e}?limit=500`);
      await check(`/api/v1/${e}/{idOrSlug}`, `/api/v1/${e}/${firstSlug[e]}`);
      await check(`/api/v1/${e}/{idOrSlug}`, `/api/v1/${e}/zz-no-such-record`, "404");
      await check(`/api/v1/${e}`, `/api/v1/${e}?nope=1`, "422");
      await check(`/api/v1/bulk/{table}.json`, `/api/v1/bulk/${e}.json`);
    }
    for (const t of CSV_TABLES) await check(`/api/v1/bulk/{table}.csv`, `/api/v1/bulk/${t}.csv`);
    for (const f of ["manifest.json", "dictionary.json", "archive.zip", "SHA256SUMS"]) await check(`/api/v1/bulk/${f}`, `/api/v1/bulk/${f}`);
    await check("/api/v1/feeds/changes.atom", "/api/v1/feeds/changes.atom");
    await check("/api/v1/feeds/countries/{iso2}.atom", "/api/v1/feeds/countries/gb.atom");
    await check("/api/v1/feeds/kinds/{kind}.atom", "/api/v1/feeds/kinds/TROOPS.atom");
    expect([...hit].sort()).toEqual(documentedPaths().sort());
  });

  it("gives the records in the shape of the input schemas, published only, with stable ids and slugs", async () => {
    const { body } = await apiJson<Page>("/api/v1/commitments?limit=500");
    expect(body.meta.total).toBe(await db().commitment.count({ where: { ...PUB, actor: PUB } }));
    const uk = body.data.find((c) => c.slug === "gb-troops-mnf-u")!;
    const input = seed.commitments.find((c) => c.slug === "gb-troops-mnf-u")!;
    const { id, version, publishedAt, ...rest } = uk;
    // Citations come in recorded order (the seed records them together: by URL), so compare them sorted.
    type Cited = { citations: { url: string }[] };
    const sorted = <T extends Cited>(r: T) => ({ ...r, citations: [...r.citations].sort((a, b) => (a.url < b.url ? -1 : 1)) });
    const canonical = (c: Cited & { stages: Cited[] }) => sorted({ ...c, stages: c.stages.map(sorted) });
    expect(canonical(rest as never)).toEqual(canonical(input));
    expect(version).toBe(1);
    expect(typeof publishedAt).toBe("string");
    const byId = await apiJson<{ data: Rec }>(`/api/v1/commitments/${id}`);
    const bySlug = await apiJson<{ data: Rec }>("/api/v1/commitments/gb-troops-mnf-u");
    expect(byId.body.data).toEqual(bySlug.body.data);
    expect(bySlug.body.data).toEqual(uk);
  });

  it("applies the pages' filters, each value an alternative and each filter a further condition", async () => {
    const troops = await apiJson<Page>("/api/v1/commitments?kind=TROOPS&limit=500");
    expect(troops.body.data.length).toBe(await db().commitment.count({ where: { ...PUB, actor: PUB, kind: "TROOPS" } }));
    expect(troops.body.data.every((c) => c.kind === "TROOPS")).toBe(true);

    const two = await apiJson<Page>("/api/v1/commitments?kind=TROOPS&kind=REFUSAL&actor=gb,pl&limit=500");
    expect(new Set(two.body.data.map((c) => c.kind))).toEqual(new Set(["TROOPS", "REFUSAL"]));
    expect(new Set(two.body.data.map((c) => c.actor))).toEqual(new Set(["gb", "pl"]));

    const none = await apiJson<Page>("/api/v1/commitments?condition=NONE&limit=500");
    expect(none.body.data.length).toBeGreaterThan(0);
    expect(none.body.data.every((c) => (c.conditions as string[]).length === 0)).toBe(true);

    const eu = await apiJson<Page>("/api/v1/commitments?group=EU&legalForm=STATEMENT,POLITICAL_DECLARATION&limit=500");
    const euActors = new Set(seed.actors.filter((a) => a.groups.includes("EU")).map((a) => a.slug));
    expect(eu.body.data.every((c) => euActors.has(c.actor as string) && ["STATEMENT", "POLITICAL_DECLARATION"].includes(c.legalForm as string))).toBe(true);

    const polls = await apiJson<Page>("/api/v1/polls?country=gb&class=OWN_TROOPS_PEACEKEEPING");
    expect(polls.body.data.length).toBe(seed.polls.filter((p) => p.country === "GB" && p.wordingClass === "OWN_TROOPS_PEACEKEEPING").length);

    const events = await apiJson<Page>("/api/v1/events?from=2025-09-01&to=2025-09-30&kind=SUMMIT,MEETING&limit=500");
    expect(events.body.data.length).toBeGreaterThan(0);
    for (const e of events.body.data) {
      expect(["SUMMIT", "MEETING"]).toContain(e.kind);
      expect((e.date as string) <= "2025-09-30").toBe(true);
    }

    const unverified = await apiJson<Page>("/api/v1/claims?verification=UNVERIFIED&limit=500");
    expect(unverified.body.data.length).toBe(seed.claims.filter((c) => c.verification === "UNVERIFIED").length);
  });

  it("gives the records as they stood on an asOf date (valid time)", async () => {
    const date = "2025-09-05";
    const { body } = await apiJson<Page>(`/api/v1/commitments?asOf=${date}&limit=500`);
    expect(body.meta.asOf).toBe(date);
    expect(body.data.length).toBe(seed.commitments.filter((c) => c.stages.some((s) => s.date <= date)).length);
    for (const c of body.data) {
      const stages = c.stages as { date: string }[];
      expect(stages.length).toBeGreaterThan(0);
      expect(stages.every((s) => s.date <= date)).toBe(true);
    }
    // The stage filter uses the stage in force on that date, as the comparison page does.
    const formalised = await apiJson<Page>(`/api/v1/commitments?asOf=${date}&stage=FORMALISED&limit=500`);
    const expected = seed.commitments.filter(
      (c) => stageAsOf(c.stages.map((s) => ({ stage: s.stage, date: new Date(`${s.date}T00:00:00Z`) })), new Date(`${date}T23:59:59Z`)) === "FORMALISED",
    );
    expect(formalised.body.data.map((c) => c.slug).sort()).toEqual(expected.map((c) => c.slug).sort());

    const polls = await apiJson<Page>("/api/v1/polls?asOf=2025-06-30&limit=500");
    expect(polls.body.data.every((p) => (p.fieldworkEnd as string) <= "2025-06-30")).toBe(true);
    expect(polls.body.data.length).toBe(seed.polls.filter((p) => p.fieldworkEnd <= "2025-06-30").length);
  });

  it("pages by cursor through every record once, in slug order, with a Link header to the next page", async () => {
    const { slugs, pages, totals } = await walk("/api/v1/events?limit=7");
    const all = seed.events.map((e) => e.slug).sort((a, b) => (a < b ? -1 : 1));
    expect(slugs).toEqual(all);
    expect([...totals]).toEqual([all.length]);
    expect(pages.slice(0, -1).every((r) => /rel="next"/.test(r.headers.get("link") ?? ""))).toBe(true);
    expect(pages.at(-1)!.headers.get("link")).toBeNull();
    // The Link header's URL is the next page.
    const link = pages[0].headers.get("link")!.match(/<([^>]+)>/)![1];
    const viaLink = await apiJson<Page>(link);
    expect(viaLink.body.data[0].slug).toBe(all[7]);
  });

  it("refuses bad and unknown parameters with 422 and one issue per parameter, and unknown ids with 404", async () => {
    const cases: [string, string][] = [
      ["/api/v1/commitments?colour=red", "colour"],
      ["/api/v1/commitments?kind=TANKS", "kind"],
      ["/api/v1/commitments?limit=0", "limit"],
      ["/api/v1/commitments?limit=501", "limit"],
      ["/api/v1/commitments?limit=ten", "limit"],
      ["/api/v1/commitments?asOf=2999-01-01", "asOf"],
      ["/api/v1/commitments?asOf=2025-02-30", "asOf"],
      ["/api/v1/commitments?actor=atlantis", "actor"],
      ["/api/v1/polls?country=XX", "country"],
      ["/api/v1/events?from=2025-05-01&to=2025-01-01", "to"],
      ["/api/v1/events?cursor=not-a-cursor", "cursor"],
      ["/api/v1/commitments/gb-troops-mnf-u?asOf=2025-01-01", "asOf"],
    ];
    for (const [url, param] of cases) {
      const { res, body } = await apiJson<ErrorBody>(url);
      expect(res.status, url).toBe(422);
      expect(body.error.code).toBe("invalid_parameters");
      expect(body.error.issues?.map((i) => i.path), url).toContain(param);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    const unknown = await apiJson<ErrorBody>("/api/v1/commitments?colour=red");
    expect(unknown.body.error.issues![0].message).toMatch(/accepts: asOf, cursor, limit/);

    const missing = await apiJson<ErrorBody>("/api/v1/actors/atlantis");
    expect(missing.res.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    expect((await apiGet("/api/v1/actors/%3Cscript%3E")).status).toBe(404);
    expect((await apiGet("/api/v1/bulk/passwords.csv")).status).toBe(404);
  });

  it("sends ETags and answers a matching If-None-Match with 304 and no body; caches, CORS, no cookies", async () => {
    const first = await apiGet("/api/v1/polls?country=GB");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=86400");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("set-cookie")).toBeNull();
    expect(first.headers.get("x-dataset-release")).toMatch(/^\d+$/);

    const again = await apiGet("/api/v1/polls?country=GB", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await apiGet("/api/v1/polls?country=GB", { "If-None-Match": `"other", W/${etag}` })).status).toBe(304);
    expect((await apiGet("/api/v1/polls?country=FR", { "If-None-Match": etag })).status).toBe(200);

    const bulk = await apiGet("/api/v1/bulk/archive.zip");
    expect((await apiGet("/api/v1/bulk/archive.zip", { "If-None-Match": bulk.headers.get("etag")! })).status).toBe(304);
    const feed = await apiGet("/api/v1/feeds/changes.atom");
    expect((await apiGet("/api/v1/feeds/changes.atom", { "If-None-Match": feed.headers.get("etag")! })).status).toBe(304);

    const preflight = await apiGet("/api/v1/commitments", { Origin: "https://example.org", "Access-Control-Request-Method": "GET" }, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/);
  });
});
