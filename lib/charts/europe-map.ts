// Europe-and-partners map: coalition participants coloured by the strongest stage any of their
// commitments had reached on the as-of date. Pure (no React, no database): records → rows →
// projected paths, fills and label positions.
import { geoAzimuthalEqualArea, geoContains, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { ActorGroup, ActorKind, CommitmentKind, LifecycleStage, ParticipationRole } from "@/lib/generated/prisma/enums";
import { STAGE_ORDER, stageAsOf, type DatedStage } from "@/lib/lifecycle";
import { compactPath, memoProjected, type CountryFeature } from "./geo";

export type MapSource = { url: string; outlet: string; originalOutlet: string | null };
export type MapActor = { slug: string; iso2: string | null; name: string; nameUk: string | null; kind: ActorKind; groups: ActorGroup[] };
export type MapParticipation = { actor: MapActor; role: ParticipationRole; firstRecorded: Date; sources: MapSource[] };
export type MapCommitment = { slug: string; kind: CommitmentKind; actor: MapActor; stages: DatedStage[]; sources: MapSource[] };

/** How a country is filled: a lifecycle stage, or a participant with no commitment recorded yet. */
export type MapFill = LifecycleStage | "PARTICIPANT";

export type CountryRow = {
  actor: MapActor;
  participant: boolean;
  role: ParticipationRole | null;
  firstRecorded: Date | null;
  /** Strongest stage on the date: the strongest positive stage, else ruled out / withdrawn. */
  stage: LifecycleStage | null;
  fill: MapFill;
  /** Every live commitment is a refusal or was ruled out / withdrawn. */
  refusalOnly: boolean;
  /** At least one refusal beside positive commitments (e.g. no troops, but monitoring floated). */
  alsoRefused: boolean;
  commitments: number;
  commitmentSlugs: string[];
  /** Sources of participation and of the commitments that set the stage, each URL once. */
  sources: MapSource[];
};

const REFUSAL_STAGES: readonly LifecycleStage[] = ["RULED_OUT", "WITHDRAWN"];
const rank = (s: LifecycleStage) => STAGE_ORDER.indexOf(s);

/** The strongest of a set of stages: positive stages beat refusals; refusals only if nothing else. */
export function strongestStage(stages: readonly LifecycleStage[]): { stage: LifecycleStage | null; refusalOnly: boolean; alsoRefused: boolean } {
  const positive = stages.filter((s) => !REFUSAL_STAGES.includes(s));
  const refusals = stages.filter((s) => REFUSAL_STAGES.includes(s));
  if (positive.length) {
    return { stage: positive.reduce((a, b) => (rank(b) > rank(a) ? b : a)), refusalOnly: false, alsoRefused: refusals.length > 0 };
  }
  if (refusals.length) return { stage: refusals.includes("RULED_OUT") ? "RULED_OUT" : "WITHDRAWN", refusalOnly: true, alsoRefused: false };
  return { stage: null, refusalOnly: false, alsoRefused: false };
}

/**
 * One row per coalition participant recorded by `asOf` (participants first, by name), plus the
 * actors with live commitments who are not recorded participants (`participant: false`).
 * Commitments count when a stage is dated on or before `asOf`.
 */
export function buildCountryRows(participations: readonly MapParticipation[], commitments: readonly MapCommitment[], asOf: Date): CountryRow[] {
  const byActor = new Map<string, { actor: MapActor; live: { slug: string; stage: LifecycleStage; sources: MapSource[] }[] }>();
  for (const c of commitments) {
    const stage = stageAsOf(c.stages, asOf);
    if (!stage) continue;
    const entry = byActor.get(c.actor.slug) ?? { actor: c.actor, live: [] };
    entry.live.push({ slug: c.slug, stage, sources: c.sources });
    byActor.set(c.actor.slug, entry);
  }
  const participants = new Map<string, MapParticipation>();
  for (const p of participations) {
    if (p.firstRecorded.getTime() > asOf.getTime()) continue;
    const prev = participants.get(p.actor.slug);
    if (!prev || p.firstRecorded < prev.firstRecorded) participants.set(p.actor.slug, p);
  }
  const row = (actor: MapActor, p: MapParticipation | undefined): CountryRow => {
    const live = byActor.get(actor.slug)?.live ?? [];
    const s = strongestStage(live.map((l) => l.stage));
    const setting = live.filter((l) => l.stage === s.stage);
    return {
      actor,
      participant: p !== undefined,
      role: p?.role ?? null,
      firstRecorded: p?.firstRecorded ?? null,
      stage: s.stage,
      fill: s.stage ?? "PARTICIPANT",
      refusalOnly: s.refusalOnly,
      alsoRefused: s.alsoRefused,
      commitments: live.length,
      commitmentSlugs: live.map((l) => l.slug).sort(),
      sources: dedupe([...(p?.sources ?? []), ...setting.flatMap((l) => l.sources)]),
    };
  };
  const byName = (a: CountryRow, b: CountryRow) => a.actor.name.localeCompare(b.actor.name);
  const inRows = [...participants.values()].map((p) => row(p.actor, p)).sort(byName);
  const outRows = [...byActor.values()]
    .filter((e) => !participants.has(e.actor.slug))
    .map((e) => row(e.actor, undefined))
    .sort(byName);
  return [...inRows, ...outRows];
}

function dedupe(xs: MapSource[]): MapSource[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.url) ? false : (seen.add(x.url), true)));
}

// ---------------------------------------------------------------- layout

export type PlacedCountry = {
  iso2: string | null;
  d: string;
  /** The row drawn in this country (participants only). */
  row: CountryRow | null;
  /** Label anchor at the centre of the largest visible polygon, when there is room for a name. */
  label: { x: number; y: number } | null;
};
export type PlacedEuropeMap = {
  width: number;
  height: number;
  countries: PlacedCountry[];
  /** Participants that cannot be drawn on this projection (organisations, far-away countries). */
  beyond: CountryRow[];
  /** Fills present on the map, in legend order. */
  fills: MapFill[];
};

/** Europe as drawn: 12°W–44°E, 34°N–71°N (Iceland to the Caucasus, the Maghreb coast to the North Cape). */
export const EUROPE_BOUNDS = { west: -12, east: 44, south: 34, north: 71 };

/** Legend order of fills: no commitment recorded, then the lifecycle scale. */
export const FILL_ORDER: readonly MapFill[] = ["PARTICIPANT", ...STAGE_ORDER];

function boundsOutline(b: typeof EUROPE_BOUNDS): Feature<Polygon> {
  const ring: [number, number][] = [];
  for (let x = b.west; x <= b.east; x += 2) ring.push([x, b.south]);
  for (let y = b.south; y <= b.north; y += 2) ring.push([b.east, y]);
  for (let x = b.east; x >= b.west; x -= 2) ring.push([x, b.north]);
  for (let y = b.north; y >= b.south; y -= 2) ring.push([b.west, y]);
  ring.push(ring[0]);
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring.reverse()] } };
}

const fitted = new Map<string, { projection: GeoProjection; height: number }>();

/**
 * A projection fitted to a lon/lat box at a width; returns it with the height it needs. The same
 * arguments return the same projection object (never modify it), so the projected paths of a map
 * are computed once per process (compactPath memoises by projection and feature).
 */
export function fitBox(bounds: typeof EUROPE_BOUNDS, width: number, rotate: [number, number]) {
  const key = JSON.stringify([bounds, width, rotate]);
  let f = fitted.get(key);
  if (!f) {
    f = fitProjection(bounds, width, rotate);
    if (fitted.size > 100) fitted.clear();
    fitted.set(key, f);
  }
  return f;
}

function fitProjection(bounds: typeof EUROPE_BOUNDS, width: number, rotate: [number, number]) {
  const outline = boundsOutline(bounds);
  const projection = geoAzimuthalEqualArea().rotate(rotate).fitWidth(width, outline);
  const [[, y0], [, y1]] = geoPath(projection).bounds(outline);
  const height = Math.ceil(y1 - y0);
  projection.fitSize([width, height], outline).clipExtent([
    [0, 0],
    [width, height],
  ]);
  return { projection, height };
}

/** Projects the countries and places participants; `minLabelArea` (px²) decides which get a name. */
export function placeEuropeMap(
  features: readonly CountryFeature[],
  rows: readonly CountryRow[],
  { width = 640, minLabelArea = 900, tolerance = 1.5 }: { width?: number; minLabelArea?: number; tolerance?: number } = {},
): PlacedEuropeMap {
  const { projection, height } = fitBox(EUROPE_BOUNDS, width, [-16, -53]);
  const path = geoPath(projection);
  const participants = rows.filter((r) => r.participant);
  const byIso = new Map(participants.filter((r) => r.actor.iso2).map((r) => [r.actor.iso2!, r]));
  const drawn = new Set<string>();
  const countries: PlacedCountry[] = [];
  for (const f of features) {
    const d = compactPath(projection, f, 1, 0.6, tolerance);
    if (!d) continue;
    const iso2 = f.properties.iso2;
    const row = iso2 ? (byIso.get(iso2) ?? null) : null;
    const chars = row ? Math.max(row.actor.name.length, row.actor.nameUk?.length ?? 0) : 0;
    const label = row
      ? memoProjected(projection, f, `label|${minLabelArea}|${chars}`, () => labelPoint(f, path, projection, minLabelArea, chars * 5.6, width, height))
      : null;
    // A participant counts as drawn when enough of it is visible to see and to point at.
    if (row && iso2 && memoProjected(projection, f, "area", () => path.area(f)) > 20) drawn.add(iso2);
    countries.push({ iso2, d, row: row && drawn.has(iso2!) ? row : null, label });
  }
  // Participants last so that their borders and focus rings sit above blank neighbours.
  countries.sort((a, b) => Number(a.row !== null) - Number(b.row !== null));
  const beyond = participants.filter((r) => !r.actor.iso2 || !drawn.has(r.actor.iso2));
  const present = new Set(countries.flatMap((c) => (c.row ? [c.row.fill] : [])));
  return { width, height, countries, beyond, fills: FILL_ORDER.filter((f) => present.has(f)) };
}

/**
 * Where a country's name fits: the centroid of its largest polygon, if the polygon is big enough
 * and a box of the text's estimated width (10 px high) around it lies inside the country.
 */
function labelPoint(
  f: CountryFeature,
  path: ReturnType<typeof geoPath>,
  projection: GeoProjection,
  minArea: number,
  textWidth: number,
  width: number,
  height: number,
) {
  const polys: Polygon["coordinates"][] = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : (f.geometry as MultiPolygon).coordinates;
  let best: { area: number; c: [number, number] } | null = null;
  for (const coordinates of polys) {
    const g: Polygon = { type: "Polygon", coordinates };
    const area = path.area(g);
    if (!best || area > best.area) best = { area, c: path.centroid(g) };
  }
  if (!best || best.area < minArea) return null;
  const [x, y] = best.c;
  const w = textWidth / 2;
  if (!(x - w > 0 && x + w < width && y > 10 && y < height - 10)) return null;
  const probes: [number, number][] = [[x, y], [x - w, y - 5], [x + w, y - 5], [x - w, y + 5], [x + w, y + 5]];
  const fits = probes.every((p) => {
    const lonlat = projection.invert?.(p);
    return lonlat ? geoContains(f, lonlat) : false;
  });
  return fits ? { x: Math.round(x), y: Math.round(y) } : null;
}
