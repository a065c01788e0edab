// Ukraine map: announced sites drawn only as precisely as they were announced. Pure: site
// records → placements (city marker, whole country, listed only) → projected paths and markers.
//
// Safety rule (DESIGN.md): a site is never drawn finer than its published precision.
//   CITY        → a marker at the city centre from GAZETTEER (or listed if the city is not in it)
//   REGION      → listed beside the map (no regional geometry is loaded, so no invented point)
//   COUNTRY     → a statement and a pattern over the whole country, never a point
//   UNDISCLOSED → listed beside the map, never placed
import type { LocationPrecision, SiteActorRole, SiteKind } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { MAP } from "@/lib/i18n/messages/map";
import { compactPath, countryByIso2, type CountryFeature } from "./geo";
import { fitBox, type MapSource } from "./europe-map";
import type { Box, Geometry } from "./legibility";
import { fitText, hits, inside, mapText, r1, wrapPx, type MapText } from "./map-text";
import type { WidthClass } from "./width";

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

/** Fixed label anchors (lon, lat) for the Ukraine map; text comes from the messages. */
export const UKRAINE_LABELS: Record<string, [number, number]> = {
  ukraine: [31.4, 49.1],
  crimea: [34.3, 45.25],
  poland: [23.2, 51.6],
  belarus: [28.2, 52.4],
  russia: [38.8, 51.4],
  moldova: [28.5, 47.25],
  romania: [25.4, 46.3],
  blackSea: [32.2, 43.9],
};

export type PlacedMarker = { city: string; x: number; y: number; sites: string[]; labels: MapText[] };
export type SiteGroupKey = "city" | "country" | "region" | "undisclosed" | "outside";
export type SiteGroup = { key: SiteGroupKey; heading: MapText; swatch: Box; entries: (MapText & { slug: string })[]; more: MapText | null };
export type UkraineLayout = {
  width: WidthClass;
  w: number;
  h: number;
  map: Box;
  land: { iso2: string | null; d: string }[];
  /** Ukraine within its recognised borders, Crimea included. */
  ukraine: string;
  /** Ukraine is hatched: sites announced only for the whole country. */
  hatched: boolean;
  markers: PlacedMarker[];
  /** Sites announced only at country level, by country. */
  countryWide: Record<string, string[]>;
  labels: MapText[];
  groups: SiteGroup[];
  notes: MapText[];
};

const UCLASS = {
  narrow: { mapW: 320, listX: 0, listW: 320, below: true, max: 6 },
  medium: { mapW: 480, listX: 0, listW: 480, below: true, max: 8 },
  wide: { mapW: 560, listX: 584, listW: 296, below: false, max: 8 },
} as const;

/** "1 site" / "3 sites" (Ukrainian plural forms by Intl.PluralRules). */
export function siteCount(n: number, lang: Lang): string {
  const form = new Intl.PluralRules(lang === "uk" ? "uk" : "en").select(n);
  return lang === "uk" ? `${n} ${form === "one" ? "об’єкт" : form === "few" ? "об’єкти" : "об’єктів"}` : `${n} site${n === 1 ? "" : "s"}`;
}

/** A city's name in the interface language (from the gazetteer). */
export const cityName = (city: string, lang: Lang) => (lang === "uk" ? (GAZETTEER[city]?.uk ?? city) : city);

/** Which list group a site belongs to: how precisely it was announced, and whether it is in Ukraine. */
export function siteGroup(s: MapSite): SiteGroupKey {
  if (isOutsideUkraine(s)) return "outside";
  const p = placeSite(s);
  if (p.type === "city") return "city";
  if (p.type === "country") return "country";
  return s.precision === "UNDISCLOSED" ? "undisclosed" : "region";
}

/**
 * The sites map for a width class: Ukraine and its neighbours with city markers (never finer than
 * a city), the country hatched for country-level sites, names placed without overlap, and the list
 * of every site by how precisely it was announced, beside (wide) or below (medium, narrow). Pure.
 */
export function layoutUkraineMap(features: readonly CountryFeature[], sites: readonly MapSite[], width: WidthClass, lang: Lang, countryName: (iso2: string) => string = (x) => x): UkraineLayout {
  const c = UCLASS[width];
  const { projection, height: mapH } = fitBox({ west: 21.5, east: 40.8, south: 43.6, north: 52.8 }, c.mapW, [-31, -48.5]);
  const frame: Box = { x0: 0, y0: 0, x1: c.mapW, y1: mapH };
  const inUa = sites.filter((s) => !isOutsideUkraine(s));
  const countryWide: Record<string, string[]> = {};
  for (const s of sites) {
    const p = placeSite(s);
    if (p.type === "country") (countryWide[p.iso2] ??= []).push(s.slug);
  }
  const land = features
    .filter((f) => f.properties.iso2 !== "UA")
    .map((f) => ({ iso2: f.properties.iso2, d: compactPath(projection, f, 1, 0.6, 0.8) }))
    .filter((l) => l.d);
  const ua = countryByIso2(features, "UA");
  const occupied: Box[] = [];

  // The border statement sits on the map, bottom left (the sea), so it is read with the map.
  const noteSize = 11;
  const noteLines = wrapPx(MAP.bordersShort[lang], Math.min(c.mapW - 8, 300), noteSize);
  const labels: MapText[] = noteLines.map((line, i) => mapText(line, 4, mapH - 6 - (noteLines.length - 1 - i) * 14, noteSize, "t m"));
  occupied.push(...labels);

  // City markers first: they carry data; their names take the first free side.
  const markers = new Map<string, PlacedMarker>();
  for (const s of inUa) {
    const p = placeSite(s);
    if (p.type !== "city") continue;
    const xy = projection([p.lon, p.lat]);
    if (!xy || !inside({ x0: xy[0], y0: xy[1], x1: xy[0], y1: xy[1] }, frame)) continue;
    const m = markers.get(p.city) ?? { city: p.city, x: r1(xy[0]), y: r1(xy[1]), sites: [], labels: [] };
    m.sites.push(s.slug);
    markers.set(p.city, m);
  }
  const placedMarkers = [...markers.values()].sort((a, b) => a.city.localeCompare(b.city));
  for (const m of placedMarkers) occupied.push({ x0: m.x - 6, y0: m.y - 6, x1: m.x + 6, y1: m.y + 6 });
  for (const m of placedMarkers) {
    const name = cityName(m.city, lang);
    const count = siteCount(m.sites.length, lang);
    const sides: [number, number, MapText["anchor"]][] = [
      [m.x + 9, m.y - 2, "start"],
      [m.x - 9, m.y - 2, "end"],
      [m.x, m.y - 24, "middle"],
      [m.x, m.y + 20, "middle"],
    ];
    for (const [x, y, anchor] of sides) {
      const a = mapText(name, x, y, 12, "t b", anchor, true);
      const b = mapText(count, x, y + 14, 11, "t m", anchor);
      if ([a, b].every((t) => inside(t, frame) && !occupied.some((o) => hits(o, t, 1)))) {
        m.labels = [a, b];
        occupied.push(a, b);
        break;
      }
    }
  }

  // Place names: dropped where they would cover a marker, a city name or the note.
  const names = MAP.names as Record<string, { en: string; uk: string }>;
  for (const [key, lonlat] of Object.entries(UKRAINE_LABELS)) {
    const xy = projection(lonlat);
    if (!xy) continue;
    const cls = key === "ukraine" ? "t c" : key === "crimea" || key === "blackSea" ? "t m i" : "t m";
    const t = mapText(names[key][lang], xy[0], xy[1], key === "ukraine" ? 13 : 11, cls, "middle", key === "ukraine");
    if (!inside(t, frame) || occupied.some((o) => hits(o, t, 2))) continue;
    labels.push(t);
    occupied.push(t);
  }

  // The list: every site, grouped by how precisely it was announced.
  const groups: SiteGroup[] = [];
  let y = c.below ? mapH + 14 : 4;
  const order: SiteGroupKey[] = ["city", "country", "region", "undisclosed", "outside"];
  const heads = MAP.siteGroups as Record<SiteGroupKey, { en: string; uk: string }>;
  for (const key of order) {
    const members = sites.filter((s) => siteGroup(s) === key).sort((a, b) => a.name.localeCompare(b.name));
    if (!members.length) continue;
    const swatch = { x0: c.listX, y0: y + 3, x1: c.listX + 16, y1: y + 15 };
    const label = `${heads[key][lang]} · ${members.length}`;
    const heading = mapText(fitText(label, c.listW - 24, 12, true), c.listX + 24, y + 13, 12, "kh", "start", true, label);
    y += 22;
    const shown = members.length > c.max ? members.slice(0, c.max - 1) : members;
    // Each site on up to two lines (the whole text in a <title> when shortened).
    const entries: SiteGroup["entries"] = [];
    for (const s of shown) {
      const place = placeIn(s, lang, countryName);
      const full = place ? `${s.name} — ${place}` : s.name;
      const lines = wrapPx(full, c.listW - 24, 12);
      const two = lines.length > 2 ? [lines[0], fitText(lines.slice(1).join(" "), c.listW - 24, 12)] : lines;
      two.forEach((line, k) => {
        entries.push({ ...mapText(line, c.listX + 24 + (k ? 8 : 0), y + 13 + k * 16, 12, k ? "ke k" : "ke", "start", false, k === 0 ? full : undefined), slug: s.slug });
      });
      y += 16 * two.length + 3;
    }
    let more: MapText | null = null;
    if (shown.length < members.length) {
      more = mapText(fitText(`+ ${members.length - shown.length} ${MAP.moreInTable[lang]}`, c.listW - 24, 12), c.listX + 24, y + 13, 12, "kc");
      y += 18;
    }
    groups.push({ key, heading, swatch, entries, more });
    y += 8;
  }
  const notes: MapText[] = [];
  if (!sites.length) {
    notes.push(mapText(MAP.noSites[lang], c.listX, y + 13, 12, "ke"));
    y += 20;
  }
  for (const line of wrapPx(MAP.sitesNoDate[lang], c.listW, 11)) {
    notes.push(mapText(line, c.listX, y + 11, 11, "nt"));
    y += 15;
  }
  return {
    width,
    w: c.below ? c.mapW : c.listX + c.listW,
    h: Math.ceil(Math.max(mapH, y) + 4),
    map: frame,
    land,
    ukraine: ua ? compactPath(projection, ua, 1, 0.6, 0.8) : "",
    hatched: (countryWide.UA?.length ?? 0) > 0,
    markers: placedMarkers,
    countryWide,
    labels,
    groups,
    notes,
  };
}

/** Where a site is, in words, as precisely as announced: "Kyiv", "Kharkiv region", "Poland". */
function placeIn(s: MapSite, lang: Lang, countryName: (iso2: string) => string): string {
  const country = s.countryIso2 ? countryName(s.countryIso2) : "";
  if (s.precision === "UNDISCLOSED") return MAP.undisclosedPlace[lang];
  if (s.precision === "CITY") return [s.city ? cityName(s.city, lang) : null, isOutsideUkraine(s) ? country : null].filter(Boolean).join(", ");
  if (s.precision === "REGION") return [s.region, isOutsideUkraine(s) ? country : null].filter(Boolean).join(", ");
  return isOutsideUkraine(s) ? country : "";
}

/** Everything a layout draws, for the legibility rules (tests/unit/maps.test.ts). */
export function ukraineGeometry(l: UkraineLayout): Geometry {
  const texts = [...l.labels, ...l.markers.flatMap((m) => m.labels), ...l.groups.flatMap((g) => [g.heading, ...g.entries, ...(g.more ? [g.more] : [])]), ...l.notes];
  return { width: l.w, height: l.h, texts, marks: [l.map, ...l.groups.map((g) => g.swatch)] };
}
