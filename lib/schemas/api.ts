// The public API's parameters and response bodies, as zod schemas. The routes parse with them and
// lib/api/openapi.ts renders them (with the entities' own input schemas) into the OpenAPI document.
import "zod-openapi";
import { z } from "zod";
import {
  APPROVAL_ORDER,
  GROUP_ORDER,
  LEGAL_FORM_ORDER,
  STAGES,
} from "@/lib/charts/commitment-matrix";
import { WORDING_CLASSES } from "@/lib/charts/polls";
import { PollsParams } from "@/lib/schemas/views/polls";
import { CONDITION_FILTERS, CommitmentsParams } from "@/lib/schemas/views/commitments";
import type { EntityKey } from "@/lib/db/records";
import {
  ActorGroup,
  ActorKind,
  ClaimKind,
  CommitmentKind,
  EventKind,
  LocationPrecision,
  ParticipationRole,
  SiteKind,
  SourceKind,
  VerificationStatus,
} from "@/lib/generated/prisma/enums";
import { fieldMeaning, META_FIELDS } from "@/lib/export/fields";
import { IsoDate } from "./common";
import { AsOfParam, first, listParam } from "./search-params";
import { SEED_FILES } from "./seed";
import { SourcesParams } from "./views/sources";
import { TimelineParams } from "./views/timeline";

const values = <T extends string>(o: Record<string, T>) => Object.values(o) as [T, ...T[]];

// ---------------------------------------------------------------- records

/** Component names of the records in the OpenAPI document. */
export const RECORD_NAMES: Record<EntityKey, string> = {
  sources: "Source",
  actors: "Actor",
  participation: "Participation",
  commitments: "Commitment",
  sites: "Site",
  polls: "Poll",
  events: "Event",
  claims: "Claim",
};

const RECORD_DESCRIPTIONS: Record<EntityKey, string> = {
  sources: "A source any record can cite: outlet, author, title, URL, date and kind.",
  actors: "A country (ISO 3166-1 alpha-2) or an organisation.",
  participation: "An actor's recorded part in the Coalition of the Willing.",
  commitments: "What one actor offered or refused, of one kind, with its conditions, how binding it is and its dated lifecycle.",
  sites: "A hub, facility, HQ, coordination cell or training centre, located only as precisely as publicly announced (never finer than a city).",
  polls: "One poll result in one country. Results of different wording classes are never pooled.",
  events: "A dated summit, declaration, statement, vote, threat or rejection.",
  claims: "A claim that was checked, or a context figure, with its verification status.",
};

/**
 * A published record: its stable id, version and first publication time, then exactly the
 * fields of the entity's input schema (the shape of the seed files and of the bulk JSON).
 */
function recordSchema(entity: EntityKey) {
  const shape = SEED_FILES[entity].shape as Record<string, z.ZodType>;
  const described = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.meta({ description: fieldMeaning(entity, k) })]));
  return z
    .strictObject({
      id: z.string().min(1).meta({ description: META_FIELDS.id }),
      version: z.number().int().min(1).meta({ description: META_FIELDS.version }),
      publishedAt: z.iso.datetime().nullable().meta({ description: META_FIELDS.publishedAt }),
      ...described,
    })
    .meta({ id: RECORD_NAMES[entity], description: RECORD_DESCRIPTIONS[entity] });
}

export const RECORD_SCHEMAS = Object.fromEntries(
  (Object.keys(RECORD_NAMES) as EntityKey[]).map((e) => [e, recordSchema(e)]),
) as Record<EntityKey, ReturnType<typeof recordSchema>>;

// ---------------------------------------------------------------- wrappers

const ReleaseNumber = z.number().int().min(0).meta({ description: "Dataset release the response was built from; every publish makes a new release." });
const DataAsOf = z.iso.datetime().nullable().meta({ description: "When that release was published: the data is as of this time." });

const ListMeta = z
  .strictObject({
    release: ReleaseNumber,
    dataAsOf: DataAsOf,
    asOf: IsoDate.nullable().meta({ description: "The valid-time date asked for (asOf), or null for everything recorded." }),
    count: z.number().int().min(0).meta({ description: "Records in this page." }),
    total: z.number().int().min(0).meta({ description: "Records matching the filters, across all pages." }),
    limit: z.number().int().min(1).max(500),
    licence: z.literal("CC BY 4.0"),
  })
  .meta({ id: "ListMeta" });

const RecordMeta = z.strictObject({ release: ReleaseNumber, dataAsOf: DataAsOf, licence: z.literal("CC BY 4.0") }).meta({ id: "RecordMeta" });

/** A page of published records of one entity. */
export function listResponse(entity: EntityKey) {
  return z.strictObject({
    data: z.array(RECORD_SCHEMAS[entity]),
    next: z
      .string()
      .nullable()
      .meta({ description: "Cursor of the next page (pass it as ?cursor=), or null on the last page. The Link header carries the full URL." }),
    meta: ListMeta,
  });
}

/** One published record. */
export function recordResponse(entity: EntityKey) {
  return z.strictObject({ data: RECORD_SCHEMAS[entity], meta: RecordMeta });
}

/** A problem with one parameter: its name (empty for the request as a whole) and what to do. */
export const FieldIssue = z.strictObject({ path: z.string(), message: z.string() }).meta({ id: "FieldIssue" });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorResponse = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: "invalid_parameters, not_found or server_error." }),
      message: z.string(),
      issues: z.array(FieldIssue).optional(),
    }),
  })
  .meta({ id: "Error" });

export const IndexResponse = z
  .strictObject({
    name: z.string(),
    version: z.literal("v1"),
    documentation: z.string(),
    openapi: z.string(),
    tables: z.array(z.strictObject({ name: z.string(), list: z.string(), record: z.string() })),
    bulk: z.strictObject({ manifest: z.string(), dictionary: z.string(), archive: z.string() }),
    feeds: z.strictObject({ changes: z.string(), country: z.string(), kind: z.string() }),
    licence: z.literal("CC BY 4.0"),
    rateLimit: z.string(),
  })
  .meta({ id: "Index" });

// ---------------------------------------------------------------- bulk files

/** A bulk JSON file: one table's published records with the release they belong to. */
export function tableFile(entity: EntityKey) {
  return z.strictObject({
    table: z.literal(entity),
    release: ReleaseNumber,
    dataAsOf: DataAsOf,
    licence: z.literal("CC BY 4.0"),
    citation: z.string(),
    count: z.number().int().min(0),
    records: z.array(RECORD_SCHEMAS[entity]),
  });
}

const ManifestFile = z
  .strictObject({
    name: z.string(),
    table: z.string().nullable(),
    format: z.enum(["csv", "json", "txt", "cff"]),
    rows: z.number().int().min(0).nullable().meta({ description: "Data rows (CSV lines after the header, or JSON records); null for documentation files." }),
    bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .meta({ id: "ManifestFile" });

export const Manifest = z
  .strictObject({
    title: z.string(),
    release: ReleaseNumber,
    dataAsOf: DataAsOf,
    releaseNote: z.string().nullable(),
    licence: z.strictObject({ data: z.string(), url: z.string(), code: z.string() }),
    citation: z.string(),
    files: z.array(ManifestFile),
    archive: z.string().meta({ description: "Name of the zip archive holding every file listed here (its checksum is in SHA256SUMS)." }),
  })
  .meta({ id: "Manifest" });
export type Manifest = z.infer<typeof Manifest>;

const DictionaryColumn = z
  .strictObject({
    name: z.string(),
    type: z.enum(["string", "integer", "number", "boolean", "date", "datetime", "enum", "list", "object"]),
    nullable: z.boolean(),
    meaning: z.string(),
    values: z.array(z.strictObject({ value: z.string(), label: z.string().nullable() })).nullable(),
    json: z.string().nullable().meta({ description: "Where the column's data sits in the table's JSON record, when it differs from the column name." }),
  })
  .meta({ id: "DictionaryColumn" });

export const Dictionary = z
  .strictObject({
    title: z.string(),
    conventions: z.array(z.string()),
    tables: z.array(
      z.strictObject({
        name: z.string(),
        file: z.string(),
        json: z.string().nullable(),
        rowIs: z.string(),
        key: z.array(z.string()),
        columns: z.array(DictionaryColumn),
      }),
    ),
  })
  .meta({ id: "Dictionary" });
export type Dictionary = z.infer<typeof Dictionary>;

// ---------------------------------------------------------------- parameters

/** A comma-separated (or repeated) filter, documented with its allowed values. */
function listFilter<S extends z.ZodType>(schema: S, allowed: readonly string[], description: string) {
  return schema.meta({
    description: `${description} Comma-separated or repeated; values are alternatives (any of).`,
    param: { style: "form", explode: false },
    override: { type: "array", items: { type: "string", enum: [...allowed] } },
  });
}
const list = <T extends string>(allowed: [T, ...T[]], name: string, description: string) => listFilter(listParam(allowed, name), allowed, description);

const AsOf = AsOfParam.meta({
  description:
    "Valid time: the records as they stood on this date (YYYY-MM-DD, not in the future). Commitments keep only the lifecycle steps dated on or before it and are left out if they had none; events, polls (by end of fieldwork), claims (by their as-of date) and coalition participation (first recorded) dated after it are left out, and a leaving date after it is not shown. Actors, sites and sources carry no valid-time date and are not filtered. Absent: everything recorded.",
  example: "2025-09-04",
  override: { type: "string", format: "date" },
});

/** Opaque cursor: base64url of the last slug of the previous page. */
const Cursor = z.preprocess(
  first,
  z
    .string()
    .max(400, "The cursor is too long.")
    .regex(/^[A-Za-z0-9_-]+$/, "Use the `next` value of the previous page as the cursor.")
    .optional(),
).meta({ description: "The `next` value of the previous page. Cursors stay valid across releases (pages are ordered by slug)." });

const Limit = z
  .preprocess(
    first,
    z
      .string()
      .regex(/^\d{1,3}$/, "Use a whole number from 1 to 500.")
      .transform(Number)
      .pipe(z.number().int().min(1, "Use a whole number from 1 to 500.").max(500, "Use a whole number from 1 to 500."))
      .optional(),
  )
  .meta({
    description: "Records per page: 1–500, default 100.",
    override: ({ jsonSchema }) => {
      delete jsonSchema.pattern;
      Object.assign(jsonSchema, { type: "integer", minimum: 1, maximum: 500, default: 100 });
    },
  });

const PAGE = { asOf: AsOf, cursor: Cursor, limit: Limit };

const ActorSlugs = TimelineParams.shape.actor.meta({
  description: "Actor slugs (gb, fr, nato, …), comma-separated or repeated; an unknown slug is an error.",
  param: { style: "form", explode: false },
  override: { type: "array", items: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" } },
});
const Countries = PollsParams.shape.country.meta({
  description: "ISO 3166-1 alpha-2 codes (GB, FR, …), any case, comma-separated or repeated; an unknown code is an error.",
  param: { style: "form", explode: false },
  override: { type: "array", items: { type: "string", pattern: "^[A-Za-z]{2}$" } },
});
const DateParam = (what: string, example: string) =>
  TimelineParams.shape.from.meta({ description: what, example, override: { type: "string", format: "date" } });

/** Query parameters of each list endpoint: the pages' filters, asOf and paging. Unknown parameters are refused. */
export const LIST_PARAMS = {
  sources: z.strictObject({ ...PAGE, kind: listFilter(SourcesParams.shape.kind, values(SourceKind), "Kind of source.") }),
  actors: z.strictObject({
    ...PAGE,
    kind: list(values(ActorKind), "actor kind", "Kind of actor."),
    group: list(values(ActorGroup), "actor group", "Grouping the actor belongs to."),
  }),
  participation: z.strictObject({ ...PAGE, actor: ActorSlugs, role: list(values(ParticipationRole), "role", "Role in the coalition.") }),
  commitments: z.strictObject({
    ...PAGE,
    actor: ActorSlugs,
    kind: listFilter(CommitmentsParams.shape.kind, values(CommitmentKind), "Kind of commitment."),
    stage: listFilter(CommitmentsParams.shape.stage, STAGES, "Stage in force on the asOf date (today when asOf is absent)."),
    condition: listFilter(CommitmentsParams.shape.condition, CONDITION_FILTERS, "Condition tag; NONE selects commitments with no condition recorded."),
    legalForm: listFilter(CommitmentsParams.shape.legalForm, LEGAL_FORM_ORDER, "Legal form."),
    approval: listFilter(CommitmentsParams.shape.approval, APPROVAL_ORDER, "Parliamentary approval."),
    group: listFilter(CommitmentsParams.shape.group, GROUP_ORDER, "A group the commitment's actor belongs to."),
  }),
  sites: z.strictObject({
    ...PAGE,
    kind: list(values(SiteKind), "site kind", "Kind of site."),
    precision: list(values(LocationPrecision), "precision", "How precisely the location was announced."),
    country: Countries,
  }),
  polls: z.strictObject({
    ...PAGE,
    country: Countries,
    class: listFilter(PollsParams.shape.class, WORDING_CLASSES, "Wording class of the question (never pool different classes)."),
  }),
  events: z
    .strictObject({
      ...PAGE,
      actor: ActorSlugs,
      kind: list(values(EventKind), "event kind", "Kind of event."),
      from: DateParam("Events whose period (day, month or year) ends on or after this date (YYYY-MM-DD).", "2025-01-01"),
      to: DateParam("Events dated on or before this date (YYYY-MM-DD).", "2025-12-31"),
    })
    .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ["to"], message: "The end date is before the start date." }),
  claims: z.strictObject({
    ...PAGE,
    actor: ActorSlugs,
    kind: list(values(ClaimKind), "claim kind", "CLAIM or FIGURE."),
    verification: list(values(VerificationStatus), "verification status", "Verification status."),
  }),
} satisfies Record<EntityKey, z.ZodType>;

/** The filters any list endpoint may carry (each entity uses its own). */
export type AnyListParams = Partial<{
  asOf: string;
  cursor: string;
  limit: number;
  actor: string[];
  kind: string[];
  group: string[];
  role: string[];
  stage: string[];
  condition: string[];
  legalForm: string[];
  approval: string[];
  precision: string[];
  country: string[];
  class: string[];
  from: string;
  to: string;
  verification: string[];
}>;

/** Endpoints without parameters refuse any. */
export const NO_PARAMS = z.strictObject({});

/** Path parameter of the single-record endpoints. */
export const IdOrSlug = z
  .string()
  .min(1)
  .max(80)
  .meta({ description: "The record's id or slug.", example: "gb-troops-mnf-u", param: { description: "The record's id or slug." } });
