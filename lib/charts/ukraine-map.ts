// Ukraine map: announced sites drawn only as precisely as they were announced. Pure: site
// records → placements (city marker, whole country, listed only) → projected paths and markers.
//
// Safety rule (DESIGN.md): a site is never drawn finer than its published precision.
//   CITY        → a marker at the city centre from GAZETTEER (or listed if the city is not in it)
//   REGION      → listed beside the map (no regional geometry is loaded, so no invented point)
//   COUNTRY     → a statement and a pattern over the whole country, never a point
//   UNDISCLOSED → listed beside the map, never placed
import { geoPath } from "d3-geo";
import type { LocationPrecision, SiteActorRole, SiteKind } from "@/lib/generated/prisma/enums";
import { compactPath, countryByIso2, type CountryFeature } from "./geo";
import { fitBox, type MapSource } from "./europe-map";

/**
 * Public city-centre coordinates, rounded to 2 decimals (about 1 km), for the cities named in
 * published sites only. A city-centre point is the whole precision of a CITY site; it says
 * nothing about where in the city a site is. Add a city here when a published site names it.
 */
export const GAZETTEER: Record<string, { lat: number; lon: number; iso2: string; uk: string }> = {
  Kyiv: { lat: 50.45, lon: 30.52, iso2: "UA", uk: "Київ" },
  Paris: { lat: 48.86, lon: 2.35, iso2: "FR", uk: "Париж" },
  Tapa: { lat: 59.26, lon: 25.96, iso2: "EE", uk: "Тапа" },
};

export type SiteActorRef = { slug: string; iso2: string | null; name: string; nameUk: string | null; role: SiteActorRole };
export type MapSite = {
  slug: string;
  kind: SiteKind;
  name: string;
  description: string | null;
  precision: LocationPrecision;
  countryIso2: string | null;
  region: string | null;
  city: string | null;
  isContext: boolean;
  commitmentSlug: string | null;
  actors: SiteActorRef[];
  sources: MapSource[];
};

export type Placement =
  | { type: "city"; city: string; lon: number; lat: number }
  | { type: "country"; iso2: string }
  | { type: "listed"; reason: "undisclosed" | "region" | "city-not-in-gazetteer" | "no-country" };

/** Where (and whether) a site may be drawn, from its published precision alone. */
export function placeSite(site: Pick<MapSite, "precision" | "countryIso2" | "region" | "city">): Placement {
  switch (site.precision) {
    case "UNDISCLOSED":
      return { type: "listed", reason: "undisclosed" };
    case "REGION":
      return { type: "listed", reason: "region" };
    case "COUNTRY":
      return site.countryIso2 ? { type: "country", iso2: site.countryIso2 } : { type: "listed", reason: "no-country" };
    case "CITY": {
      const g = site.city ? GAZETTEER[site.city] : undefined;
      // The gazetteer entry must be in the site's country, or the point would be wrong.
      if (!g || (site.countryIso2 && g.iso2 !== site.countryIso2)) return { type: "listed", reason: "city-not-in-gazetteer" };
      return { type: "city", city: site.city!, lon: g.lon, lat: g.lat };
    }
  }
}

/** Sites outside Ukraine (or flagged as context) are context, drawn apart and marked so. */
export function isOutsideUkraine(site: Pick<MapSite, "countryIso2" | "isContext">): boolean {
  return site.isContext || (site.countryIso2 !== null && site.countryIso2 !== "UA");
}

export type SiteRow = {
  slug: string;
  name: string;
  kind: SiteKind;
  precision: LocationPrecision;
  place: string;
  countryIso2: string | null;
  outsideUkraine: boolean;
  placement: Placement["type"];
  leads: string[];
  partners: string[];
  sources: MapSource[];
};

/** The place as announced, in words: "Kyiv, UA", "Kharkiv region, UA", "UA", "undisclosed". */
export function placeText(site: Pick<MapSite, "precision" | "countryIso2" | "region" | "city">): string {
  const c = site.countryIso2 ?? "";
  if (site.precision === "UNDISCLOSED") return "undisclosed";
  if (site.precision === "CITY") return [site.city, c].filter(Boolean).join(", ");
  if (site.precision === "REGION") return [site.region, c].filter(Boolean).join(", ");
  return c;
}

/** Rows for the table and the download: sites in Ukraine first, then context sites, by name. */
export function buildSiteRows(sites: readonly MapSite[]): SiteRow[] {
  return sites
    .map((s) => ({
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      precision: s.precision,
      place: placeText(s),
      countryIso2: s.countryIso2,
      outsideUkraine: isOutsideUkraine(s),
      placement: placeSite(s).type,
      leads: s.actors.filter((a) => a.role === "LEAD").map((a) => a.name),
      partners: s.actors.filter((a) => a.role === "PARTNER").map((a) => a.name),
      sources: s.sources,
    }))
    .sort((a, b) => Number(a.outsideUkraine) - Number(b.outsideUkraine) || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------- layout

export type PlacedMarker = { city: string; x: number; y: number; anchor: "start" | "end"; sites: string[] };
export type PlacedLand = { iso2: string | null; d: string; hatched: boolean };
export type PlacedSiteMap = {
  width: number;
  height: number;
  land: PlacedLand[];
  /** The outline of Ukraine (with Crimea), drawn on top. */
  ukraine: string;
  markers: PlacedMarker[];
  /** Sites announced only at country level, by country. */
  countryWide: Record<string, string[]>;
  /** Label positions for place names given as lon/lat anchors. */
  labels: { key: string; x: number; y: number }[];
};

/** Fixed label anchors (lon, lat) for the Ukraine panel; text comes from the messages. */
export const UKRAINE_LABELS: Record<string, [number, number]> = {
  ukraine: [31.4, 49.1],
  crimea: [34.3, 45.25],
  poland: [22.6, 51.6],
  belarus: [28.2, 52.4],
  russia: [38.8, 51.4],
  moldova: [28.5, 47.25],
  romania: [25.4, 46.3],
  blackSea: [32.2, 43.6],
};

function placeMarkers(
  sites: readonly MapSite[],
  project: (p: [number, number]) => [number, number] | null,
  width: number,
  height: number,
): { markers: PlacedMarker[]; countryWide: Record<string, string[]> } {
  const markers = new Map<string, PlacedMarker>();
  const countryWide: Record<string, string[]> = {};
  for (const s of sites) {
    const p = placeSite(s);
    if (p.type === "country") (countryWide[p.iso2] ??= []).push(s.slug);
    if (p.type !== "city") continue;
    const xy = project([p.lon, p.lat]);
    if (!xy || xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height) continue;
    const m = markers.get(p.city) ?? { city: p.city, x: round1(xy[0]), y: round1(xy[1]), anchor: xy[0] > width * 0.7 ? "end" : "start", sites: [] };
    m.sites.push(s.slug);
    markers.set(p.city, m);
  }
  return { markers: [...markers.values()].sort((a, b) => a.city.localeCompare(b.city)), countryWide };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function project(projection: ReturnType<typeof fitBox>["projection"]) {
  return (p: [number, number]) => projection(p) as [number, number] | null;
}

/** The Ukraine panel: Ukraine and its neighbours, city markers for sites in Ukraine. */
export function placeUkraineMap(features: readonly CountryFeature[], sites: readonly MapSite[], { width = 640 } = {}): PlacedSiteMap {
  const { projection, height } = fitBox({ west: 21.5, east: 40.8, south: 43.6, north: 52.8 }, width, [-31, -48.5]);
  const inside = sites.filter((s) => !isOutsideUkraine(s));
  const { markers, countryWide } = placeMarkers(inside, project(projection), width, height);
  const land = features
    .map((f) => ({ iso2: f.properties.iso2, d: compactPath(projection, f, 1, 0.6, 0.8), hatched: false }))
    .filter((l) => l.d && l.iso2 !== "UA");
  const ua = countryByIso2(features, "UA");
  const labels = Object.entries(UKRAINE_LABELS).flatMap(([key, lonlat]) => {
    const xy = projection(lonlat);
    return xy ? [{ key, x: Math.round(xy[0]), y: Math.round(xy[1]) }] : [];
  });
  return { width, height, land, ukraine: ua ? compactPath(projection, ua, 1, 0.6, 0.8) : "", markers, countryWide, labels };
}

/** The context panel: Europe from the Bay of Biscay to the Donbas, with sites outside Ukraine. */
export function placeContextMap(features: readonly CountryFeature[], sites: readonly MapSite[], { width = 360 } = {}): PlacedSiteMap {
  const { projection, height } = fitBox({ west: -5, east: 41, south: 43, north: 61 }, width, [-18, -52]);
  const context = sites.filter(isOutsideUkraine);
  const { markers, countryWide } = placeMarkers(context, project(projection), width, height);
  const land = features
    .map((f) => ({ iso2: f.properties.iso2, d: compactPath(projection, f, 1, 1.5), hatched: f.properties.iso2 !== null && f.properties.iso2 in countryWide }))
    .filter((l) => l.d && l.iso2 !== "UA");
  const ua = countryByIso2(features, "UA");
  const path = geoPath(projection);
  // Country-level context sites get their country's name at its visual centre.
  const labels = Object.keys(countryWide).flatMap((iso2) => {
    const f = countryByIso2(features, iso2);
    if (!f) return [];
    const [x, y] = path.centroid(f);
    return Number.isFinite(x) ? [{ key: iso2, x: Math.round(x), y: Math.round(y) }] : [];
  });
  return { width, height, land, ukraine: ua ? compactPath(projection, ua, 1, 1.5) : "", markers, countryWide, labels };
}
