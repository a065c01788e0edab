// What every field of the published data means, in words: the data dictionary of the bulk
// downloads and the descriptions in the OpenAPI document come from here. Typed against the
// entities' zod input schemas, so a field added to a schema without a meaning fails to compile.
import type { EntityKey, InputOf } from "@/lib/db/records";
import type { RecordRow } from "@/lib/db/export";
import { APPROVAL, CONDITION, CONFIDENCE, EVENT_KIND, KIND, LEGAL_FORM, PRECISION, SITE_KIND, STAGE, VERIFICATION, WORDING } from "@/lib/i18n/labels";
import { SOURCES } from "@/lib/i18n/messages/sources";
import { SEED_FILES } from "@/lib/schemas/seed";

/** Every entity, in load order (references point backwards: sources first, claims last). */
export const ENTITIES = Object.keys(SEED_FILES) as EntityKey[];
/** Tables of the bulk CSV files: the entities, then the child tables (lib/export/tables.ts). */
export const CSV_TABLES = [...ENTITIES, "commitment_stages", "site_actors", "citations"] as const;

/** A published record as the API and the bulk JSON give it: id, version, first publication, then its input. */
export function publicRecord<K extends EntityKey>(r: RecordRow<K>) {
  return { id: r.id, version: r.version, publishedAt: r.publishedAt?.toISOString() ?? null, ...r.input };
}
export type PublicRecord<K extends EntityKey = EntityKey> = ReturnType<typeof publicRecord<K>>;

/** Fields every record carries besides its input (identity and record time). */
export const META_FIELDS = {
  id: "Stable identifier of the record in this tracker; it never changes and is never reused. Use it (or the slug) to join tables and to cite a record.",
  version: "Version of the record: 1 when first published, one more at every published correction.",
  publishedAt: "When the record was first published (UTC, ISO 8601). Corrections keep this date; the change feed lists them.",
} as const;

type Meanings<K extends EntityKey> = Record<Exclude<keyof InputOf<K>, "citations" | "confidence" | "singleSource">, string>;

const EDITORIAL = {
  confidence:
    "How sure the research is: HIGH = two independent sources agree (copies of one report count once); MEDIUM = one credible source; LOW = a weak or partisan source, or sources conflict; UNVERIFIED = no support found.",
  singleSource: "True when the record rests on one source only and an editor accepted that explicitly.",
  citations:
    "The sources this record cites, each as {url, quote, note}: `url` is the source's URL (see the sources table), `quote` a short passage from it, `note` what the citation supports. Cite these original sources, not only this tracker.",
} as const;

const SLUG = "Stable, URL-safe name of the record (lower-case letters, digits, hyphens); unique within its table and used as the reference from other tables.";

/** Meanings of each entity's input fields (the JSON keys; CSV columns use the same names). */
export const FIELD_MEANINGS: { [K in EntityKey]: Meanings<K> & Partial<typeof EDITORIAL> } = {
  sources: {
    slug: SLUG,
    url: "Address of the source as cited (http or https). Unique.",
    outlet: "Publisher or outlet that made the source available at this URL.",
    originalOutlet: "For copies and mirrors (kind COPY): the outlet whose text this URL reproduces.",
    author: "Author as named by the source, if any.",
    title: "Title of the page or document.",
    publishedOn: "Publication date (YYYY-MM-DD), at the precision in publishedPrecision.",
    publishedPrecision: "How precisely publishedOn is known: DAY, MONTH (stored as the month's first day) or YEAR (stored as 1 January).",
    kind: "What kind of source it is.",
    language: "Language of the source as a BCP 47 tag (en, uk, fr, …).",
    accessedOn: "When the tracker's researchers last read the source (YYYY-MM-DD).",
  },
  actors: {
    slug: SLUG + " Countries use their ISO code in lower case (gb, fr); organisations a short name (eu, nato, coalition).",
    kind: "COUNTRY, ORGANISATION (EU, NATO, …) or COALITION (the Coalition of the Willing as a whole).",
    iso2: "ISO 3166-1 alpha-2 code of a country; empty for organisations.",
    name: "Name in English.",
    nameUk: "Name in Ukrainian, when a translation is recorded.",
    groups: "Groupings the actor belongs to (EU, NATO, EUROPE, NON_EUROPEAN), for filtering.",
    summary: "Short description of the actor's position.",
    ...EDITORIAL,
  },
  participation: {
    slug: SLUG,
    actor: "Slug of the actor (actors table).",
    role: "The actor's part in the Coalition of the Willing: MEMBER, OBSERVER or PARTNER.",
    joinedOn: "Date the actor joined, when a source gives one (YYYY-MM-DD). No official membership list exists.",
    firstRecorded: "Earliest sourced evidence of the actor's participation (YYYY-MM-DD); not necessarily a joining date.",
    leftOn: "Date the actor left, if it did (YYYY-MM-DD).",
    note: "What the sources say about the participation.",
    ...EDITORIAL,
  },
  commitments: {
    slug: SLUG,
    actor: "Slug of the actor that offered or refused (actors table).",
    kind: "Kind of commitment. REFUSAL records an explicit refusal (\"no troops\"): a refusal is data too.",
    title: "One-line title.",
    summary: "What was offered or refused, in words, as the sources report it.",
    quantityLow: "Lower bound of the quantity (or the single value); empty when no figure is known. Never estimated by the tracker.",
    quantityHigh: "Upper bound of the quantity (or the single value); empty when no figure is known.",
    quantityUnit: "Unit of the quantity (troops, aircraft, EUR million, …).",
    quantityQualifier: "How to read the bounds: EXACT, ABOUT, UP_TO, FEWER_THAN, AT_LEAST or RANGE (low–high).",
    quantityBasis: "Whether the quantity is OFFICIAL or a REPORTED_ESTIMATE by the media.",
    conditions: "Conditions attached to the offer, as tags. An empty list means no condition is recorded.",
    conditionNote: "The conditions in words, as the sources state them.",
    legalForm: "How binding the commitment is in form: TREATY, EXECUTIVE_AGREEMENT, POLITICAL_DECLARATION, STATEMENT or UNKNOWN.",
    parliamentaryApproval: "State of parliamentary approval in the actor's country.",
    requiredResponse: "What the actor must do if the trigger happens (e.g. \"convene within 24 hours\"), in words; empty when unknown.",
    stages:
      "The lifecycle: dated, sourced steps, each {stage, date, datePrecision, note, citations}, oldest first. The stage in force on a date is the latest step dated on or before it (on one date, the later stage in the order FLOATED … WITHDRAWN).",
    ...EDITORIAL,
  },
  sites: {
    slug: SLUG,
    kind: "Kind of site.",
    name: "Name of the site as announced.",
    description: "What the site is for, as the sources describe it.",
    commitment: "Slug of the commitment the site belongs to (commitments table), if any.",
    precision:
      "How precisely the location was publicly announced: UNDISCLOSED, COUNTRY, REGION or CITY. Safety rule: the tracker never stores a location finer than a city.",
    countryIso2: "ISO code of the country the site is in; empty only when undisclosed.",
    region: "Region (oblast, province), when announced at region or city precision.",
    city: "City, when announced at city precision.",
    latitude: "Latitude of the announced city's centre (two decimals at most, about 1 km); only for city precision and only after a second editor's sign-off.",
    longitude: "Longitude of the announced city's centre (two decimals at most).",
    coordinateSignedOffBy: "Name of the second editor who confirmed the coordinate; empty when there is no coordinate.",
    isContext: "True for sites outside Ukraine shown as context (e.g. the MNF-U headquarters in Paris, the battlegroup at Tapa).",
    actors: "Actors leading or partnering in the site, each {actor, role} with role LEAD or PARTNER.",
    ...EDITORIAL,
  },
  polls: {
    slug: SLUG,
    pollster: "Polling organisation.",
    client: "Who commissioned the poll, if anyone.",
    fieldworkStart: "First day of fieldwork (YYYY-MM-DD), if known.",
    fieldworkEnd: "Last day of fieldwork (YYYY-MM-DD), at the precision in fieldworkPrecision.",
    fieldworkPrecision: "How precisely the fieldwork dates are known: DAY, MONTH or YEAR.",
    country: "ISO code of the country polled.",
    sampleSize: "Number of respondents, if published.",
    mode: "How respondents were reached: ONLINE, PHONE, FACE_TO_FACE, MIXED or UNKNOWN.",
    question: "The question as asked (see questionVerbatim).",
    questionVerbatim: "True when `question` is the exact wording; false when only a paraphrase was published.",
    wordingClass:
      "What the question asks about. Polls of different wording classes are not comparable: never average them or draw them as one series.",
    support: "Share of respondents in support, in per cent (0–100).",
    oppose: "Share of respondents opposed, in per cent (0–100).",
    dontKnow: "Share answering don't know or no answer, in per cent (0–100).",
    note: "Caveats about the poll.",
    ...EDITORIAL,
  },
  events: {
    slug: SLUG,
    kind: "Kind of event.",
    date: "When it happened (YYYY-MM-DD), at the precision in datePrecision (a month is stored as its first day).",
    datePrecision: "How precisely the date is known: DAY, MONTH or YEAR.",
    title: "One-line title.",
    summary: "What happened, as the sources report it.",
    location: "Where it happened.",
    speaker: "For statements: who spoke, as named by the source.",
    actors: "Slugs of the actors involved (actors table).",
    commitments: "Slugs of the commitments the event concerns (commitments table).",
    ...EDITORIAL,
  },
  claims: {
    slug: SLUG,
    kind: "CLAIM (a statement of fact that was checked) or FIGURE (a context figure with value, unit and as-of date).",
    statement: "The claim or figure as stated.",
    actor: "Slug of the actor the claim is about (actors table), if any.",
    valueLow: "Lower bound of the value (or the single value).",
    valueHigh: "Upper bound of the value (or the single value).",
    valueQualifier: "How to read the bounds: EXACT, ABOUT, UP_TO, FEWER_THAN, AT_LEAST or RANGE.",
    unit: "Unit of the value.",
    asOf: "Date the figure refers to (YYYY-MM-DD), at the precision in asOfPrecision.",
    asOfPrecision: "How precisely asOf is known: DAY, MONTH or YEAR.",
    verification:
      "CONFIRMED (independent sources agree), REPORTED (one original source), DISPUTED (sources conflict) or UNVERIFIED (the research found no support: shown precisely because it could not be confirmed).",
    finding: "What the research found, in words.",
    origin: "Where the claim came from (e.g. \"seed digest\").",
    metric: "What a figure measures, for comparisons: armed-forces-total, regular-army, deployed-abroad, deployed-in:EE, pledge-for-ukraine, ….",
    ...EDITORIAL,
  },
};

/** Meaning of one field of one entity (meta fields included). */
export function fieldMeaning(entity: EntityKey, field: string): string | undefined {
  if (field in META_FIELDS) return META_FIELDS[field as keyof typeof META_FIELDS];
  return (FIELD_MEANINGS[entity] as Record<string, string>)[field];
}

const en = (labels: Record<string, { en: string }>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v.en]));

// Vocabularies without interface labels (lib/i18n/labels.ts has the others).
const OTHER_LABELS: Record<string, string>[] = [
  { COUNTRY: "Country", ORGANISATION: "Organisation", COALITION: "The coalition as a whole" },
  { EU: "EU member", NATO: "NATO member", EUROPE: "European", NON_EUROPEAN: "Outside Europe" },
  { MEMBER: "Member", OBSERVER: "Observer", PARTNER: "Partner" },
  { OFFICIAL: "Official figure", REPORTED_ESTIMATE: "Reported estimate" },
  { EXACT: "Exactly", ABOUT: "About", UP_TO: "Up to", FEWER_THAN: "Fewer than", AT_LEAST: "At least", RANGE: "Range from low to high" },
  { DAY: "Known to the day", MONTH: "Known to the month", YEAR: "Known to the year" },
  { ONLINE: "Online", PHONE: "Telephone", FACE_TO_FACE: "Face to face", MIXED: "Mixed modes", UNKNOWN: "Not published" },
  { CLAIM: "Claim checked by the research", FIGURE: "Context figure" },
  { LEAD: "Lead", PARTNER: "Partner" },
];

const LABEL_SETS: Record<string, string>[] = [
  ...[STAGE, KIND, CONDITION, LEGAL_FORM, APPROVAL, WORDING, VERIFICATION, CONFIDENCE, EVENT_KIND, SITE_KIND, PRECISION, SOURCES.kinds].map(en),
  ...OTHER_LABELS,
];

/** English labels for an enum's values (the vocabulary whose values are exactly these), if known. */
export function valueLabels(values: readonly string[]): Record<string, string> | undefined {
  const key = [...values].sort().join(",");
  return LABEL_SETS.find((set) => Object.keys(set).sort().join(",") === key);
}
