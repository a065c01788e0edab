// Europe-and-partners map: coalition participants coloured by the strongest stage any of their
// commitments had reached on the as-of date. Pure (no React, no database): records → rows →
// projected paths, fills and label positions.
import { geoAzimuthalEqualArea, geoContains, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import type { ActorGroup, ActorKind, CommitmentKind, LifecycleStage, ParticipationRole } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { STAGE } from "@/lib/i18n/labels";
import { MAP } from "@/lib/i18n/messages/map";
import { measure } from "@/lib/embed/layout/measure";
import { STAGE_ORDER, stageAsOf, type DatedStage } from "@/lib/lifecycle";
import { compactPath, memoProjected, type CountryFeature } from "./geo";
import type { Box, Geometry } from "./legibility";
import { fitText, hits, inside, mapText, wrapPx, type MapText } from "./map-text";
import type { WidthClass } from "./width";

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

// ---------------------------------------------------------------- wording

/** Display name in the interface language (actor names may carry a Ukrainian form). */
export function actorName(a: { name: string; nameUk: string | null }, lang: Lang): string {
  return lang === "uk" && a.nameUk ? a.nameUk : a.name;
}

/** "1 commitment" / "5 commitments" (Ukrainian plural forms by Intl.PluralRules). */
export function commitmentCount(n: number, lang: Lang): string {
  const form = new Intl.PluralRules(lang === "uk" ? "uk" : "en").select(n);
  const word = lang === "uk" ? (form === "one" ? "зобов’язання" : form === "few" ? "зобов’язання" : "зобов’язань") : form === "one" ? "commitment" : "commitments";
  return `${n} ${word}`;
}

/** "formalised (signed), 5 commitments" / "participant, no commitment recorded". */
export function rowSummary(r: CountryRow, lang: Lang): string {
  if (!r.stage) return MAP.noCommitment[lang];
  const st = STAGE[r.stage][lang];
  return `${st.charAt(0).toLowerCase()}${st.slice(1)}, ${commitmentCount(r.commitments, lang)}${r.alsoRefused ? `; ${MAP.alsoRefused[lang]}` : ""}`;
}

/** Legend label of a fill. */
export function fillLabel(f: MapFill, lang: Lang): string {
  return f === "PARTICIPANT" ? MAP.participantNone[lang] : STAGE[f][lang];
}

/** Style class of a fill (components/charts/europe-map.tsx colours it): stage index, none, refusals. */
export function fillClass(f: MapFill): string {
  if (f === "PARTICIPANT") return "fn";
  if (f === "RULED_OUT") return "fr";
  if (f === "WITHDRAWN") return "fw";
  return `f${STAGE_ORDER.indexOf(f)}`;
}

// ---------------------------------------------------------------- projection

/** A lon/lat box. */
export type LonLatBox = { west: number; east: number; south: number; north: number };

/** The part of Europe always shown (an empty map still shows the continent). */
export const EUROPE_CORE: LonLatBox = { west: -10, east: 32, south: 35, north: 60 };
/** The farthest the map extends to fit participants (Iceland to the Caspian, the Maghreb to the North Cape). */
export const EUROPE_MAX: LonLatBox = { west: -25, east: 50, south: 33, north: 71.5 };

/** Legend order of fills: strongest stage first, then no commitment, then refusals. */
export const FILL_ORDER: readonly MapFill[] = [
  "DEPLOYED",
  "PARLIAMENT_APPROVED",
  "FORMALISED",
  "CONDITIONAL_OFFER",
  "ANNOUNCED",
  "FLOATED",
  "PARTICIPANT",
  "RULED_OUT",
  "WITHDRAWN",
];

function boundsOutline(b: LonLatBox): Feature<Polygon> {
  const ring: [number, number][] = [];
  const step = (a: number, z: number) => Math.max(0.5, (z - a) / 24);
  for (let x = b.west; x < b.east; x += step(b.west, b.east)) ring.push([x, b.south]);
  for (let y = b.south; y < b.north; y += step(b.south, b.north)) ring.push([b.east, y]);
  for (let x = b.east; x > b.west; x -= step(b.west, b.east)) ring.push([x, b.north]);
  for (let y = b.north; y > b.south; y -= step(b.south, b.north)) ring.push([b.west, y]);
  ring.push(ring[0]);
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring.reverse()] } };
}

const fitted = new Map<string, { projection: GeoProjection; height: number }>();

/**
 * A projection fitted to a lon/lat box at a width; returns it with the height it needs. The same
 * arguments return the same projection object (never modify it), so the projected paths of a map
 * are computed once per process (compactPath memoises by projection and feature).
 */
export function fitBox(bounds: LonLatBox, width: number, rotate: [number, number]) {
  const key = JSON.stringify([bounds, width, rotate]);
  let f = fitted.get(key);
  if (!f) {
    f = fitProjection(bounds, width, rotate);
    if (fitted.size > 100) fitted.clear();
    fitted.set(key, f);
  }
  return f;
}

function fitProjection(bounds: LonLatBox, width: number, rotate: [number, number]) {
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

const polygonsOf = (f: CountryFeature): Polygon["coordinates"][] => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : (f.geometry as MultiPolygon).coordinates);

const extentCache = new WeakMap<object, LonLatBox | null>();
/** Lon/lat extent of a country's polygons that lie within EUROPE_MAX (so French Guiana or Svalbard do not stretch the map). */
function europeanExtent(f: CountryFeature): LonLatBox | null {
  if (extentCache.has(f)) return extentCache.get(f)!;
  let box: LonLatBox | null = null;
  for (const poly of polygonsOf(f)) {
    const ring = poly[0];
    const cx = ring.reduce((n, p) => n + p[0], 0) / ring.length;
    const cy = ring.reduce((n, p) => n + p[1], 0) / ring.length;
    if (cx < EUROPE_MAX.west || cx > EUROPE_MAX.east || cy < EUROPE_MAX.south || cy > EUROPE_MAX.north) continue;
    for (const [x, y] of ring) {
      box = box
        ? { west: Math.min(box.west, x), east: Math.max(box.east, x), south: Math.min(box.south, y), north: Math.max(box.north, y) }
        : { west: x, east: x, south: y, north: y };
    }
  }
  extentCache.set(f, box);
  return box;
}

/** The box the map shows: the core of Europe plus every European participant, with a margin, within EUROPE_MAX. */
export function mapBounds(features: readonly CountryFeature[], iso2s: ReadonlySet<string>): LonLatBox {
  let b = { ...EUROPE_CORE };
  for (const f of features) {
    if (!f.properties.iso2 || !iso2s.has(f.properties.iso2)) continue;
    const e = europeanExtent(f);
    if (e) b = { west: Math.min(b.west, e.west), east: Math.max(b.east, e.east), south: Math.min(b.south, e.south), north: Math.max(b.north, e.north) };
  }
  const m = 0.6;
  return {
    west: Math.max(EUROPE_MAX.west, Math.floor(b.west - m)),
    east: Math.min(EUROPE_MAX.east, Math.ceil(b.east + m)),
    south: Math.max(EUROPE_MAX.south, Math.floor(b.south - m)),
    north: Math.min(EUROPE_MAX.north + 1, Math.ceil(b.north + m)),
  };
}

// ---------------------------------------------------------------- layout

export type PlacedCountry = {
  iso2: string | null;
  d: string;
  /** The row drawn in this country (participants only). */
  row: CountryRow | null;
};
export type MapBadge = { slug: string; n: number; x: number; y: number; r: number; text: MapText; leader: { x1: number; y1: number; x2: number; y2: number } | null };
export type KeyGroup = { fill: MapFill | "NONE"; chip: Box & { text: MapText; count: MapText | null } };
export type KeyEntry = { slug: string; n: number | null; text: MapText; number: MapText | null; offMap: boolean };
export type MapTip = { slug: string; x: number; y: number; width: number; height: number; lines: MapText[] };
export type EuropeLayout = {
  width: WidthClass;
  /** SVG size (viewBox) of this class's layout. */
  w: number;
  h: number;
  /** Where the map sits in the SVG. */
  map: Box;
  countries: PlacedCountry[];
  /** Path of Ukraine (recognised borders, Crimea included), outlined on top. */
  ukraine: string;
  names: (MapText & { slug: string })[];
  badges: MapBadge[];
  groups: KeyGroup[];
  entries: KeyEntry[];
  notes: MapText[];
  tips: MapTip[];
  /** Participants that cannot be drawn on this projection (organisations, far-away countries). */
  beyond: CountryRow[];
  /** Fills present on the map, in legend order. */
  fills: MapFill[];
};

const CLASS = {
  narrow: { mapW: 320, keyX: 0, keyW: 320, keyCols: 2, name: 11, below: true, tips: false },
  medium: { mapW: 480, keyX: 0, keyW: 480, keyCols: 3, name: 11, below: true, tips: false },
  wide: { mapW: 560, keyX: 584, keyW: 296, keyCols: 2, name: 12, below: false, tips: true },
} as const;

const ROW = 18;
const CHIP = 22;
const BADGE_R = 8.5;

/**
 * The Europe map for a width class: the map fitted so every European participant shows whole,
 * every coloured country named (inside it when the name fits) or numbered (a badge, moved out with
 * a leader line when the country is small), and a key of participants grouped by stage beside
 * (wide) or below (medium, narrow) the map. Pure.
 */
export function layoutEuropeMap(features: readonly CountryFeature[], rows: readonly CountryRow[], width: WidthClass, lang: Lang): EuropeLayout {
  const c = CLASS[width];
  const participants = rows.filter((r) => r.participant);
  const byIso = new Map(participants.filter((r) => r.actor.iso2).map((r) => [r.actor.iso2!, r]));
  const bounds = mapBounds(features, new Set(byIso.keys()));
  const rotate: [number, number] = [-(bounds.west + bounds.east) / 2, -(bounds.south + bounds.north) / 2];
  const { projection, height: mapH } = fitBox(bounds, c.mapW, rotate);
  const path = geoPath(projection);
  const frame: Box = { x0: 0, y0: 0, x1: c.mapW, y1: mapH };

  // Countries: participants drawn when enough of them is visible to see and to point at.
  const countries: PlacedCountry[] = [];
  const anchors = new Map<string, { x: number; y: number; area: number; f: CountryFeature }>();
  let ukraine = "";
  for (const f of features) {
    const iso2 = f.properties.iso2;
    // Background land is simplified harder than participants (it carries no data).
    const d = iso2 && byIso.has(iso2) ? compactPath(projection, f, 1, 0.6, c.mapW > 500 ? 1 : 1.4) : compactPath(projection, f, 0, 6, 2.5);
    if (!d) continue;
    if (iso2 === "UA") ukraine = d;
    const row = iso2 ? (byIso.get(iso2) ?? null) : null;
    let drawn = false;
    if (row) {
      const a = memoProjected(projection, f, "anchor", () => anchorOf(f, path));
      if (a && a.area > 4 && a.x > 0 && a.x < c.mapW && a.y > 0 && a.y < mapH) {
        anchors.set(row.actor.slug, { ...a, f });
        drawn = true;
      }
    }
    countries.push({ iso2, d, row: drawn ? row : null });
  }
  // Participants last so that their borders and focus rings sit above blank neighbours.
  countries.sort((a, b) => Number(a.row !== null) - Number(b.row !== null));
  const beyond = participants.filter((r) => !anchors.has(r.actor.slug));

  // Key order: strongest stage first, by name within a stage.
  const order = (r: CountryRow) => FILL_ORDER.indexOf(r.fill);
  const keyed = [...participants].sort((a, b) => order(a) - order(b) || actorName(a.actor, lang).localeCompare(actorName(b.actor, lang), lang));

  // Names where they fit inside the country (largest countries first), numbers for the rest.
  const occupied: Box[] = [];
  const names: EuropeLayout["names"] = [];
  const bySize = keyed.filter((r) => anchors.has(r.actor.slug)).sort((a, b) => anchors.get(b.actor.slug)!.area - anchors.get(a.actor.slug)!.area);
  for (const r of bySize) {
    const a = anchors.get(r.actor.slug)!;
    const spots: [number, number][] = [[0, 0], [0, -7], [0, 7], [-8, 0], [8, 0], [-8, -7], [8, 7], [0, -14], [0, 14]];
    for (const [dx, dy] of spots) {
      const t = mapText(actorName(r.actor, lang), a.x + dx, a.y + dy + c.name * 0.35, c.name, `nm${r.fill === "PARTICIPANT" ? " n" : ""}${c.name < 12 ? " s" : ""}`, "middle");
      if (!inside(t, frame) || occupied.some((o) => hits(o, t, 2))) continue;
      // Testing points on the globe is the costly step: memoised per projection, country and box.
      const fits = memoProjected(projection, a.f, `fit|${t.x0}|${t.x1}|${t.y0}|${t.y1}`, () => fitsInside(a.f, t, projection));
      if (!fits) continue;
      names.push({ ...t, slug: r.actor.slug });
      occupied.push(t);
      break;
    }
  }
  const named = new Set(names.map((n) => n.slug));
  let next = 1;
  const numbers = new Map<string, number>();
  for (const r of keyed) if (anchors.has(r.actor.slug) && !named.has(r.actor.slug)) numbers.set(r.actor.slug, next++);
  // Smallest countries first: they have the fewest places to go.
  const badges: MapBadge[] = [];
  const toNumber = [...numbers.keys()].sort((a, b) => anchors.get(a)!.area - anchors.get(b)!.area);
  for (const slug of toNumber) {
    const a = anchors.get(slug)!;
    const n = numbers.get(slug)!;
    const spot = badgeSpot(a, occupied, frame);
    if (!spot) continue;
    spot.x = Math.round(spot.x);
    spot.y = Math.round(spot.y);
    const text = mapText(String(n), spot.x, spot.y + 4, 11, "bn", "middle", true);
    const box = { x0: spot.x - BADGE_R, y0: spot.y - BADGE_R, x1: spot.x + BADGE_R, y1: spot.y + BADGE_R };
    occupied.push(box);
    const moved = Math.hypot(spot.x - a.x, spot.y - a.y) > 1;
    const k = moved ? (Math.hypot(spot.x - a.x, spot.y - a.y) - BADGE_R) / Math.hypot(spot.x - a.x, spot.y - a.y) : 0;
    badges.push({
      slug,
      n,
      x: Math.round(spot.x),
      y: Math.round(spot.y),
      r: BADGE_R,
      text,
      leader: moved ? { x1: Math.round(a.x), y1: Math.round(a.y), x2: Math.round(a.x + (spot.x - a.x) * k), y2: Math.round(a.y + (spot.y - a.y) * k) } : null,
    });
  }
  const badged = new Set(badges.map((b) => b.slug));

  // The key: a chip per fill present (with its count), entries in columns below each chip.
  const keyTop = c.below ? mapH + 14 : 4;
  const colW = c.keyW / c.keyCols;
  let y = keyTop;
  const groups: KeyGroup[] = [];
  const entries: KeyEntry[] = [];
  const present = FILL_ORDER.filter((f) => keyed.some((r) => r.fill === f));
  for (const f of present) {
    const members = keyed.filter((r) => r.fill === f);
    groups.push(chip(f, f === "PARTICIPANT" ? MAP.participantNoneShort[lang] : fillLabel(f, lang), members.length, c.keyX, y, c.keyW));
    y += CHIP + 4;
    const perCol = Math.ceil(members.length / c.keyCols);
    members.forEach((r, i) => {
      const col = Math.floor(i / perCol);
      const x = c.keyX + col * colW;
      const base = y + (i % perCol) * ROW + 13;
      const n = badged.has(r.actor.slug) ? numbers.get(r.actor.slug)! : null;
      const offMap = !anchors.has(r.actor.slug);
      const indent = 22;
      const label = `${actorName(r.actor, lang)}${offMap ? " *" : ""}`;
      const shown = fitText(label, colW - indent - 6, 12);
      entries.push({
        slug: r.actor.slug,
        n,
        number: n === null ? null : mapText(String(n), x + indent - 6, base, 11, "kn", "end", true),
        text: mapText(shown, x + indent, base, 12, "ke", "start", false, shown === label ? undefined : label),
        offMap,
      });
    });
    y += perCol * ROW + 6;
  }
  groups.push(chip("NONE", MAP.notParticipant[lang], null, c.keyX, y, c.keyW));
  y += CHIP + 8;
  const notes: MapText[] = [];
  const noteLines = [
    ...(beyond.length ? [MAP.offMapNote[lang]] : []),
    ...(badges.length ? [MAP.numbersNote[lang]] : []),
    MAP.bordersShort[lang],
  ];
  for (const line of noteLines.flatMap((l) => wrapPx(l, c.keyW, 11))) {
    notes.push(mapText(line, c.keyX, y + 11, 11, "nt"));
    y += 15;
  }
  const h = Math.ceil(Math.max(mapH, y) + 4);

  // Hover and focus boxes beside each drawn participant (shown by CSS; wide only: on narrower
  // screens the key and the links' titles carry the same details, and the embed stays small).
  const svgW = c.below ? c.mapW : c.keyX + c.keyW;
  const tips: MapTip[] = c.tips
    ? keyed.flatMap((r) => {
        const a = anchors.get(r.actor.slug);
        return a ? [tipFor(r, a, lang, svgW, h)] : [];
      })
    : [];

  return {
    width,
    w: svgW,
    h,
    map: frame,
    countries,
    ukraine,
    names,
    badges,
    groups,
    entries,
    notes,
    tips,
    beyond,
    fills: present,
  };
}

function chip(fill: MapFill | "NONE", label: string, count: number | null, x: number, y: number, keyW: number): KeyGroup {
  // The count sits in the swatch (on the stage colour, in the stage ink); the name beside it.
  const sw = count === null ? 26 : Math.max(26, measure(String(count), 12, true) + 12);
  const text = mapText(fitText(label, keyW - sw - 10, 12, true), x + sw + 8, y + 15.5, 12, "kh", "start", true, label);
  return {
    fill,
    chip: { x0: x, y0: y, x1: x + sw, y1: y + CHIP, text, count: count === null ? null : mapText(String(count), x + sw / 2, y + 15.5, 12, "kc", "middle", true) },
  };
}

function tipFor(r: CountryRow, a: { x: number; y: number }, lang: Lang, w: number, h: number): MapTip {
  const lines = [actorName(r.actor, lang), r.stage ? STAGE[r.stage][lang] : MAP.participantNone[lang], commitmentCount(r.commitments, lang)];
  if (r.alsoRefused) lines.push(MAP.alsoRefused[lang]);
  const tw = Math.min(220, Math.max(...lines.map((l, i) => measure(l, i === 0 ? 13 : 12, i === 0))) + 16);
  const th = lines.length * 17 + 10;
  let x = a.x + 14;
  if (x + tw > w) x = a.x - 14 - tw;
  x = Math.max(2, Math.min(w - tw - 2, x));
  const y = Math.max(2, Math.min(h - th - 2, a.y - th / 2));
  return {
    slug: r.actor.slug,
    x: Math.round(x),
    y: Math.round(y),
    width: Math.ceil(tw),
    height: th,
    lines: lines.map((l, i) => mapText(fitText(l, tw - 16, i === 0 ? 13 : 12, i === 0), x + 8, y + 18 + i * 17, i === 0 ? 13 : 12, i === 0 ? "tt" : "tl", "start", i === 0)),
  };
}

/** The centre of a country's largest visible polygon (projected) and that polygon's area. */
function anchorOf(f: CountryFeature, path: ReturnType<typeof geoPath>): { x: number; y: number; area: number } | null {
  let best: { area: number; c: [number, number] } | null = null;
  for (const coordinates of polygonsOf(f)) {
    const g: Polygon = { type: "Polygon", coordinates };
    const area = path.area(g);
    if (area > 0 && (!best || area > best.area)) best = { area, c: path.centroid(g) };
  }
  return best && Number.isFinite(best.c[0]) ? { x: best.c[0], y: best.c[1], area: best.area } : null;
}

/** True when a text box lies inside the country (its corners and centre, tested on the globe). */
function fitsInside(f: CountryFeature, t: Box, projection: GeoProjection): boolean {
  const probes: [number, number][] = [
    [(t.x0 + t.x1) / 2, (t.y0 + t.y1) / 2],
    [t.x0, t.y0],
    [t.x1, t.y0],
    [t.x0, t.y1],
    [t.x1, t.y1],
  ];
  return probes.every((p) => {
    const lonlat = projection.invert?.(p);
    return lonlat ? geoContains(f, lonlat) : false;
  });
}

/** Where a number badge goes: on the country if free, else the nearest free spot around it. */
function badgeSpot(a: { x: number; y: number }, occupied: readonly Box[], frame: Box): { x: number; y: number } | null {
  const free = (x: number, y: number) => {
    const b = { x0: x - BADGE_R, y0: y - BADGE_R, x1: x + BADGE_R, y1: y + BADGE_R };
    return inside(b, frame) && !occupied.some((o) => hits(o, b, 1.5));
  };
  if (free(a.x, a.y)) return { x: a.x, y: a.y };
  for (const d of [20, 28, 38, 50, 64]) {
    for (let k = 0; k < 16; k++) {
      const t = (k / 16) * 2 * Math.PI;
      const x = a.x + d * Math.cos(t);
      const y = a.y + d * Math.sin(t);
      if (free(x, y)) return { x, y };
    }
  }
  return null;
}

/** Everything a layout draws, for the legibility rules (tests/unit/maps.test.ts). */
export function europeGeometry(l: EuropeLayout): Geometry {
  const texts = [
    ...l.names,
    ...l.badges.map((b) => b.text),
    ...l.groups.flatMap((g) => [g.chip.text, ...(g.chip.count ? [g.chip.count] : [])]),
    ...l.entries.flatMap((e) => [e.text, ...(e.number ? [e.number] : [])]),
    ...l.notes,
  ];
  const marks: Box[] = [l.map, ...l.groups.map((g) => g.chip)];
  return { width: l.w, height: l.h, texts, marks };
}

/** The model description's counts: participants, those at a strong stage, those with no commitment. */
export function europeCounts(rows: readonly CountryRow[]) {
  const strong = new Set<LifecycleStage>(["FORMALISED", "PARLIAMENT_APPROVED", "DEPLOYED"]);
  const participants = rows.filter((r) => r.participant);
  return {
    n: participants.length,
    strong: participants.filter((r) => r.stage && strong.has(r.stage)).length,
    none: participants.filter((r) => r.fill === "PARTICIPANT").length,
  };
}
