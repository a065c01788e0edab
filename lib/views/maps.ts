import "server-only";
import { actorName, fillClass, fillLabel, rowSummary } from "@/components/charts/europe-map";
import { buildCountryRows, placeEuropeMap, type MapCommitment, type MapParticipation } from "@/lib/charts/europe-map";
import { BORDER_POLICY, loadCountries } from "@/lib/charts/geo";
import { MAP_COLUMNS, mapDownloadRows } from "@/lib/charts/map-rows";
import { buildSiteRows, isOutsideUkraine, placeSite, placeUkraineMap, type MapSite } from "@/lib/charts/ukraine-map";
import { getMapData } from "@/lib/db/map";
import { formatDate } from "@/lib/format";
import { SITE_KIND, STAGE } from "@/lib/i18n/labels";
import { EMBED } from "@/lib/i18n/messages/embed";
import { MAP, fill } from "@/lib/i18n/messages/map";
import { asOfDate } from "@/lib/schemas/search-params";
import { MapParams } from "@/lib/schemas/views/map";
import { perWidth } from "@/lib/charts/width";
import { defineChart } from "./define";
import { outletList } from "@/lib/embed/sources";

// Natural Earth 1:110m keeps the map within the embed budget (the page draws 1:50m); at the
// embed's size the difference is below a pixel for all but the smallest islands.
const RESOLUTION = "110m";
const STRONG = new Set(["FORMALISED", "PARLIAMENT_APPROVED", "DEPLOYED"]);
const T = EMBED.table;

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
    const placed = placeEuropeMap(loadCountries(RESOLUTION), rows, { width: 640 });
    const participants = rows.filter((r) => r.participant);
    const dateLabel = formatDate(asOf.end, "DAY", lang);
    const code = (r: (typeof rows)[number]) => (r.actor.iso2 ? r.actor.iso2.toLowerCase() : r.actor.slug);
    return {
      title: MAP.europeTitle[lang],
      description: fill(EMBED.desc.europe[lang], {
        date: dateLabel,
        n: participants.length,
        strong: participants.filter((r) => r.stage && STRONG.has(r.stage)).length,
        none: participants.filter((r) => r.fill === "PARTICIPANT").length,
      }),
      spec: { kind: "europe-map", placed, rows, dateLabel, href: (r) => `${origin}/countries/${code(r)}${lang === "uk" ? "?lang=uk" : ""}` },
      sizes: perWidth(() => ({ width: placed.width, height: placed.height })),
      scope: "em",
      legend: [
        ...placed.fills.map((f) => ({ label: fillLabel(f, lang), swatch: { shape: "rect" as const, className: fillClass(f, f === "RULED_OUT" || f === "WITHDRAWN") } })),
        { label: MAP.notParticipant[lang], swatch: { shape: "rect", className: "bg" } },
      ],
      notes: [
        ...(placed.beyond.length ? [fill(EMBED.notes.beyond[lang], { list: placed.beyond.map((r) => `${actorName(r.actor, lang)} (${rowSummary(r, lang)})`).join("; ") })] : []),
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
          r.sources.map((s) => s.originalOutlet ?? s.outlet).join("; "),
        ]),
      },
      csv: { columns: MAP_COLUMNS, rows: mapDownloadRows(rows, []) },
      filename: `europe-map-${asOf.iso}`,
      asOf: asOf.iso,
    };
  },
});

type SitesData = { asOf: string; sites: MapSite[] };

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
  model({ asOf, sites }, _p, { lang }) {
    const placed = placeUkraineMap(loadCountries(RESOLUTION), sites, { width: 640 });
    const inside = sites.filter((s) => !isOutsideUkraine(s));
    const outside = sites.filter(isOutsideUkraine);
    const listed = inside.filter((s) => placeSite(s).type === "listed");
    const siteRows = buildSiteRows(sites);
    const shown = (type: string) => (MAP.shownAs as Record<string, { en: string; uk: string }>)[type]?.[lang] ?? type;
    return {
      title: MAP.ukraineTitle[lang],
      description: fill(EMBED.desc.ukraine[lang], {
        total: sites.length,
        city: placed.markers.reduce((n, m) => n + m.sites.length, 0),
        country: inside.filter((s) => placeSite(s).type === "country").length,
        listed: listed.length,
        outside: outside.length,
      }),
      spec: { kind: "ukraine-map", placed },
      sizes: perWidth(() => ({ width: placed.width, height: placed.height })),
      scope: "um",
      legend: [
        { label: MAP.cityMarker[lang], swatch: { shape: "circle", className: "mk" } },
        { label: MAP.countryHatch[lang], swatch: { shape: "rect", fill: "url(#um-hatch)", stroke: "var(--rule)" } },
      ],
      notes: [
        ...(listed.length ? [fill(EMBED.notes.listed[lang], { list: outletList(listed.map((s) => s.name), 4, lang) })] : []),
        ...(outside.length ? [fill(EMBED.notes.outside[lang], { list: outletList(outside.map((s) => s.name), 4, lang) })] : []),
        MAP.sitesNoDate[lang],
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
          s.sources.map((x) => x.originalOutlet ?? x.outlet).join("; "),
        ]),
      },
      csv: { columns: MAP_COLUMNS, rows: mapDownloadRows([], siteRows) },
      filename: `ukraine-sites-${asOf}`,
      asOf,
    };
  },
});
