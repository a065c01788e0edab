// The rows of both maps as one flat table, for "Download this view" (CSV and JSON).
import type { CountryRow } from "./europe-map";
import type { SiteRow } from "./ukraine-map";

export const MAP_COLUMNS = [
  "type",
  "slug",
  "name",
  "iso2",
  "participant",
  "first_recorded",
  "strongest_stage",
  "refusal_only",
  "commitments",
  "site_kind",
  "precision",
  "place",
  "outside_ukraine",
  "shown_as",
  "lead",
  "partners",
  "sources",
] as const;

export type MapDownloadRow = Record<(typeof MAP_COLUMNS)[number], string | number | boolean | null>;

/** Country rows (participants, then other actors with positions), then site rows. */
export function mapDownloadRows(countries: readonly CountryRow[], sites: readonly SiteRow[]): MapDownloadRow[] {
  const blank = { site_kind: null, precision: null, place: null, outside_ukraine: null, shown_as: null, lead: null, partners: null };
  return [
    ...countries.map((r) => ({
      type: "country",
      slug: r.actor.slug,
      name: r.actor.name,
      iso2: r.actor.iso2,
      participant: r.participant,
      first_recorded: r.firstRecorded ? r.firstRecorded.toISOString().slice(0, 10) : null,
      strongest_stage: r.stage,
      refusal_only: r.refusalOnly,
      commitments: r.commitments,
      ...blank,
      sources: r.sources.map((s) => s.url).join(" "),
    })),
    ...sites.map((s) => ({
      type: "site",
      slug: s.slug,
      name: s.name,
      iso2: s.countryIso2,
      participant: null,
      first_recorded: null,
      strongest_stage: null,
      refusal_only: null,
      commitments: null,
      site_kind: s.kind,
      precision: s.precision,
      place: s.place,
      outside_ukraine: s.outsideUkraine,
      shown_as: s.placement,
      lead: s.leads.join("; "),
      partners: s.partners.join("; "),
      sources: s.sources.map((x) => x.url).join(" "),
    })),
  ];
}
