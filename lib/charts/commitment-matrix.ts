// The commitments comparison: published commitments → the stage each had on the view's date →
// filtered → actors (rows) × commitment kinds (columns), and the chart's layout per width class.
// Pure: no React, no database, so the page, the embed and the downloads share exactly the same rows.
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
import { measure } from "@/lib/embed/layout/measure";
import { formatDate } from "@/lib/format";
import { APPROVAL, CONDITION, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import { COMMITMENTS, KIND_SHORT, commitmentsCount } from "@/lib/i18n/messages/commitments";
import { STAGE_CODE } from "@/lib/i18n/messages/embed";
import { STAGE_ORDER, stageAsOf } from "@/lib/lifecycle";
import type { Geometry, TextBox } from "./legibility";
import { WIDTH, perWidth, type PerWidth, type WidthClass } from "./width";
import { NO_CONDITION, type ConditionFilter, type MatrixSort } from "@/lib/schemas/views/commitments";

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
export const CONDITION_ORDER = values(ConditionTag);
export const LEGAL_FORM_ORDER = values(LegalForm);
export const APPROVAL_ORDER = values(ParliamentaryApproval);
export const GROUP_ORDER = values(ActorGroup);
export const STAGES = values(LifecycleStage);

/** Rows of the commitments table per page (today's data fits on one). */
export const PAGE_SIZE = 100;

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
  for (const c of shown) {
    const list = byActor.get(c.actor.slug);
    if (list) list.push(c);
    else byActor.set(c.actor.slug, [c]);
  }

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

export type TablePage<T> = { page: number; pages: number; total: number; from: number; rows: T[] };

/** One page of the table's rows; null when `page` is past the last page (page 1 always exists). */
export function pageOf<T>(rows: readonly T[], page = 1, size = PAGE_SIZE): TablePage<T> | null {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  if (page > pages) return null;
  const from = (page - 1) * size;
  return { page, pages, total: rows.length, from, rows: rows.slice(from, from + size) };
}

// ——— Per-width-class layouts of the matrix chart (pure; drawn by components/charts/commitment-matrix.tsx) ———

export type PlacedText = {
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  size: number;
  anchor: "start" | "middle" | "end";
  bold?: boolean;
  muted?: boolean;
  /** The whole text when `text` was shortened (shown as a tooltip). */
  full?: string;
};
/** A cell (grid) or chip (list): a stage-coloured box with its stage code, linked to its commitment. */
export type PlacedCell = {
  x: number;
  y: number;
  w: number;
  h: number;
  stage: LifecycleStage;
  /** Index in STAGE_ORDER: the fill class. */
  stageIndex: number;
  label: PlacedText;
  /** Commitments of this actor and kind (the label shows the count when more than one). */
  count: number;
  /** The strongest rests on a single source or low confidence: drawn with a dashed outline. */
  weak: boolean;
  /** Where the cell leads: its one commitment, or, for several, the actor's page listing them all. */
  link: CellLink;
  /** Index of its actor in `rows`. */
  row: number;
  /** Accessible name and tooltip. */
  name: string;
};
export type CellLink = { commitment: string } | { actor: string };
/** The path a cell leads to: a commitment's page, or the actor's page. */
export function cellPath(to: CellLink): string {
  return "commitment" in to ? `/commitments/${to.commitment}` : `/countries/${to.actor}`;
}
export type PlacedLine = { x1: number; y1: number; x2: number; y2: number };
export type PlacedMatrix = {
  width: WidthClass;
  /** "grid": actors × kinds; "list": actors, each with a chip per kind. */
  form: "grid" | "list";
  w: number;
  h: number;
  texts: PlacedText[];
  cells: PlacedCell[];
  lines: PlacedLine[];
  /**
   * One per actor. An actor with several commitments of a kind is one link (to the actor's page,
   * named with every cell) instead of a link per cell: fewer tab stops and far fewer bytes when dense.
   */
  rows: PlacedRow[];
};
export type PlacedRow = { link: CellLink | null; name: string };

const TEXT = { name: 12, head: 11, cell: 11, actor: 13, count: 11, line: 13 } as const;
const ELLIPSIS = "…";

/** `text` shortened with an ellipsis to fit `width` px at `size`. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (measure(text, size, bold) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS, size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + ELLIPSIS;
}

/** Greedy word wrap to `width` px; a word wider than the line is shortened with an ellipsis. */
export function wrapText(text: string, width: number, size: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (measure(next, size) <= width) cur = next;
    else {
      if (cur) out.push(cur);
      cur = measure(word, size) <= width ? word : fitText(word, width, size);
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Whether every word of `text` fits `width` px unbroken. */
const wordsFit = (text: string, width: number, size: number) => text.split(/\s+/).every((w) => measure(w, size) <= width);

/** The box a placed text takes (the same generous estimate the legibility tests use). */
export function textBox(t: PlacedText): TextBox {
  const w = measure(t.text, t.size, t.bold);
  const x0 = t.anchor === "start" ? t.x : t.anchor === "middle" ? t.x - w / 2 : t.x - w;
  return { x0, x1: x0 + w, y0: t.y - t.size * 0.85, y1: t.y + t.size * 0.25, size: t.size, text: t.text };
}

/** Text and marks of a placed matrix, for checkLegibility. */
export function matrixGeometry(p: PlacedMatrix): Geometry {
  return {
    width: p.w,
    height: p.h,
    texts: [...p.texts, ...p.cells.map((c) => c.label)].map(textBox),
    marks: p.cells.map((c) => ({ x0: c.x, y0: c.y, x1: c.x + c.w, y1: c.y + c.h })),
  };
}

/** The accessible name of a cell: "United Kingdom, Troops: Formalised (signed) since 6 Jan 2026; …". */
export function cellName(actor: string, c: ShownCommitment, count: number, lang: "en" | "uk"): string {
  const head = `${actor}, ${KIND[c.kind][lang]}`;
  // Many of one kind: the count and the strongest, not one commitment's details.
  if (count > 1) return `${head}: ${commitmentsCount(count, lang)}; ${lang === "uk" ? "найсильніше" : "strongest"}: ${STAGE[c.stageAsOf][lang]}`;
  const since = formatDate(c.stageSince.date, c.stageSince.datePrecision, lang);
  const conditions = c.conditions.length ? c.conditions.map((t) => CONDITION[t][lang]).join(", ") : "–";
  const cond = lang === "uk" ? "умови" : "conditions";
  const parl = lang === "uk" ? "парламент" : "parliament";
  return `${head}: ${STAGE[c.stageAsOf][lang]} (${since}); ${cond}: ${conditions}; ${LEGAL_FORM[c.legalForm][lang]}, ${parl}: ${APPROVAL[c.parliamentaryApproval][lang].toLowerCase()}`;
}

const isWeak = (c: ShownCommitment) => c.singleSource || c.confidence === "LOW" || c.confidence === "UNVERIFIED";

/** What a cell or chip says: the stage code, and "×N" when the actor has N of the kind. */
function cellCode(cell: MatrixCell, lang: "en" | "uk"): string {
  const n = cell.commitments.length;
  return STAGE_CODE[cell.primary.stageAsOf][lang] + (n > 1 ? ` ×${n}` : "");
}

/** The row's link and name: the actor's page, named with every cell, when any cell counts several. */
function placeRow(r: MatrixRow, lang: "en" | "uk"): PlacedRow {
  const dense = Object.values(r.cells).some((c) => c.commitments.length > 1);
  if (!dense) return { link: null, name: actorName(r.actor, lang) };
  // Short: the cells' details are in the page's table and the embed's data table.
  const kinds = Object.keys(r.cells).length;
  const strongest = lang === "uk" ? "найсильніший етап" : "strongest stage";
  const inKinds = lang === "uk" ? `видів: ${kinds}` : `${kinds} ${kinds === 1 ? "kind" : "kinds"}`;
  return {
    link: { actor: (r.actor.iso2 ?? r.actor.slug).toLowerCase() },
    name: `${actorName(r.actor, lang)}: ${commitmentsCount(r.count, lang)}, ${inKinds}; ${strongest}: ${STAGE[r.strongest][lang]}`,
  };
}

function placeCell(r: MatrixRow, row: number, cell: MatrixCell, box: { x: number; y: number; w: number; h: number }, label: PlacedText, lang: "en" | "uk"): PlacedCell {
  const c = cell.primary;
  return {
    ...box,
    row,
    stage: c.stageAsOf,
    stageIndex: STAGE_ORDER.indexOf(c.stageAsOf),
    label,
    count: cell.commitments.length,
    weak: isWeak(c),
    link: cell.commitments.length > 1 ? { actor: (r.actor.iso2 ?? r.actor.slug).toLowerCase() } : { commitment: c.slug },
    name: cellName(actorName(r.actor, lang), c, cell.commitments.length, lang),
  };
}

function emptyLayout(width: WidthClass, lang: "en" | "uk"): PlacedMatrix {
  const w = WIDTH[width].design;
  const text = fitText(COMMITMENTS.noneMatch[lang], w, TEXT.name);
  return { width, form: width === "narrow" ? "list" : "grid", w, h: 16, texts: [{ x: 0, y: 12, text, size: TEXT.name, anchor: "start", muted: true }], cells: [], lines: [], rows: [] };
}

const GRID = { rowH: 22, minCol: 52, maxCol: 84, gap: 4, lineH: 13, panelGap: 14 };

/**
 * Actors (rows) × kinds (columns) at a design width. Columns that do not fit side by side are
 * split into panels stacked under each other (medium); headings wrap, and alternate between two
 * tiers when a word is wider than its column, so no two headings touch.
 */
export function layoutGrid(m: Matrix, width: WidthClass, lang: "en" | "uk"): PlacedMatrix {
  const W = WIDTH[width].design;
  const maxLabel = width === "wide" ? 180 : 132;
  const names = m.rows.map((r) => actorName(r.actor, lang));
  const labelW = Math.ceil(Math.min(maxLabel, Math.max(72, ...names.map((n) => measure(n, TEXT.name) + 8))));
  const avail = W - labelW;
  const perMax = Math.max(1, Math.floor(avail / GRID.minCol));
  const panelCount = Math.ceil(m.columns.length / perMax);
  const per = Math.ceil(m.columns.length / panelCount);
  const fullCol = Math.min(GRID.maxCol, Math.floor(avail / per));
  const texts: PlacedText[] = [];
  const cells: PlacedCell[] = [];
  const lines: PlacedLine[] = [];
  let y = 0;
  for (let p = 0; p < panelCount; p++) {
    const cols = m.columns.slice(p * per, (p + 1) * per);
    const labels = cols.map((k) => KIND_SHORT[k][lang]);
    // One tier when every word fits its column; otherwise alternate columns on two tiers, each
    // heading then free to take two columns' width (minus a gap where the other tier's tick runs).
    const oneTier = labels.every((l) => wordsFit(l, fullCol - GRID.gap, TEXT.head));
    const tiers = oneTier || cols.length === 1 ? 1 : 2;
    // Two-tier headings reach half a column past the last one: keep that room inside the frame.
    const colW = tiers === 1 ? fullCol : Math.floor((avail - fullCol / 2) / per);
    const room = tiers === 1 ? colW - GRID.gap : 2 * colW - 10;
    const wrapped = labels.map((l) => wrapText(l, room, TEXT.head));
    const tierLines = [0, 1].map((t) => Math.max(0, ...wrapped.filter((_, i) => i % tiers === t).map((w) => w.length)));
    const tierH = tierLines.map((n) => n * GRID.lineH);
    const headH = tierH[0] + (tiers === 2 ? tierH[1] + 3 : 0) + 4;
    const top = y;
    cols.forEach((k, i) => {
      const cx = labelW + i * colW + colW / 2;
      // Tier 0 (every other column from the first) sits on the row line; tier 1 above it.
      const tier = i % tiers;
      const bottom = top + headH - 4 - (tier === 1 ? tierH[0] + 3 : 0);
      const ls = wrapped[i];
      ls.forEach((text, j) => {
        texts.push({ x: cx, y: bottom - (ls.length - 1 - j) * GRID.lineH - 3, text, size: TEXT.head, anchor: "middle", muted: true, ...(text !== labels[i] && j === 0 ? { full: KIND[k][lang] } : {}) });
      });
      if (tier === 1) lines.push({ x1: cx, y1: bottom + 1, x2: cx, y2: top + headH });
    });
    y = top + headH;
    for (const [ri, r] of m.rows.entries()) {
      // A panel lists only the actors with something in its columns.
      if (panelCount > 1 && !cols.some((k) => r.cells[k])) continue;
      const name = fitText(names[ri], labelW - 8, TEXT.name);
      texts.push({ x: 0, y: y + GRID.rowH / 2 + 4, text: name, size: TEXT.name, anchor: "start", ...(name !== names[ri] ? { full: names[ri] } : {}) });
      lines.push({ x1: 0, y1: y, x2: labelW + cols.length * colW, y2: y });
      cols.forEach((k, i) => {
        const cell = r.cells[k];
        if (!cell) return;
        const box = { x: labelW + i * colW + 2, y: y + 2, w: colW - 4, h: GRID.rowH - 4 };
        const code = cellCode(cell, lang);
        const text = measure(code, TEXT.cell, true) <= box.w - 4 ? code : code.replace(" ×", " ");
        cells.push(placeCell(r, ri, cell, box, { x: box.x + box.w / 2, y: box.y + box.h / 2 + 4, text, size: TEXT.cell, anchor: "middle", bold: true }, lang));
      });
      y += GRID.rowH;
    }
    if (p < panelCount - 1) y += GRID.panelGap;
  }
  return { width, form: "grid", w: W, h: Math.ceil(y + 2), texts, cells, lines, rows: m.rows.map((r) => placeRow(r, lang)) };
}

const LIST = { chipH: 19, chipGap: 4, padX: 5, rowGap: 10 };

/**
 * Phones: a list of actors, each with a chip per kind it has (kind, stage code, count), chips
 * wrapped to the width. Colour is the stage; the code says it in text.
 */
export function layoutList(m: Matrix, width: WidthClass, lang: "en" | "uk"): PlacedMatrix {
  const W = WIDTH[width].design;
  const texts: PlacedText[] = [];
  const cells: PlacedCell[] = [];
  const lines: PlacedLine[] = [];
  let y = 0;
  for (const [ri, r] of m.rows.entries()) {
    if (ri > 0) lines.push({ x1: 0, y1: y - LIST.rowGap / 2, x2: W, y2: y - LIST.rowGap / 2 });
    const count = commitmentsCount(r.count, lang);
    const countW = measure(count, TEXT.count);
    const full = actorName(r.actor, lang);
    const name = fitText(full, (W - countW * 1.1 - 12) / 1.1, TEXT.actor, true);
    texts.push({ x: 0, y: y + 13, text: name, size: TEXT.actor, anchor: "start", bold: true, ...(name !== full ? { full } : {}) });
    texts.push({ x: W - 2, y: y + 13, text: count, size: TEXT.count, anchor: "end", muted: true });
    y += 19;
    let x = 0;
    for (const k of m.columns) {
      const cell = r.cells[k];
      if (!cell) continue;
      // Regular weight, with 10 % to spare: wide system fonts (DejaVu Sans) run past the estimate.
      const text = fitText(`${KIND_SHORT[k][lang]} · ${cellCode(cell, lang)}`, (W - 2 * LIST.padX) / 1.1, TEXT.cell);
      const w = Math.ceil(measure(text, TEXT.cell) * 1.1 + 2 * LIST.padX);
      if (x > 0 && x + w > W) {
        x = 0;
        y += LIST.chipH + LIST.chipGap;
      }
      const box = { x, y, w, h: LIST.chipH };
      cells.push(placeCell(r, ri, cell, box, { x: x + LIST.padX, y: y + 13.5, text, size: TEXT.cell, anchor: "start" }, lang));
      x += w + LIST.chipGap;
    }
    y += LIST.chipH + LIST.rowGap;
  }
  return { width, form: "list", w: W, h: Math.ceil(y - LIST.rowGap + 2), texts, cells, lines, rows: m.rows.map((r) => placeRow(r, lang)) };
}

/** Tallest phone list (px) drawn chip per kind; beyond it each actor's commitments are counted by stage. */
export const LIST_MAX_H = 3200;

/**
 * Phones, when a chip per kind would make the list too long to scroll through (many actors with
 * many kinds): each actor with a chip per stage it has ("FO 12"), strongest first, linking to the
 * actor's page, under a line that says so.
 */
export function layoutListByStage(m: Matrix, width: WidthClass, lang: "en" | "uk"): PlacedMatrix {
  const W = WIDTH[width].design;
  const texts: PlacedText[] = wrapText(COMMITMENTS.byStageNote[lang], W, TEXT.count).map((text, i) => ({ x: 0, y: 12 + i * 15, text, size: TEXT.count, anchor: "start", muted: true }));
  const cells: PlacedCell[] = [];
  const lines: PlacedLine[] = [];
  let y = texts.length * 15 + LIST.rowGap;
  for (const [ri, r] of m.rows.entries()) {
    lines.push({ x1: 0, y1: y - LIST.rowGap / 2, x2: W, y2: y - LIST.rowGap / 2 });
    const count = commitmentsCount(r.count, lang);
    const full = actorName(r.actor, lang);
    const name = fitText(full, (W - measure(count, TEXT.count) * 1.1 - 12) / 1.1, TEXT.actor, true);
    texts.push({ x: 0, y: y + 13, text: name, size: TEXT.actor, anchor: "start", bold: true, ...(name !== full ? { full } : {}) });
    texts.push({ x: W - 2, y: y + 13, text: count, size: TEXT.count, anchor: "end", muted: true });
    y += 19;
    const byStage = new Map<LifecycleStage, { n: number; weak: boolean }>();
    for (const cell of Object.values(r.cells)) {
      for (const c of cell.commitments) {
        const s = byStage.get(c.stageAsOf) ?? { n: 0, weak: true };
        byStage.set(c.stageAsOf, { n: s.n + 1, weak: s.weak && isWeak(c) });
      }
    }
    const link = { actor: (r.actor.iso2 ?? r.actor.slug).toLowerCase() };
    let x = 0;
    for (const stage of [...STAGE_ORDER].reverse()) {
      const s = byStage.get(stage);
      if (!s) continue;
      const text = `${STAGE_CODE[stage][lang]} ${s.n}`;
      const w = Math.ceil(measure(text, TEXT.cell, true) * 1.1 + 2 * LIST.padX);
      if (x > 0 && x + w > W) {
        x = 0;
        y += LIST.chipH + LIST.chipGap;
      }
      const label: PlacedText = { x: x + w / 2, y: y + 13.5, text, size: TEXT.cell, anchor: "middle", bold: true };
      cells.push({ x, y, w, h: LIST.chipH, row: ri, stage, stageIndex: STAGE_ORDER.indexOf(stage), label, count: s.n, weak: s.weak, link, name: `${full}: ${commitmentsCount(s.n, lang)}, ${STAGE[stage][lang]}` });
      x += w + LIST.chipGap;
    }
    y += LIST.chipH + LIST.rowGap;
  }
  // Every chip leads to its actor's page: one link per actor.
  const rows = m.rows.map((r) => ({ link: { actor: (r.actor.iso2 ?? r.actor.slug).toLowerCase() }, name: `${actorName(r.actor, lang)}: ${commitmentsCount(r.count, lang)}` }));
  return { width, form: "list", w: W, h: Math.ceil(y - LIST.rowGap + 2), texts, cells, lines, rows };
}

/** The matrix chart laid out for one width class: a list of actors with chips when narrow, a grid otherwise. */
export function layoutMatrixChart(m: Matrix, width: WidthClass, lang: "en" | "uk"): PlacedMatrix {
  if (m.rows.length === 0) return emptyLayout(width, lang);
  if (width !== "narrow") return layoutGrid(m, width, lang);
  const list = layoutList(m, width, lang);
  return list.h <= LIST_MAX_H ? list : layoutListByStage(m, width, lang);
}

/** The matrix chart for every width class. */
export function matrixLayouts(m: Matrix, lang: "en" | "uk"): PerWidth<PlacedMatrix> {
  return perWidth((w) => layoutMatrixChart(m, w, lang));
}
