// The two maps of /map, each defined once: the page, its embed (/embed/europe-map,
// /embed/ukraine-map), the SVG/PNG downloads and the CSV/JSON download all use these definitions.
import "server-only";
import {
  actorName,
  buildCountryRows,
  europeCounts,
  layoutEuropeMap,
  rowSummary,
  type MapCommitment,
  type MapParticipation,
} from "@/lib/charts/europe-map";
import { BORDER_POLICY, loadCountries } from "@/lib/charts/geo";
import { MAP_COLUMNS, mapDownloadRows } from "@/lib/charts/map-rows";
import { buildSiteRows, isOutsideUkraine, layoutUkraineMap, placeSite, type MapSite } from "@/lib/charts/ukraine-map";
import { perWidth } from "@/lib/charts/width";
import { getMapData } from "@/lib/db/map";
import { outletList } from "@/lib/embed/sources";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { SITE_KIND, STAGE } from "@/lib/i18n/labels";
import { EMBED } from "@/lib/i18n/messages/embed";
import { MAP, fill } from "@/lib/i18n/messages/map";
import { asOfDate } from "@/lib/schemas/search-params";
import { MapParams } from "@/lib/schemas/views/map";
import { defineChart } from "./define";

// Natural Earth 1:110m for Europe: at the map's design widths (≤ 560 px) the 1:50m detail is below a
// pixel for all but small islands, and it keeps page and embed within budget. The Ukraine map is
// zoomed in, where 1:110m is visibly coarse (Crimea, the Sea of Azov): 1:50m, clipped to its box.
const RESOLUTION = "110m";
const UKRAINE_RESOLUTION = "50m";
const T = EMBED.table;

/** Country names in a language (sites abroad are placed by their country). */
export function countryNames(lang: Lang): (iso2: string) => string {
  const names = new Intl.DisplayNames([lang], { type: "region" });
  return (iso2) => names.of(iso2) ?? iso2;
}

/** Both maps' data from one load (the /map page shows both; one query set, not two). */
export async function loadMaps(asOfParam: string | undefined): Promise<{ europe: EuropeData; ukraine: SitesData }> {
  const asOf = asOfDate(asOfParam);
  const d = await getMapData(asOf.end);
  return {
    europe: { asOf: asOf.iso, participations: d.participations, commitments: d.commitments },
    ukraine: { asOf: asOf.iso, sites: d.sites },
  };
}

type SitesData = { asOf: string; sites: MapSite[] };
type EuropeData = { asOf: string; participations: MapParticipation[]; commitments: MapCommitment[] };

/** The coalition map (/map): participants coloured by their strongest commitment on a date. */
export const europeMapChart = defineChart<MapParams, EuropeData>({
  id: "europe-map",
  schema: MapParams,
  viewPath: () => "/map",
  viewQuery: (p) => ({ asOf: p.asOf }),
  dataOptions: (p) => ({ asOf: p.asOf }),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    const d = await getMapData(asOf.end);
    return { ok: true, data: { asOf: asOf.iso, participations: d.participations, commitments: d.commitments } };
  },
  model(data, _p, { lang, origin }) {
    const asOf = asOfDate(data.asOf);
    const rows = buildCountryRows(data.participations, data.commitments, asOf.end);
    const features = loadCountries(RESOLUTION);
    const layouts = perWidth((w) => layoutEuropeMap(features, rows, w, lang));
    const beyond = layouts.wide.beyond;
    const dateLabel = formatDate(asOf.end, "DAY", lang);
    const code = (r: (typeof rows)[number]) => (r.actor.iso2 ? r.actor.iso2.toLowerCase() : r.actor.slug);
    return {
      title: MAP.europeTitle[lang],
      description: fill(EMBED.desc.europe[lang], { date: dateLabel, ...europeCounts(rows) }),
      spec: { kind: "europe-map", layouts, rows, dateLabel, href: (r) => `${origin}/countries/${code(r)}${lang === "uk" ? "?lang=uk" : ""}` },
      sizes: perWidth((w) => ({ width: layouts[w].w, height: layouts[w].h })),
      scope: "emw",
      // The key inside the map is the legend (names, counts, patterns).
      legend: [],
      notes: [
        ...(beyond.length ? [fill(EMBED.notes.beyond[lang], { list: beyond.map((r) => `${actorName(r.actor, lang)} (${rowSummary(r, lang)})`).join("; ") })] : []),
        MAP.refusalHatch[lang],
        BORDER_POLICY[lang],
      ],
      sources: rows.flatMap((r) => r.sources),
      table: {
        caption: MAP.tableTitle[lang],
        columns: [T.country[lang], T.participant[lang], T.stage[lang], T.commitments[lang], T.sources[lang]],
        rows: rows.map((r) => [
          actorName(r.actor, lang),
          r.participant ? T.yes[lang] : T.no[lang],
          r.stage ? STAGE[r.stage][lang] : "–",
          String(r.commitments),
          outletList(r.sources.map((s) => s.originalOutlet ?? s.outlet), 3, lang),
        ]),
      },
      csv: { columns: MAP_COLUMNS, rows: mapDownloadRows(rows, []) },
      filename: `europe-map-${asOf.iso}`,
      asOf: asOf.iso,
    };
  },
});


/** The sites map (/map?view=ukraine): announced sites only as precisely as announced. */
export const ukraineMapChart = defineChart<MapParams, SitesData>({
  id: "ukraine-map",
  schema: MapParams,
  viewPath: () => "/map",
  viewQuery: (p) => ({ view: "ukraine", asOf: p.asOf }),
  // Sites carry no valid-time date: the data does not depend on asOf.
  dataOptions: () => ({}),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    return { ok: true, data: { asOf: asOf.iso, sites: (await getMapData(asOf.end)).sites } };
  },
  model({ asOf, sites }, _p, { lang, origin }) {
    const features = loadCountries(UKRAINE_RESOLUTION);
    const names = countryNames(lang);
    const layouts = perWidth((w) => layoutUkraineMap(features, sites, w, lang, names));
    const inside = sites.filter((s) => !isOutsideUkraine(s));
    const outside = sites.filter(isOutsideUkraine);
    const listed = inside.filter((s) => placeSite(s).type === "listed");
    const siteRows = buildSiteRows(sites);
    const shown = (type: string) => (MAP.shownAs as Record<string, { en: string; uk: string }>)[type]?.[lang] ?? type;
    const q = lang === "uk" ? "?view=ukraine&lang=uk" : "?view=ukraine";
    return {
      title: MAP.ukraineTitle[lang],
      description: fill(EMBED.desc.ukraine[lang], {
        total: sites.length,
        city: layouts.wide.markers.reduce((n, m) => n + m.sites.length, 0),
        country: inside.filter((s) => placeSite(s).type === "country").length,
        listed: listed.length,
        outside: outside.length,
      }),
      spec: { kind: "ukraine-map", layouts, sites, href: (slug) => `${origin}/map${q}#site-${slug}` },
      sizes: perWidth((w) => ({ width: layouts[w].w, height: layouts[w].h })),
      scope: "umw",
      legend: [],
      notes: [
        ...(listed.length ? [fill(EMBED.notes.listed[lang], { list: outletList(listed.map((s) => s.name), 4, lang) })] : []),
        ...(outside.length ? [fill(EMBED.notes.outside[lang], { list: outletList(outside.map((s) => s.name), 4, lang) })] : []),
        BORDER_POLICY[lang],
      ],
      sources: sites.flatMap((s) => s.sources),
      table: {
        caption: MAP.sitesTable[lang],
        columns: [T.site[lang], T.kind[lang], T.place[lang], T.shown[lang], T.lead[lang], T.sources[lang]],
        rows: siteRows.map((s) => [
          s.name,
          SITE_KIND[s.kind][lang],
          s.place,
          s.outsideUkraine ? T.outside[lang] : shown(s.placement),
          s.leads.join(", "),
          outletList(s.sources.map((x) => x.originalOutlet ?? x.outlet), 3, lang),
        ]),
      },
      csv: { columns: MAP_COLUMNS, rows: mapDownloadRows([], siteRows) },
      filename: `ukraine-sites-${asOf}`,
      asOf,
    };
  },
});

