// Country geometry for the maps, from Natural Earth via the world-atlas package, with one
// correction: Natural Earth (and so world-atlas, at 110m, 50m and 10m) draws Crimea inside
// Russia. The tracker shows Ukraine's internationally recognised borders, so Crimea's ring is
// moved out of Russia's MultiPolygon and merged into Ukraine (topojson `merge` dissolves the
// Perekop line). Computed once per process and cached; nothing is precomputed into the repo.
import "server-only";
import { geoContains, geoPath, type GeoProjection, type GeoStreamWrapper } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from "topojson-specification";
import countries110 from "world-atlas/countries-110m.json";
import countries50 from "world-atlas/countries-50m.json";

export type Resolution = "110m" | "50m";
export type CountryProps = { iso2: string | null; name: string };
export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;

/** Where each map says which borders it draws (shown on every map, in words). */
export const BORDER_POLICY = {
  en: "Borders: Ukraine's internationally recognised borders, including Crimea; other borders from Natural Earth (world-atlas). Maps are schematic.",
  uk: "Кордони: міжнародно визнані кордони України, включно з Кримом; інші кордони — за Natural Earth (world-atlas). Карти схематичні.",
} as const;

/** Points that pin the correction (lon, lat): tested in tests/unit/geo.test.ts. */
export const SIMFEROPOL: [number, number] = [34.1, 44.95];
export const SEVASTOPOL: [number, number] = [33.52, 44.6];

// ISO 3166-1 numeric (world-atlas ids) → alpha-2, for Europe, its neighbours and the coalition's
// non-European partners. Countries without a code here are drawn as blank land.
const NUMERIC_TO_ISO2: Record<string, string> = {
  "008": "AL", "020": "AD", "040": "AT", "031": "AZ", "051": "AM", "056": "BE", "070": "BA", "100": "BG",
  "112": "BY", "191": "HR", "196": "CY", "203": "CZ", "208": "DK", "233": "EE", "246": "FI", "250": "FR",
  "268": "GE", "276": "DE", "300": "GR", "348": "HU", "352": "IS", "372": "IE", "380": "IT", "398": "KZ",
  "428": "LV", "438": "LI", "440": "LT", "442": "LU", "470": "MT", "492": "MC", "498": "MD", "499": "ME",
  "528": "NL", "578": "NO", "616": "PL", "620": "PT", "642": "RO", "643": "RU", "674": "SM", "688": "RS",
  "703": "SK", "705": "SI", "724": "ES", "752": "SE", "756": "CH", "792": "TR", "804": "UA", "807": "MK",
  "826": "GB", "336": "VA", "012": "DZ", "504": "MA", "788": "TN", "434": "LY", "818": "EG", "760": "SY",
  "368": "IQ", "364": "IR", "422": "LB", "376": "IL", "400": "JO", "124": "CA", "036": "AU", "554": "NZ",
  "392": "JP", "840": "US",
};
const RUSSIA = "643";
const UKRAINE = "804";

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type TopoCountry = TopoPolygon<{ name: string }> | TopoMultiPolygon<{ name: string }>;

const TOPOLOGIES: Record<Resolution, CountriesTopology> = {
  "110m": countries110 as unknown as CountriesTopology,
  "50m": countries50 as unknown as CountriesTopology,
};

/**
 * Country features of a topology with Crimea in Ukraine. Pure: the topology is not modified.
 * Throws if the topology has no Russian polygon containing Simferopol (so a future world-atlas
 * that already draws Crimea in Ukraine is noticed rather than silently double-corrected).
 */
export function countriesWithCrimeaInUkraine(topology: CountriesTopology): CountryFeature[] {
  const geometries = topology.objects.countries.geometries as TopoCountry[];
  const ru = geometries.find((g) => g.id === RUSSIA);
  const ua = geometries.find((g) => g.id === UKRAINE);
  if (!ru || !ua || ru.type !== "MultiPolygon") throw new Error("world-atlas: Russia or Ukraine missing");
  const crimeaIndex = ru.arcs.findIndex((polygon) => {
    const f = feature(topology, { type: "Polygon", arcs: polygon, properties: {} } as TopoPolygon);
    return geoContains(f, SIMFEROPOL);
  });
  if (crimeaIndex < 0) throw new Error("world-atlas: no Russian polygon contains Simferopol; check the Crimea correction");
  const crimea = ru.arcs[crimeaIndex];
  const uaPolygons = ua.type === "Polygon" ? [ua.arcs] : ua.arcs;
  const russiaRest: TopoMultiPolygon<{ name: string }> = { ...ru, arcs: ru.arcs.filter((_, i) => i !== crimeaIndex) };
  const ukraineWhole = merge(topology, [{ type: "MultiPolygon", arcs: [...uaPolygons, crimea] } as TopoMultiPolygon]);

  return geometries.map((g) => {
    const props: CountryProps = { iso2: (g.id !== undefined && NUMERIC_TO_ISO2[String(g.id)]) || null, name: g.properties?.name ?? "" };
    if (g.id === UKRAINE) return { type: "Feature", id: g.id, properties: props, geometry: ukraineWhole };
    const geom = g.id === RUSSIA ? russiaRest : g;
    const f = feature(topology, geom as TopoCountry) as Feature<Polygon | MultiPolygon>;
    return { type: "Feature", id: g.id, properties: props, geometry: f.geometry };
  });
}

const cache = new Map<Resolution, CountryFeature[]>();

/** All countries at a resolution, Crimea in Ukraine; computed on first use and cached. */
export function loadCountries(resolution: Resolution): CountryFeature[] {
  let out = cache.get(resolution);
  if (!out) {
    out = countriesWithCrimeaInUkraine(TOPOLOGIES[resolution]);
    cache.set(resolution, out);
  }
  return out;
}

/** The feature of a country by ISO alpha-2, or undefined. */
export function countryByIso2(features: readonly CountryFeature[], iso2: string): CountryFeature | undefined {
  return features.find((f) => f.properties.iso2 === iso2);
}

/**
 * SVG path data for a projected feature, compact for shipping in HTML: coordinates rounded to
 * `digits` decimals, relative commands, repeated points dropped, and rings smaller than
 * `minArea` square units dropped (a light simplification for tiny islands). "" when nothing
 * of it is visible.
 */
export function compactPath(projection: GeoProjection, object: Feature | Feature["geometry"], digits = 1, minArea = 0.6, tolerance = 0): string {
  return memoProjected(projection, object, `path|${digits}|${minArea}|${tolerance}`, () => projectPath(projection, object, digits, minArea, tolerance));
}

const projected = new WeakMap<GeoProjection, WeakMap<object, Map<string, unknown>>>();

/**
 * Projecting 1:50m geometry is the costliest step of a map render, and the same projection object
 * (see fitBox) and feature always give the same result: computed once per process and key.
 */
export function memoProjected<T>(projection: GeoProjection, object: object, key: string, compute: () => T): T {
  let byObject = projected.get(projection);
  if (!byObject) projected.set(projection, (byObject = new WeakMap()));
  let byKey = byObject.get(object);
  if (!byKey) byObject.set(object, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compute());
  return byKey.get(key) as T;
}

function projectPath(projection: GeoProjection, object: Feature | Feature["geometry"], digits: number, minArea: number, tolerance: number): string {
  const ctx = new CompactPathContext(digits, minArea, tolerance);
  geoPath(projection as GeoStreamWrapper & GeoProjection, ctx).pointRadius(0)(object as Feature);
  return ctx.result();
}

class CompactPathContext {
  private out: string[] = [];
  private ring: [number, number][] = [];
  private readonly k: number;
  constructor(
    digits: number,
    private readonly minArea: number,
    private readonly tolerance: number,
  ) {
    this.k = 10 ** digits;
  }
  private round(v: number): number {
    return Math.round(v * this.k) / this.k;
  }
  moveTo(x: number, y: number) {
    this.flush();
    this.ring = [[this.round(x), this.round(y)]];
  }
  lineTo(x: number, y: number) {
    const p: [number, number] = [this.round(x), this.round(y)];
    const last = this.ring[this.ring.length - 1];
    // Radial-distance simplification: skip points closer than `tolerance` to the last kept one.
    if (!last || Math.hypot(last[0] - p[0], last[1] - p[1]) > this.tolerance) this.ring.push(p);
  }
  closePath() {
    this.flush(true);
  }
  arc() {}
  beginPath() {}
  private flush(closed = false) {
    const r = this.ring;
    this.ring = [];
    if (r.length < 2) return;
    if (closed) {
      if (r.length < 3) return;
      let a = 0;
      for (let i = 0; i < r.length; i++) {
        const [x1, y1] = r[i];
        const [x2, y2] = r[(i + 1) % r.length];
        a += x1 * y2 - x2 * y1;
      }
      if (Math.abs(a / 2) < this.minArea) return;
    }
    let s = `M${num(r[0][0])}${sep(r[0][1])}`;
    let first = true;
    for (let i = 1; i < r.length; i++) {
      const dx = this.round(r[i][0] - r[i - 1][0]);
      const dy = this.round(r[i][1] - r[i - 1][1]);
      s += `${first ? "l" : sep(dx)}${first ? num(dx) : ""}${sep(dy)}`;
      first = false;
    }
    this.out.push(closed ? `${s}z` : s);
  }
  result(): string {
    this.flush();
    return this.out.join("");
  }
}

function num(v: number): string {
  const s = String(Object.is(v, -0) ? 0 : v);
  return s.replace(/^(-?)0\./, "$1.");
}
/** A number preceded by the shortest separator: none before "-", a space otherwise. */
function sep(v: number): string {
  const s = num(v);
  return s.startsWith("-") ? s : ` ${s}`;
}
