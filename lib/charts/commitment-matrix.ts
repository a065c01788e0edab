// The commitments comparison: published commitments → the stage each had on the view's date →
// filtered → actors (rows) × commitment kinds (columns). Pure: no React, no database, so the
// page, the download route and a future embed share exactly the same rows.
import { z } from "zod";
import {
  ActorGroup,
  CommitmentKind,
  ConditionTag,
  LegalForm,
  LifecycleStage,
  ParliamentaryApproval,
} from "@/lib/generated/prisma/enums";
import type {
  Confidence,
  DatePrecision,
  QuantityBasis,
  QuantityQualifier,
} from "@/lib/generated/prisma/enums";
import { stageAsOf } from "@/lib/lifecycle";
import { BaseViewParams, first, listParam } from "@/lib/schemas/search-params";

const values = <T extends string>(o: Record<string, T>) => Object.values(o) as [T, ...T[]];

/**
 * Column order: the core of a guarantee first (troops, the refusals that answer the same
 * question, the binding "if attacked again" pledge), then the mission's components, then money.
 * Fixed, so columns keep their place across dates and filters.
 */
export const KIND_ORDER: readonly CommitmentKind[] = [
  "TROOPS",
  "REFUSAL",
  "BINDING_GUARANTEE",
  "CEASEFIRE_MONITORING",
  "AIR_POLICING",
  "MARITIME_DEMINING",
  "TRAINING_REGENERATION",
  "MILITARY_HUB",
  "PROTECTED_FACILITY",
  "HQ_COMMAND",
  "LOGISTICS",
  "FUNDING",
];
const KINDS = values(CommitmentKind);
export const CONDITION_ORDER = values(ConditionTag);
export const LEGAL_FORM_ORDER = values(LegalForm);
export const APPROVAL_ORDER = values(ParliamentaryApproval);
export const GROUP_ORDER = values(ActorGroup);
export const STAGES = values(LifecycleStage);

/** `condition=NONE` selects commitments with no condition recorded (what is offered unconditionally). */
export const NO_CONDITION = "NONE" as const;
export type ConditionFilter = ConditionTag | typeof NO_CONDITION;
export const CONDITION_FILTERS = [...CONDITION_ORDER, NO_CONDITION] as [ConditionFilter, ...ConditionFilter[]];

export const SORTS = ["actor", "count", "stage"] as const;
export type MatrixSort = (typeof SORTS)[number];

/**
 * /commitments?kind=TROOPS,FUNDING&stage=…&condition=…&legalForm=…&approval=…&group=EU&sort=stage&asOf=…
 * Within one filter the values are alternatives (any of); different filters must all hold.
 */
export const CommitmentsParams = BaseViewParams.extend({
  kind: listParam(KINDS, "kind"),
  stage: listParam(STAGES, "stage"),
  condition: listParam(CONDITION_FILTERS, "condition"),
  legalForm: listParam(LEGAL_FORM_ORDER, "legal form"),
  approval: listParam(APPROVAL_ORDER, "parliamentary approval"),
  group: listParam(GROUP_ORDER, "actor group"),
  sort: z.preprocess(first, z.enum(SORTS, { message: `Unknown sort. Use one of: ${SORTS.join(", ")}.` }).optional()),
});
export type CommitmentsParams = z.infer<typeof CommitmentsParams>;

export type MatrixFilters = {
  kind?: CommitmentKind[];
  stage?: LifecycleStage[];
  condition?: ConditionFilter[];
  legalForm?: LegalForm[];
  approval?: ParliamentaryApproval[];
  group?: ActorGroup[];
};
export const FILTER_KEYS = ["kind", "stage", "condition", "legalForm", "approval", "group"] as const satisfies readonly (keyof MatrixFilters)[];

export type MatrixSource = { url: string; outlet: string; originalOutlet: string | null };
export type MatrixActor = {
  slug: string;
  name: string;
  nameUk: string | null;
  iso2: string | null;
  groups: ActorGroup[];
};
export type DatedStageRecord = { stage: LifecycleStage; date: Date; datePrecision: DatePrecision };

/** One published commitment as loaded for the view (stages may extend past the view's date). */
export type CommitmentRecord = {
  slug: string;
  title: string;
  kind: CommitmentKind;
  actor: MatrixActor;
  conditions: ConditionTag[];
  legalForm: LegalForm;
  parliamentaryApproval: ParliamentaryApproval;
  quantityLow: number | null;
  quantityHigh: number | null;
  quantityUnit: string | null;
  quantityQualifier: QuantityQualifier | null;
  quantityBasis: QuantityBasis | null;
  confidence: Confidence;
  singleSource: boolean;
  stages: DatedStageRecord[];
  sources: MatrixSource[];
};

/** A commitment as it stood on the view's date. */
export type ShownCommitment = CommitmentRecord & {
  stageAsOf: LifecycleStage;
  /** The dated record that put it in that stage (the latest one on or before the date). */
  stageSince: { date: Date; datePrecision: DatePrecision };
};

export type MatrixCell = {
  kind: CommitmentKind;
  /** The strongest commitment of this kind (latest on a tie); the cell shows it. */
  primary: ShownCommitment;
  /** All of the actor's shown commitments of this kind, primary first. */
  commitments: ShownCommitment[];
};
export type MatrixRow = {
  actor: MatrixActor;
  count: number;
  strongest: LifecycleStage;
  cells: Partial<Record<CommitmentKind, MatrixCell>>;
  /** The row's commitments in column order (the phone list and the download use these). */
  commitments: ShownCommitment[];
};
export type Matrix = {
  columns: CommitmentKind[];
  rows: MatrixRow[];
  totals: { actors: number; commitments: number; recorded: number };
};

/**
 * How far a stage commits an actor, for "strongest": deployed is the most, a refusal or
 * withdrawal the least (they still beat "nothing recorded", which has no cell at all).
 */
export const STAGE_STRENGTH: Record<LifecycleStage, number> = {
  RULED_OUT: 0,
  WITHDRAWN: 1,
  FLOATED: 2,
  ANNOUNCED: 3,
  CONDITIONAL_OFFER: 4,
  FORMALISED: 5,
  PARLIAMENT_APPROVED: 6,
  DEPLOYED: 7,
};

/** Legal forms from least to most binding (unknown is not ranked: 0 of 4). */
export const LEGAL_FORM_STRENGTH: Record<LegalForm, number> = {
  UNKNOWN: 0,
  STATEMENT: 1,
  POLITICAL_DECLARATION: 2,
  EXECUTIVE_AGREEMENT: 3,
  TREATY: 4,
};

/** The commitment with its stage as of `asOf`; null when it had no stage yet on that date. */
export function atDate(c: CommitmentRecord, asOf: Date): ShownCommitment | null {
  const stage = stageAsOf(c.stages, asOf);
  if (stage === null) return null;
  // The record in force: latest date on or before asOf; same date → later in the order (as stageAsOf).
  let since: DatedStageRecord | null = null;
  for (const s of c.stages) {
    if (s.date.getTime() > asOf.getTime() || s.stage !== stage) continue;
    if (since === null || s.date.getTime() > since.date.getTime()) since = s;
  }
  const rec = since ?? c.stages[0];
  return { ...c, stageAsOf: stage, stageSince: { date: rec.date, datePrecision: rec.datePrecision } };
}

/** Whether a shown commitment passes every filter (values within one filter are alternatives). */
export function matches(c: ShownCommitment, f: MatrixFilters): boolean {
  if (f.kind?.length && !f.kind.includes(c.kind)) return false;
  if (f.stage?.length && !f.stage.includes(c.stageAsOf)) return false;
  if (f.legalForm?.length && !f.legalForm.includes(c.legalForm)) return false;
  if (f.approval?.length && !f.approval.includes(c.parliamentaryApproval)) return false;
  if (f.group?.length && !f.group.some((g) => c.actor.groups.includes(g))) return false;
  if (f.condition?.length) {
    const none = f.condition.includes(NO_CONDITION) && c.conditions.length === 0;
    const any = c.conditions.some((t) => (f.condition as string[]).includes(t));
    if (!none && !any) return false;
  }
  return true;
}

/** Stronger first; on equal strength the more recent stage first, then the slug (stable). */
export function compareStrength(a: ShownCommitment, b: ShownCommitment): number {
  return (
    STAGE_STRENGTH[b.stageAsOf] - STAGE_STRENGTH[a.stageAsOf] ||
    b.stageSince.date.getTime() - a.stageSince.date.getTime() ||
    a.slug.localeCompare(b.slug)
  );
}

/** The name shown for an actor in a language (Ukrainian when recorded). */
export function actorName(a: Pick<MatrixActor, "name" | "nameUk">, lang: "en" | "uk"): string {
  return lang === "uk" && a.nameUk ? a.nameUk : a.name;
}

/** Builds the matrix for a date, filters and sort. Commitments with no stage on the date are left out. */
export function buildMatrix(
  records: readonly CommitmentRecord[],
  opts: { asOf: Date; filters?: MatrixFilters; sort?: MatrixSort; lang?: "en" | "uk" },
): Matrix {
  const filters = opts.filters ?? {};
  const lang = opts.lang ?? "en";
  let recorded = 0;
  const shown: ShownCommitment[] = [];
  for (const r of records) {
    const c = atDate(r, opts.asOf);
    if (!c) continue;
    recorded++;
    if (matches(c, filters)) shown.push(c);
  }

  const byActor = new Map<string, ShownCommitment[]>();
  for (const c of shown) byActor.set(c.actor.slug, [...(byActor.get(c.actor.slug) ?? []), c]);

  const rows: MatrixRow[] = [];
  for (const list of byActor.values()) {
    const cells: Partial<Record<CommitmentKind, MatrixCell>> = {};
    for (const kind of KIND_ORDER) {
      const ofKind = list.filter((c) => c.kind === kind).sort(compareStrength);
      if (ofKind.length) cells[kind] = { kind, primary: ofKind[0], commitments: ofKind };
    }
    const ordered = KIND_ORDER.flatMap((k) => cells[k]?.commitments ?? []);
    const strongest = [...list].sort(compareStrength)[0].stageAsOf;
    rows.push({ actor: list[0].actor, count: list.length, strongest, cells, commitments: ordered });
  }

  const byName = (a: MatrixRow, b: MatrixRow) => actorName(a.actor, lang).localeCompare(actorName(b.actor, lang), lang);
  const sort = opts.sort ?? "actor";
  rows.sort((a, b) => {
    if (sort === "count") return b.count - a.count || byName(a, b);
    if (sort === "stage") return STAGE_STRENGTH[b.strongest] - STAGE_STRENGTH[a.strongest] || b.count - a.count || byName(a, b);
    return byName(a, b);
  });

  // Columns: the kinds asked for, else the kinds that have something to show.
  const columns = filters.kind?.length
    ? KIND_ORDER.filter((k) => filters.kind?.includes(k))
    : KIND_ORDER.filter((k) => shown.some((c) => c.kind === k));

  return { columns, rows, totals: { actors: rows.length, commitments: shown.length, recorded } };
}

/** Columns of the download, in order. */
export const DOWNLOAD_COLUMNS = [
  "commitment",
  "title",
  "actor",
  "actor_slug",
  "iso2",
  "kind",
  "stage_as_of",
  "stage_date",
  "stage_date_precision",
  "conditions",
  "legal_form",
  "parliamentary_approval",
  "quantity_low",
  "quantity_high",
  "quantity_unit",
  "quantity_qualifier",
  "quantity_basis",
  "confidence",
  "single_source",
  "url",
  "sources",
] as const;
export type DownloadRow = Record<(typeof DOWNLOAD_COLUMNS)[number], string | number | boolean | null>;

/** One download row per commitment shown, in the page's order (rows, then columns). */
export function downloadRows(m: Matrix, origin = ""): DownloadRow[] {
  return m.rows.flatMap((r) =>
    r.commitments.map((c) => ({
      commitment: c.slug,
      title: c.title,
      actor: c.actor.name,
      actor_slug: c.actor.slug,
      iso2: c.actor.iso2,
      kind: c.kind,
      stage_as_of: c.stageAsOf,
      stage_date: c.stageSince.date.toISOString().slice(0, 10),
      stage_date_precision: c.stageSince.datePrecision,
      conditions: c.conditions.join(" "),
      legal_form: c.legalForm,
      parliamentary_approval: c.parliamentaryApproval,
      quantity_low: c.quantityLow,
      quantity_high: c.quantityHigh,
      quantity_unit: c.quantityUnit,
      quantity_qualifier: c.quantityQualifier,
      quantity_basis: c.quantityBasis,
      confidence: c.confidence,
      single_source: c.singleSource,
      url: `${origin}/commitments/${c.slug}`,
      sources: c.sources.map((s) => s.url).join(" "),
    })),
  );
}

/** The filters of a parsed view, without the empty ones (for JSON downloads and links). */
export function activeFilters(p: MatrixFilters): MatrixFilters {
  const out: MatrixFilters = {};
  for (const k of FILTER_KEYS) {
    const v = p[k];
    if (v?.length) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export type FacetCounts = { [K in (typeof FILTER_KEYS)[number]]: Record<string, number> };

/**
 * For each filter, how many commitments on the date each value would match given the OTHER
 * filters (the usual faceted-search count), so a reader sees what ticking a box will show.
 */
export function facetCounts(records: readonly CommitmentRecord[], asOf: Date, filters: MatrixFilters = {}): FacetCounts {
  const live = records.map((r) => atDate(r, asOf)).filter((c): c is ShownCommitment => c !== null);
  const out = Object.fromEntries(FILTER_KEYS.map((k) => [k, {} as Record<string, number>])) as FacetCounts;
  const bump = (k: keyof FacetCounts, v: string) => (out[k][v] = (out[k][v] ?? 0) + 1);
  for (const key of FILTER_KEYS) {
    const others = { ...filters, [key]: undefined };
    for (const c of live) {
      if (!matches(c, others)) continue;
      if (key === "kind") bump(key, c.kind);
      else if (key === "stage") bump(key, c.stageAsOf);
      else if (key === "legalForm") bump(key, c.legalForm);
      else if (key === "approval") bump(key, c.parliamentaryApproval);
      else if (key === "group") for (const g of c.actor.groups) bump(key, g);
      else if (c.conditions.length === 0) bump(key, NO_CONDITION);
      else for (const t of c.conditions) bump(key, t);
    }
  }
  return out;
}
