// The admin's description of every record type: names, the field that titles a record, and the
// form's fields in order. Client-safe (no server code): the form renders from it, while the
// server validates with the entity's zod schema (lib/schemas), which stays the one authority.
import {
  ActorGroup,
  ActorKind,
  ClaimKind,
  CommitmentKind,
  ConditionTag,
  Confidence,
  DatePrecision,
  EventKind,
  LegalForm,
  LifecycleStage,
  LocationPrecision,
  ParliamentaryApproval,
  ParticipationRole,
  PollMode,
  QuantityBasis,
  QuantityQualifier,
  SiteActorRole,
  SiteKind,
  SourceKind,
  VerificationStatus,
  WordingClass,
} from "@/lib/generated/prisma/enums";
import { APPROVAL, CONDITION, CONFIDENCE, EVENT_KIND, KIND, LEGAL_FORM, PRECISION, SITE_KIND, STAGE, VERIFICATION, WORDING } from "@/lib/i18n/labels";

export const ENTITY_KEYS = ["commitments", "events", "polls", "sites", "claims", "actors", "participation", "sources"] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];

export type Option = { value: string; label: string };

/** A form field; `name` is the key in the entity's zod input. */
export type Field =
  | { kind: "text"; name: string; label: string; hint?: string; max: number; required?: boolean }
  | { kind: "textarea"; name: string; label: string; hint?: string; max: number; required?: boolean }
  | { kind: "number"; name: string; label: string; hint?: string; step?: string; integer?: boolean }
  | { kind: "date"; name: string; label: string; hint?: string; required?: boolean }
  | { kind: "select"; name: string; label: string; hint?: string; options: Option[]; nullable?: boolean }
  | { kind: "multi"; name: string; label: string; hint?: string; options: Option[] }
  | { kind: "checkbox"; name: string; label: string; hint?: string }
  | { kind: "ref"; name: string; label: string; hint?: string; ref: RefKind; nullable?: boolean }
  | { kind: "refs"; name: string; label: string; hint?: string; ref: RefKind }
  | { kind: "siteActors"; name: string; label: string; hint?: string }
  | { kind: "stages"; name: string; label: string; hint?: string }
  | { kind: "citations"; name: string; label: string; hint?: string }
  | { kind: "signOff"; name: string; label: string; hint?: string };

/** Lists of published records a form can refer to. */
export type RefKind = "actor" | "country" | "commitment";

const opts = (values: Record<string, string>, labels?: Record<string, { en: string }>): Option[] =>
  Object.values(values).map((v) => ({ value: v, label: labels?.[v]?.en ?? humanize(v) }));

/** "REPORTED_ESTIMATE" → "Reported estimate". */
export function humanize(value: string): string {
  const s = value.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const slug: Field = { kind: "text", name: "slug", label: "Slug", hint: "Stable identifier in URLs and exports: lower-case letters, digits, hyphens.", max: 80, required: true };
const precision = (name: string, label = "Date precision"): Field => ({ kind: "select", name, label, options: opts(DatePrecision) });
const editorial: Field[] = [
  { kind: "select", name: "confidence", label: "Confidence", options: opts(Confidence, CONFIDENCE) },
  { kind: "checkbox", name: "singleSource", label: "Rests on a single source", hint: "Publishing needs two sources, or this box ticked on purpose." },
  { kind: "citations", name: "citations", label: "Sources", hint: "Pick a published source by its address; quote the passage that supports the record." },
];

export type EntitySpec = {
  key: EntityKey;
  label: string;
  plural: string;
  /** The input field that names a record in lists. */
  titleField: string;
  /** Public page of a record, by slug, when there is one. */
  publicPath?: (slug: string, input: Record<string, unknown>) => string | null;
  fields: Field[];
  /** Values of a new, empty form. */
  empty: Record<string, unknown>;
};

const base = { confidence: "MEDIUM", singleSource: false, citations: [] };

export const ENTITIES: Record<EntityKey, EntitySpec> = {
  commitments: {
    key: "commitments",
    label: "Commitment",
    plural: "Commitments",
    titleField: "title",
    publicPath: (s) => `/commitments/${s}`,
    fields: [
      slug,
      { kind: "ref", name: "actor", label: "Actor", ref: "actor" },
      { kind: "select", name: "kind", label: "Kind", options: opts(CommitmentKind, KIND) },
      { kind: "text", name: "title", label: "Title", max: 160, required: true },
      { kind: "textarea", name: "summary", label: "Summary", max: 2000, required: true },
      { kind: "number", name: "quantityLow", label: "Quantity (low or only value)", step: "any" },
      { kind: "number", name: "quantityHigh", label: "Quantity (high, for a range)", step: "any" },
      { kind: "text", name: "quantityUnit", label: "Unit", hint: "e.g. troops, aircraft, EUR", max: 60 },
      { kind: "select", name: "quantityQualifier", label: "Qualifier", options: opts(QuantityQualifier), nullable: true },
      { kind: "select", name: "quantityBasis", label: "Official or reported", options: opts(QuantityBasis), nullable: true },
      { kind: "multi", name: "conditions", label: "Conditions", options: opts(ConditionTag, CONDITION) },
      { kind: "textarea", name: "conditionNote", label: "Conditions in words", max: 1000 },
      { kind: "select", name: "legalForm", label: "Legal form", options: opts(LegalForm, LEGAL_FORM) },
      { kind: "select", name: "parliamentaryApproval", label: "Parliamentary approval", options: opts(ParliamentaryApproval, APPROVAL) },
      { kind: "textarea", name: "requiredResponse", label: "What the actor must do if the trigger happens", max: 1000 },
      { kind: "stages", name: "stages", label: "Lifecycle", hint: "Dated, sourced stages: floated → announced → … → deployed, or ruled out." },
      ...editorial,
    ],
    empty: {
      slug: "", actor: "", kind: "TROOPS", title: "", summary: "", quantityLow: null, quantityHigh: null, quantityUnit: null,
      quantityQualifier: null, quantityBasis: null, conditions: [], conditionNote: null, legalForm: "UNKNOWN",
      parliamentaryApproval: "UNKNOWN", requiredResponse: null, stages: [], ...base,
    },
  },
  events: {
    key: "events",
    label: "Event",
    plural: "Events",
    titleField: "title",
    fields: [
      slug,
      { kind: "select", name: "kind", label: "Kind", options: opts(EventKind, EVENT_KIND) },
      { kind: "date", name: "date", label: "Date", required: true },
      precision("datePrecision"),
      { kind: "text", name: "title", label: "Title", max: 200, required: true },
      { kind: "textarea", name: "summary", label: "Summary", max: 3000, required: true },
      { kind: "text", name: "location", label: "Location", max: 160 },
      { kind: "text", name: "speaker", label: "Speaker", max: 160 },
      { kind: "refs", name: "actors", label: "Actors", ref: "actor" },
      { kind: "refs", name: "commitments", label: "Commitments", ref: "commitment" },
      ...editorial,
    ],
    empty: { slug: "", kind: "STATEMENT", date: "", datePrecision: "DAY", title: "", summary: "", location: null, speaker: null, actors: [], commitments: [], ...base },
  },
  polls: {
    key: "polls",
    label: "Poll",
    plural: "Polls",
    titleField: "pollster",
    fields: [
      slug,
      { kind: "text", name: "pollster", label: "Pollster", max: 160, required: true },
      { kind: "text", name: "client", label: "Client", max: 160 },
      { kind: "date", name: "fieldworkStart", label: "Fieldwork start" },
      { kind: "date", name: "fieldworkEnd", label: "Fieldwork end", required: true },
      precision("fieldworkPrecision", "Fieldwork date precision"),
      { kind: "ref", name: "country", label: "Country", ref: "country" },
      { kind: "number", name: "sampleSize", label: "Sample size", integer: true },
      { kind: "select", name: "mode", label: "Mode", options: opts(PollMode) },
      { kind: "textarea", name: "question", label: "Question", max: 1000, required: true },
      { kind: "checkbox", name: "questionVerbatim", label: "The question is quoted word for word" },
      { kind: "select", name: "wordingClass", label: "Wording class", hint: "Polls of different classes are never pooled.", options: opts(WordingClass, WORDING) },
      { kind: "number", name: "support", label: "Support (%)", step: "0.01" },
      { kind: "number", name: "oppose", label: "Oppose (%)", step: "0.01" },
      { kind: "number", name: "dontKnow", label: "Don't know (%)", step: "0.01" },
      { kind: "textarea", name: "note", label: "Note", max: 2000 },
      ...editorial,
    ],
    empty: {
      slug: "", pollster: "", client: null, fieldworkStart: null, fieldworkEnd: "", fieldworkPrecision: "DAY", country: "", sampleSize: null,
      mode: "UNKNOWN", question: "", questionVerbatim: false, wordingClass: "OWN_TROOPS_PEACEKEEPING", support: null, oppose: null, dontKnow: null, note: null, ...base,
    },
  },
  sites: {
    key: "sites",
    label: "Site",
    plural: "Sites",
    titleField: "name",
    fields: [
      slug,
      { kind: "select", name: "kind", label: "Kind", options: opts(SiteKind, SITE_KIND) },
      { kind: "text", name: "name", label: "Name", max: 160, required: true },
      { kind: "textarea", name: "description", label: "Description", max: 2000 },
      { kind: "ref", name: "commitment", label: "Commitment", ref: "commitment", nullable: true },
      { kind: "select", name: "precision", label: "Announced precision", hint: "Never finer than publicly announced, and never finer than a city.", options: opts(LocationPrecision, PRECISION) },
      { kind: "text", name: "countryIso2", label: "Country (ISO code)", hint: "Two capitals, e.g. UA.", max: 2 },
      { kind: "text", name: "region", label: "Region", max: 120 },
      { kind: "text", name: "city", label: "City", max: 120 },
      { kind: "number", name: "latitude", label: "Latitude of the city centre", hint: "Two decimals at most; only at city precision.", step: "0.01" },
      { kind: "number", name: "longitude", label: "Longitude of the city centre", step: "0.01" },
      { kind: "signOff", name: "coordinateSignedOffBy", label: "Coordinate sign-off", hint: "A second editor confirms the coordinate before it can be published." },
      { kind: "checkbox", name: "isContext", label: "Context site outside Ukraine" },
      { kind: "siteActors", name: "actors", label: "Lead and partner actors" },
      ...editorial,
    ],
    empty: {
      slug: "", kind: "MILITARY_HUB", name: "", description: null, commitment: null, precision: "UNDISCLOSED", countryIso2: null, region: null, city: null,
      latitude: null, longitude: null, coordinateSignedOffBy: null, isContext: false, actors: [], ...base,
    },
  },
  claims: {
    key: "claims",
    label: "Claim or figure",
    plural: "Claims & figures",
    titleField: "statement",
    fields: [
      slug,
      { kind: "select", name: "kind", label: "Kind", options: opts(ClaimKind) },
      { kind: "textarea", name: "statement", label: "Statement", max: 1000, required: true },
      { kind: "ref", name: "actor", label: "Actor", ref: "actor", nullable: true },
      { kind: "number", name: "valueLow", label: "Value (low or only value)", step: "any" },
      { kind: "number", name: "valueHigh", label: "Value (high, for a range)", step: "any" },
      { kind: "select", name: "valueQualifier", label: "Qualifier", options: opts(QuantityQualifier), nullable: true },
      { kind: "text", name: "unit", label: "Unit", max: 60 },
      { kind: "date", name: "asOf", label: "As of" },
      precision("asOfPrecision", "As-of precision"),
      { kind: "select", name: "verification", label: "Verification", options: opts(VerificationStatus, VERIFICATION) },
      { kind: "textarea", name: "finding", label: "What the research found", hint: "Required unless confirmed.", max: 2000 },
      { kind: "text", name: "origin", label: "Where the claim comes from", max: 120 },
      { kind: "text", name: "metric", label: "Metric", hint: "e.g. regular-army or deployed-in:EE (drives the capacity view).", max: 60 },
      ...editorial,
    ],
    empty: {
      slug: "", kind: "CLAIM", statement: "", actor: null, valueLow: null, valueHigh: null, valueQualifier: null, unit: null, asOf: null,
      asOfPrecision: "DAY", verification: "REPORTED", finding: null, origin: null, metric: null, ...base,
    },
  },
  actors: {
    key: "actors",
    label: "Actor",
    plural: "Actors",
    titleField: "name",
    publicPath: (_s, i) => (i.iso2 ? `/countries/${String(i.iso2).toLowerCase()}` : null),
    fields: [
      slug,
      { kind: "select", name: "kind", label: "Kind", options: opts(ActorKind) },
      { kind: "text", name: "iso2", label: "ISO 3166-1 code", hint: "Countries only, e.g. GB.", max: 2 },
      { kind: "text", name: "name", label: "Name", max: 120, required: true },
      { kind: "text", name: "nameUk", label: "Name in Ukrainian", max: 120 },
      { kind: "multi", name: "groups", label: "Groups", options: opts(ActorGroup) },
      { kind: "textarea", name: "summary", label: "Summary", max: 1000 },
      ...editorial,
    ],
    empty: { slug: "", kind: "COUNTRY", iso2: null, name: "", nameUk: null, groups: [], summary: null, ...base },
  },
  participation: {
    key: "participation",
    label: "Coalition participation",
    plural: "Coalition participation",
    titleField: "actor",
    fields: [
      slug,
      { kind: "ref", name: "actor", label: "Actor", ref: "actor" },
      { kind: "select", name: "role", label: "Role", options: opts(ParticipationRole) },
      { kind: "date", name: "joinedOn", label: "Joined on" },
      { kind: "date", name: "firstRecorded", label: "First recorded", hint: "Earliest sourced evidence of participation.", required: true },
      { kind: "date", name: "leftOn", label: "Left on" },
      { kind: "textarea", name: "note", label: "Note", max: 1000 },
      ...editorial,
    ],
    empty: { slug: "", actor: "", role: "MEMBER", joinedOn: null, firstRecorded: "", leftOn: null, note: null, ...base },
  },
  sources: {
    key: "sources",
    label: "Source",
    plural: "Sources",
    titleField: "outlet",
    fields: [
      slug,
      { kind: "text", name: "url", label: "Address (URL)", max: 2000, required: true },
      { kind: "text", name: "outlet", label: "Outlet", max: 200, required: true },
      { kind: "text", name: "originalOutlet", label: "Original outlet", hint: "For a copy or mirror: whose text it reproduces.", max: 200 },
      { kind: "text", name: "author", label: "Author", max: 200 },
      { kind: "text", name: "title", label: "Title", max: 400 },
      { kind: "date", name: "publishedOn", label: "Published on" },
      precision("publishedPrecision", "Publication date precision"),
      { kind: "select", name: "kind", label: "Kind", options: opts(SourceKind) },
      { kind: "text", name: "language", label: "Language", hint: "e.g. en, uk, fr", max: 12 },
      { kind: "date", name: "accessedOn", label: "Accessed on" },
    ],
    empty: {
      slug: "", url: "", outlet: "", originalOutlet: null, author: null, title: null, publishedOn: null, publishedPrecision: "DAY", kind: "MEDIA", language: null, accessedOn: null,
    },
  },
};

export const STAGE_OPTIONS = opts(LifecycleStage, STAGE);
export const DATE_PRECISION_OPTIONS = opts(DatePrecision);
export const SITE_ACTOR_ROLE_OPTIONS = opts(SiteActorRole);

/** True for a known entity key (URL segments are checked with it). */
export function isEntityKey(s: string): s is EntityKey {
  return (ENTITY_KEYS as readonly string[]).includes(s);
}
