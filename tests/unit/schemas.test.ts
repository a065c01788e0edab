import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpUrl, IsoDate, PastIsoDate } from "@/lib/schemas/common";
import { EventInput } from "@/lib/schemas/event";
import { PollInput } from "@/lib/schemas/poll";
import { citationIssues, publicationIssues } from "@/lib/schemas/publication";
import { SiteInput } from "@/lib/schemas/site";
import { CommitmentInput } from "@/lib/schemas/commitment";

const cite = (url: string) => ({ url, quote: null, note: null });
const fieldErrors = (r: z.ZodSafeParseResult<unknown>): Record<string, string[] | undefined> =>
  r.success ? {} : (z.flattenError(r.error).fieldErrors as Record<string, string[] | undefined>);

describe("dates", () => {
  it("refuses dates that do not exist", () => {
    expect(IsoDate.safeParse("2025-02-30").success).toBe(false);
    expect(IsoDate.safeParse("2024-02-29").success).toBe(true);
    expect(IsoDate.safeParse("2025-2-3").success).toBe(false);
  });
  it("refuses a past-event date in the future", () => {
    expect(PastIsoDate.safeParse("2999-01-01").success).toBe(false);
    expect(PastIsoDate.safeParse("2026-01-06").success).toBe(true);
  });
});

describe("URLs", () => {
  it.each(["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/x", "//example.org", "not a url"])(
    "refuses %s",
    (u) => expect(HttpUrl.safeParse(u).success).toBe(false),
  );
  it("accepts http and https", () => {
    expect(HttpUrl.safeParse("https://tass.com/world/2012443").success).toBe(true);
    expect(HttpUrl.safeParse("http://www.joint-forces.com/uk-news/12290").success).toBe(true);
  });
});

const site = {
  slug: "kyiv-cell",
  kind: "COORDINATION_CELL",
  name: "Kyiv coordination cell",
  precision: "CITY",
  countryIso2: "UA",
  city: "Kyiv",
  confidence: "HIGH",
  citations: [cite("https://example.org/a")],
};

describe("site precision safety rule", () => {
  it("accepts a city-level site without coordinates", () => {
    expect(SiteInput.safeParse(site).success).toBe(true);
  });
  it("refuses coordinates finer than a city (more than two decimals)", () => {
    const r = SiteInput.safeParse({ ...site, latitude: 50.4501, longitude: 30.5234 });
    expect(fieldErrors(r).latitude?.[0]).toMatch(/never finer than a city/);
  });
  it("refuses coordinates on a region-level site", () => {
    const r = SiteInput.safeParse({ ...site, precision: "REGION", city: null, region: "Kyiv Oblast", latitude: 50.45, longitude: 30.52 });
    expect(fieldErrors(r).latitude?.[0]).toMatch(/only stored for sites announced at city precision/);
  });
  it("refuses a city on an undisclosed site", () => {
    const r = SiteInput.safeParse({ ...site, precision: "UNDISCLOSED" });
    expect(fieldErrors(r).city).toBeDefined();
  });
  it("asks for a second editor's sign-off before a coordinate is published", () => {
    const parsed = SiteInput.parse({ ...site, latitude: 50.45, longitude: 30.52, singleSource: true });
    expect(publicationIssues("site", parsed).map((i) => i.path.join("."))).toEqual(["coordinateSignedOffBy"]);
    expect(publicationIssues("site", { ...parsed, coordinateSignedOffBy: "second editor" })).toEqual([]);
  });
});

const poll = {
  slug: "yougov-gb-2025-03",
  pollster: "YouGov",
  fieldworkStart: "2025-02-26",
  fieldworkEnd: "2025-03-04",
  country: "GB",
  question: "Would you support or oppose …",
  wordingClass: "OWN_TROOPS_PEACEKEEPING",
  support: 52,
  oppose: 27,
  dontKnow: 20,
  confidence: "HIGH",
  citations: [],
};

describe("poll shares", () => {
  it("accepts shares that add up to at most 100.5", () => {
    expect(PollInput.safeParse(poll).success).toBe(true);
    expect(PollInput.safeParse({ ...poll, support: 52.5, oppose: 28, dontKnow: 20 }).success).toBe(true);
  });
  it("refuses shares that add up to more than 100.5", () => {
    const r = PollInput.safeParse({ ...poll, dontKnow: 22 });
    expect(fieldErrors(r).dontKnow?.[0]).toMatch(/add up to 101\.0/);
  });
  it("refuses a share outside 0–100 and fieldwork that ends before it starts", () => {
    expect(fieldErrors(PollInput.safeParse({ ...poll, support: 120 })).support).toBeDefined();
    expect(fieldErrors(PollInput.safeParse({ ...poll, fieldworkStart: "2025-03-05" })).fieldworkStart).toBeDefined();
  });
  it("refuses unknown fields such as version or id", () => {
    expect(PollInput.safeParse({ ...poll, version: 3 }).success).toBe(false);
    expect(PollInput.safeParse({ ...poll, id: "x" }).success).toBe(false);
  });
});

describe("events and text", () => {
  const event = {
    slug: "2026-01-06-paris-summit",
    kind: "SUMMIT",
    date: "2026-01-06",
    title: "Paris summit",
    summary: "Coalition summit at the Élysée.",
    confidence: "HIGH",
    citations: [],
  };
  it("refuses a past event dated in the future", () => {
    expect(fieldErrors(EventInput.safeParse({ ...event, date: "2999-01-06" })).date?.[0]).toMatch(/future/);
  });
  it("refuses control characters and over-long text", () => {
    expect(EventInput.safeParse({ ...event, title: "Paris\u0000summit" }).success).toBe(false);
    expect(EventInput.safeParse({ ...event, title: "x".repeat(201) }).success).toBe(false);
  });
});

describe("the sources gate", () => {
  it("needs two sources, or one with the single-source flag", () => {
    expect(citationIssues({ citations: [], singleSource: false })[0].message).toMatch(/at least one source/);
    expect(citationIssues({ citations: [cite("https://a.example/1")], singleSource: false })[0].path).toEqual(["singleSource"]);
    expect(citationIssues({ citations: [cite("https://a.example/1")], singleSource: true })).toEqual([]);
    expect(citationIssues({ citations: [cite("https://a.example/1"), cite("https://b.example/2")], singleSource: false })).toEqual([]);
  });
  it("refuses the same source cited twice", () => {
    const c = cite("https://a.example/1");
    expect(citationIssues({ citations: [c, c], singleSource: false })[0].message).toMatch(/twice/);
  });
  it("needs a dated, sourced stage on a published commitment", () => {
    const commitment = CommitmentInput.parse({
      slug: "gb-troops",
      actor: "gb",
      kind: "TROOPS",
      title: "UK troops",
      summary: "Troops after a ceasefire.",
      confidence: "HIGH",
      singleSource: true,
      citations: [cite("https://a.example/1")],
      stages: [{ stage: "CONDITIONAL_OFFER", date: "2026-01-06", citations: [] }],
    });
    expect(publicationIssues("commitment", commitment).map((i) => i.path.join("."))).toEqual(["stages.0.citations"]);
  });
});

describe("commitment quantities", () => {
  const base = { slug: "gb-n", actor: "gb", kind: "TROOPS", title: "t", summary: "s", confidence: "MEDIUM", citations: [] };
  it("needs a unit, qualifier and basis with a number", () => {
    const r = CommitmentInput.safeParse({ ...base, quantityHigh: 7500 });
    expect(fieldErrors(r).quantityUnit?.[0]).toMatch(/official or a reported estimate/);
    expect(
      CommitmentInput.safeParse({ ...base, quantityHigh: 7500, quantityUnit: "troops", quantityQualifier: "FEWER_THAN", quantityBasis: "REPORTED_ESTIMATE" })
        .success,
    ).toBe(true);
  });
});

describe("download requests", () => {
  it("accept csv or json with the view's parameters, keeping repeated keys as lists", async () => {
    const { parseDownload } = await import("@/lib/schemas/search-params");
    const { z } = await import("zod");
    const schema = z.object({ kind: z.array(z.string()).or(z.string()).optional() });
    const ok = parseDownload(new URL("http://x/d?format=json&kind=A&kind=B"), schema);
    expect(ok).toEqual({ ok: true, format: "json", value: { kind: ["A", "B"] } });
    expect(parseDownload(new URL("http://x/d"), schema)).toMatchObject({ ok: true, format: "csv" });
    const bad = parseDownload(new URL("http://x/d?format=xlsx"), schema);
    expect(bad).toEqual({ ok: false, errors: ["format: use csv or json"] });
  });
});
