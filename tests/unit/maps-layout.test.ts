import { describe, expect, it } from "vitest";
import { buildCountryRows, europeGeometry, layoutEuropeMap, mapBounds, type MapActor, type MapCommitment, type MapParticipation } from "@/lib/charts/europe-map";
import { loadCountries } from "@/lib/charts/geo";
import { checkLegibility } from "@/lib/charts/legibility";
import { layoutUkraineMap, ukraineGeometry, type MapSite } from "@/lib/charts/ukraine-map";
import { WIDTH_CLASSES } from "@/lib/charts/width";
import { STAGE_ORDER } from "@/lib/lifecycle";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const actor = (iso2: string | null, name: string): MapActor => ({ slug: (iso2 ?? name).toLowerCase(), iso2, name, nameUk: null, kind: iso2 ? "COUNTRY" : "ORGANISATION", groups: [] });
// Today's participants (the seed), with stages spread over the scale as in the seed.
const TODAY: [string | null, string][] = [
  ["AU", "Australia"], ["BE", "Belgium"], ["BG", "Bulgaria"], ["CA", "Canada"], ["HR", "Croatia"], ["CZ", "Czech Republic"],
  ["DK", "Denmark"], ["EE", "Estonia"], [null, "European Union"], ["FI", "Finland"], ["FR", "France"], ["DE", "Germany"],
  ["IE", "Ireland"], ["IT", "Italy"], ["JP", "Japan"], ["LV", "Latvia"], ["LT", "Lithuania"], [null, "NATO"], ["NL", "Netherlands"],
  ["NZ", "New Zealand"], ["NO", "Norway"], ["PL", "Poland"], ["RO", "Romania"], ["ES", "Spain"], ["SE", "Sweden"], ["TR", "Türkiye"],
  ["UA", "Ukraine"], ["GB", "United Kingdom"],
];
// ×10: fifty countries, as in the bench's synthetic dataset (Iceland, Cyprus and the Caucasus included).
const MORE = "AT CH GR HU IS CY PT SK SI LU MT RS ME AL MK BA MD GE AM AZ US KZ".split(" ");

function dataset(list: [string | null, string][]) {
  const actors = list.map(([iso, name]) => actor(iso, name));
  const participations: MapParticipation[] = actors.map((a) => ({ actor: a, role: "MEMBER", firstRecorded: d("2025-03-02"), sources: [] }));
  const commitments: MapCommitment[] = actors.flatMap((a, i) =>
    i % 9 === 8 ? [] : [{ slug: `${a.slug}-c`, kind: "TROOPS", actor: a, stages: [{ stage: STAGE_ORDER[i % 8], date: d("2025-06-01") }], sources: [] }],
  );
  return buildCountryRows(participations, commitments, d("2026-01-01"));
}

const features = loadCountries("110m");
const features50 = loadCountries("50m");
const today = dataset(TODAY);
const x10 = dataset([...TODAY, ...MORE.map((iso): [string, string] => [iso, new Intl.DisplayNames(["en"], { type: "region" }).of(iso) ?? iso])]);

describe("Europe map layouts", () => {
  for (const [name, rows] of [["today", today], ["empty", []], ["x10", x10]] as const) {
    for (const w of WIDTH_CLASSES) {
      for (const lang of ["en", "uk"] as const) {
        it(`${name}, ${w}, ${lang}: legible, no overlaps, no empty band`, () => {
          const l = layoutEuropeMap(features, rows, w, lang);
          const g = europeGeometry(l);
          const r = checkLegibility(g);
          expect(r.legibleShare).toBe(1);
          expect(r.smallest).toBeGreaterThanOrEqual(11);
          expect(r.overlaps.map(([a, b]) => [g.texts[a].text, g.texts[b].text])).toEqual([]);
          expect(r.emptyBand).toBeLessThanOrEqual(0.15);
          // Every text within the frame.
          for (const t of g.texts) {
            expect(t.x0).toBeGreaterThanOrEqual(-0.5);
            expect(t.x1).toBeLessThanOrEqual(l.w + 0.5);
          }
        });
      }
    }
  }

  it("labels every coloured country: a name on the map, or a number on the map and in the key, or the key alone", () => {
    for (const w of WIDTH_CLASSES) {
      const l = layoutEuropeMap(features, x10, w, "en");
      const drawn = l.countries.filter((c) => c.row).map((c) => c.row!.actor.slug);
      for (const slug of drawn) {
        const named = l.names.some((n) => n.slug === slug);
        const badge = l.badges.find((b) => b.slug === slug);
        const entry = l.entries.find((e) => e.slug === slug)!;
        expect(entry).toBeDefined();
        if (badge) expect(entry.n).toBe(badge.n);
        if (w !== "narrow") expect(named || badge).toBeTruthy();
      }
    }
  });

  it("extends the map to every European participant: Norway's North Cape, Iceland, Cyprus, the Caucasus", () => {
    const b = mapBounds(features, new Set(x10.filter((r) => r.actor.iso2).map((r) => r.actor.iso2!)));
    expect(b.north).toBeGreaterThanOrEqual(71.2);
    expect(b.west).toBeLessThanOrEqual(-24.5);
    expect(b.south).toBeLessThanOrEqual(34.5);
    expect(b.east).toBeGreaterThanOrEqual(46);
    // Today's map needs no Iceland: the box stays on the continent.
    const t = mapBounds(features, new Set(today.filter((r) => r.actor.iso2).map((r) => r.actor.iso2!)));
    expect(t.west).toBeGreaterThan(-15);
    expect(t.north).toBeGreaterThanOrEqual(71.2);
  });

  it("fits Norway, Iceland and Cyprus whole when they take part", () => {
    const l = layoutEuropeMap(features, x10, "wide", "en");
    for (const iso of ["NO", "IS", "CY"]) {
      const c = l.countries.find((x) => x.iso2 === iso)!;
      expect(c.row).not.toBeNull();
      const nums = c.d.match(/^M(-?[\d.]+)[ ,]?(-?[\d.]+)/)!;
      expect(Number(nums[1])).toBeGreaterThan(0);
    }
  });
});

const site = (slug: string, over: Partial<MapSite>): MapSite => ({
  slug,
  kind: "MILITARY_HUB",
  name: slug.replace(/-/g, " "),
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
// Today's seven published sites.
const SITES_TODAY = [
  site("mnf-u-hq-paris", { city: "Paris", countryIso2: "FR", isContext: true, name: "Multinational Force Ukraine headquarters" }),
  site("kyiv-coordination-cell", { name: "Coordination cell in Kyiv" }),
  site("paris-coordination-cell", { city: "Paris", countryIso2: "FR", isContext: true, name: "Coordination cell in Paris" }),
  site("tapa-nato-battlegroup", { city: "Tapa", countryIso2: "EE", isContext: true, name: "NATO battlegroup, Tapa" }),
  site("uk-fr-military-hubs-ukraine", { precision: "COUNTRY", city: null, name: "UK-French military hubs across Ukraine" }),
  site("uk-fr-protected-facilities-ukraine", { precision: "COUNTRY", city: null, name: "Protected weapons facilities in Ukraine" }),
  site("poland-logistics-hub", { precision: "COUNTRY", city: null, countryIso2: "PL", isContext: true, name: "Logistics hub in Poland" }),
];
// ×10: seventy sites, every precision, in and outside Ukraine.
const PRECISIONS = ["CITY", "COUNTRY", "REGION", "UNDISCLOSED"] as const;
const SITES_X10 = Array.from({ length: 70 }, (_, i) =>
  site(`synthetic-site-${i}`, {
    precision: PRECISIONS[i % 4],
    city: PRECISIONS[i % 4] === "CITY" ? ["Kyiv", "Lviv", "Paris", "Tapa"][i % 3] : null,
    region: PRECISIONS[i % 4] === "REGION" ? "Kharkiv oblast" : null,
    countryIso2: PRECISIONS[i % 4] === "UNDISCLOSED" ? null : i % 5 === 0 ? "PL" : "UA",
    isContext: i % 5 === 0,
    name: `Synthetic logistics and training site number ${i}`,
  }),
);

describe("Ukraine map layouts", () => {
  for (const [name, sites] of [["today", SITES_TODAY], ["empty", []], ["x10", SITES_X10]] as const) {
    for (const w of WIDTH_CLASSES) {
      for (const lang of ["en", "uk"] as const) {
        it(`${name}, ${w}, ${lang}: legible, no overlaps, no empty band`, () => {
          const l = layoutUkraineMap(features50, sites, w, lang);
          const g = ukraineGeometry(l);
          const r = checkLegibility(g);
          expect(r.legibleShare).toBe(1);
          expect(r.smallest).toBeGreaterThanOrEqual(11);
          expect(r.overlaps.map(([a, b]) => [g.texts[a].text, g.texts[b].text])).toEqual([]);
          expect(r.emptyBand).toBeLessThanOrEqual(0.15);
          for (const t of g.texts) {
            expect(t.x0).toBeGreaterThanOrEqual(-0.5);
            expect(t.x1).toBeLessThanOrEqual(l.w + 0.5);
          }
        });
      }
    }
  }

  it("says on the map that Ukraine is drawn within its recognised borders, Crimea included", () => {
    for (const w of WIDTH_CLASSES) {
      const l = layoutUkraineMap(features50, SITES_TODAY, w, "en");
      expect(l.labels.map((t) => t.text).join(" ")).toMatch(/internationally recognised borders, Crimea included/);
      const e = layoutEuropeMap(features, today, w, "en");
      expect(e.notes.map((t) => t.text).join(" ")).toMatch(/internationally recognised borders, Crimea included/);
    }
  });

  it("draws markers only for cities in the gazetteer, in Ukraine, and lists every site", () => {
    const l = layoutUkraineMap(features50, SITES_X10, "wide", "en");
    expect(l.markers.map((m) => m.city)).toEqual(["Kyiv"]);
    const listed = l.groups.reduce((n, g) => n + new Set(g.entries.map((e) => e.slug)).size, 0);
    const more = l.groups.reduce((n, g) => n + (g.more ? Number(/\d+/.exec(g.more.text)![0]) : 0), 0);
    expect(listed + more).toBe(70);
  });
});
