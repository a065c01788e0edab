import { describe, expect, it } from "vitest";
import {
  buildCountryRows,
  layoutEuropeMap,
  strongestStage,
  type MapActor,
  type MapCommitment,
  type MapParticipation,
} from "@/lib/charts/europe-map";
import { loadCountries } from "@/lib/charts/geo";
import { mapDownloadRows, MAP_COLUMNS } from "@/lib/charts/map-rows";
import { GAZETTEER, buildSiteRows, isOutsideUkraine, layoutUkraineMap, placeSite, type MapSite } from "@/lib/charts/ukraine-map";
import { MapParams } from "@/lib/schemas/views/map";
import { parseView } from "@/lib/schemas/search-params";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const actor = (slug: string, iso2: string | null, name: string): MapActor => ({ slug, iso2, name, nameUk: null, kind: iso2 ? "COUNTRY" : "ORGANISATION", groups: [] });
const FR = actor("fr", "FR", "France");
const IT = actor("it", "IT", "Italy");
const FI = actor("fi", "FI", "Finland");
const NL = actor("nl", "NL", "Netherlands");
const JP = actor("jp", "JP", "Japan");
const EU = actor("eu", null, "European Union");
const US = actor("us", "US", "United States");
const src = (n: number) => [{ url: `https://example.org/${n}`, outlet: `Outlet ${n}`, originalOutlet: null }];
const part = (a: MapActor, iso: string): MapParticipation => ({ actor: a, role: "MEMBER", firstRecorded: d(iso), sources: src(0) });
const com = (slug: string, a: MapActor, stages: [string, string][], n = 1): MapCommitment => ({
  slug,
  kind: "TROOPS",
  actor: a,
  stages: stages.map(([stage, iso]) => ({ stage: stage as never, date: d(iso) })),
  sources: src(n),
});

const participations = [part(FR, "2025-03-02"), part(IT, "2025-09-04"), part(FI, "2025-03-17"), part(NL, "2025-10-24"), part(JP, "2026-01-06"), part(EU, "2025-03-02")];
const commitments = [
  com("fr-troops", FR, [["CONDITIONAL_OFFER", "2025-04-11"], ["FORMALISED", "2026-01-06"]], 1),
  com("fr-funding", FR, [["ANNOUNCED", "2025-03-27"]], 2),
  com("it-refusal", IT, [["RULED_OUT", "2025-03-27"]], 3),
  com("it-monitoring", IT, [["FLOATED", "2026-01-06"]], 4),
  com("fi-refusal", FI, [["RULED_OUT", "2025-03-17"]], 5),
  com("jp-support", JP, [["FLOATED", "2026-01-06"]], 6),
  com("us-refusal", US, [["RULED_OUT", "2025-08-01"]], 7),
];

describe("strongestStage", () => {
  it("prefers the furthest positive stage and falls back to refusals", () => {
    expect(strongestStage(["FLOATED", "FORMALISED", "ANNOUNCED"]).stage).toBe("FORMALISED");
    expect(strongestStage(["RULED_OUT", "FLOATED"])).toEqual({ stage: "FLOATED", refusalOnly: false, alsoRefused: true });
    expect(strongestStage(["RULED_OUT"])).toEqual({ stage: "RULED_OUT", refusalOnly: true, alsoRefused: false });
    expect(strongestStage(["WITHDRAWN"]).stage).toBe("WITHDRAWN");
    expect(strongestStage([]).stage).toBeNull();
  });
});

describe("buildCountryRows", () => {
  it("colours participants by their strongest stage as of the date", () => {
    const rows = buildCountryRows(participations, commitments, d("2026-02-01"));
    const by = Object.fromEntries(rows.map((r) => [r.actor.slug, r]));
    expect(by.fr).toMatchObject({ participant: true, stage: "FORMALISED", fill: "FORMALISED", commitments: 2 });
    expect(by.fr.sources.map((s) => s.url)).toEqual(["https://example.org/0", "https://example.org/1"]);
    expect(by.it).toMatchObject({ stage: "FLOATED", alsoRefused: true, refusalOnly: false });
    expect(by.fi).toMatchObject({ stage: "RULED_OUT", refusalOnly: true, fill: "RULED_OUT" });
    expect(by.nl).toMatchObject({ stage: null, fill: "PARTICIPANT", commitments: 0 });
    expect(by.us).toMatchObject({ participant: false, stage: "RULED_OUT" });
    expect(rows.findIndex((r) => r.actor.slug === "us")).toBe(rows.length - 1);
  });

  it("applies the as-of date to participation and to stages", () => {
    const rows = buildCountryRows(participations, commitments, d("2025-05-01"));
    const by = Object.fromEntries(rows.map((r) => [r.actor.slug, r]));
    expect(by.it).toMatchObject({ participant: false, stage: "RULED_OUT" });
    expect(by.nl).toBeUndefined();
    expect(by.fr).toMatchObject({ stage: "CONDITIONAL_OFFER", commitments: 2 });
    expect(by.jp).toBeUndefined();
    expect(by.us).toBeUndefined();
  });
});

describe("layoutEuropeMap", () => {
  const rows = buildCountryRows(participations, commitments, d("2026-02-01"));
  const placed = layoutEuropeMap(loadCountries("110m"), rows, "wide", "en");

  it("draws European participants and lists the rest beyond the map", () => {
    const drawn = placed.countries.filter((c) => c.row).map((c) => c.iso2);
    expect(drawn).toEqual(expect.arrayContaining(["FR", "IT", "FI", "NL"]));
    expect(drawn).not.toContain("JP");
    expect(placed.beyond.map((r) => r.actor.slug).sort()).toEqual(["eu", "jp"]);
    // Non-participants are drawn, blank; the US is neither drawn as data nor listed beyond.
    expect(placed.countries.some((c) => c.iso2 === "DE" && c.row === null)).toBe(true);
    expect(placed.beyond.some((r) => r.actor.slug === "us")).toBe(false);
    expect(placed.fills).toEqual(["FORMALISED", "FLOATED", "PARTICIPANT", "RULED_OUT"]);
  });

  it("keeps the geometry compact: rounded coordinates, a viewport-sized box", () => {
    expect(placed.map.y1).toBeGreaterThan(300);
    expect(placed.h).toBeLessThan(900);
    const bytes = placed.countries.reduce((n, c) => n + c.d.length, 0);
    expect(bytes).toBeLessThan(60_000);
    expect(placed.countries.every((c) => !/\d\.\d\d/.test(c.d))).toBe(true);
    const fr = placed.names.find((n) => n.slug === "fr")!;
    expect(fr.x).toBeGreaterThan(0);
    expect(fr.x).toBeLessThan(placed.map.x1);
  });

  it("puts participants after blank land so their outlines draw on top", () => {
    const firstData = placed.countries.findIndex((c) => c.row);
    expect(placed.countries.slice(firstData).every((c) => c.row)).toBe(true);
  });
});

const site = (over: Partial<MapSite>): MapSite => ({
  slug: "s",
  kind: "MILITARY_HUB",
  name: "Site",
  description: null,
  precision: "CITY",
  countryIso2: "UA",
  region: null,
  city: "Kyiv",
  isContext: false,
  commitmentSlug: null,
  actors: [],
  sources: [],
  ...over,
});

describe("placeSite (never finer than announced)", () => {
  it("places a city only from the gazetteer, in the right country", () => {
    expect(placeSite(site({}))).toEqual({ type: "city", city: "Kyiv", lon: 30.52, lat: 50.45 });
    expect(placeSite(site({ city: "Lviv" }))).toEqual({ type: "listed", reason: "city-not-in-gazetteer" });
    expect(placeSite(site({ city: "Paris", countryIso2: "UA" }))).toEqual({ type: "listed", reason: "city-not-in-gazetteer" });
  });
  it("never turns a region, a country or an undisclosed site into a point", () => {
    expect(placeSite(site({ precision: "REGION", region: "Kharkiv", city: null }))).toEqual({ type: "listed", reason: "region" });
    expect(placeSite(site({ precision: "COUNTRY", city: null }))).toEqual({ type: "country", iso2: "UA" });
    expect(placeSite(site({ precision: "UNDISCLOSED", countryIso2: null, city: "Kyiv" }))).toEqual({ type: "listed", reason: "undisclosed" });
  });
  it("has city-centre coordinates rounded to 2 decimals only", () => {
    for (const g of Object.values(GAZETTEER)) {
      expect(Math.round(g.lat * 100) / 100).toBe(g.lat);
      expect(Math.round(g.lon * 100) / 100).toBe(g.lon);
    }
  });
  it("treats sites outside Ukraine as context", () => {
    expect(isOutsideUkraine(site({ countryIso2: "FR", city: "Paris" }))).toBe(true);
    expect(isOutsideUkraine(site({}))).toBe(false);
  });
});

describe("Ukraine and context maps", () => {
  const sites = [
    site({ slug: "kyiv-cell", name: "Kyiv cell" }),
    site({ slug: "hubs", precision: "COUNTRY", city: null, name: "Hubs across Ukraine" }),
    site({ slug: "secret", precision: "UNDISCLOSED", countryIso2: null, city: null, name: "Secret" }),
    site({ slug: "paris-hq", countryIso2: "FR", city: "Paris", isContext: true, name: "HQ", kind: "HQ" }),
    site({ slug: "pl-hub", countryIso2: "PL", precision: "COUNTRY", city: null, isContext: true, name: "Poland hub" }),
  ];
  it("marks Kyiv, hatches Ukraine for country-level sites, lists every site and places nothing else", () => {
    for (const w of ["narrow", "medium", "wide"] as const) {
      const ua = layoutUkraineMap(loadCountries("110m"), sites, w, "en");
      expect(ua.markers.map((m) => [m.city, m.sites])).toEqual([["Kyiv", ["kyiv-cell"]]]);
      expect(ua.countryWide).toEqual({ UA: ["hubs"], PL: ["pl-hub"] });
      expect(ua.hatched).toBe(true);
      expect(ua.ukraine.length).toBeGreaterThan(100);
      expect(ua.land.some((l) => l.iso2 === "UA")).toBe(false);
      expect(ua.groups.map((g) => [g.key, g.entries.map((e) => e.slug)])).toEqual([
        ["city", ["kyiv-cell"]],
        ["country", ["hubs"]],
        ["undisclosed", ["secret"]],
        ["outside", ["paris-hq", "pl-hub"]],
      ]);
    }
  });
  it("builds site rows with actors and sources, sites in Ukraine first", () => {
    const rows = buildSiteRows(sites);
    expect(rows.map((r) => r.slug)).toEqual(["hubs", "kyiv-cell", "secret", "paris-hq", "pl-hub"]);
    expect(rows.find((r) => r.slug === "secret")).toMatchObject({ place: "undisclosed", placement: "listed" });
    const flat = mapDownloadRows(buildCountryRows(participations, commitments, d("2026-02-01")), rows);
    expect(flat.filter((r) => r.type === "site")).toHaveLength(5);
    expect(Object.keys(flat[0])).toEqual([...MAP_COLUMNS]);
  });
});

describe("MapParams", () => {
  it("accepts view and asOf, refuses unknown views and future dates", () => {
    expect(parseView(MapParams, { view: "ukraine", asOf: "2025-09-04", other: "x" })).toMatchObject({ ok: true, value: { view: "ukraine" } });
    expect(parseView(MapParams, { view: "asia" }).ok).toBe(false);
    expect(parseView(MapParams, { asOf: "2999-01-01" }).ok).toBe(false);
    expect(parseView(MapParams, { asOf: "2025-02-30" }).ok).toBe(false);
  });
});
