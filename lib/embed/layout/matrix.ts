// The commitments comparison as a compact grid for embeds and images: actors (rows) × kinds
// (columns), each cell the strongest commitment of that kind as stage colour plus a two-letter
// stage code. Placed from the same Matrix the /commitments page renders (lib/charts/commitment-matrix).
import { actorName, type Matrix, type ShownCommitment } from "@/lib/charts/commitment-matrix";
import { truncate } from "@/lib/charts/timeline";
import { formatDate } from "@/lib/format";
import type { CommitmentKind, LifecycleStage } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { APPROVAL, CONDITION, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import { KIND_SHORT } from "@/lib/i18n/messages/commitments";
import { STAGE_CODE } from "@/lib/i18n/messages/embed";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { measure } from "./measure";

export type MatrixCellPlaced = {
  kind: CommitmentKind;
  x: number;
  slug: string;
  stage: LifecycleStage;
  /** Index of the stage in STAGE_ORDER (the cell's colour class). */
  stageIndex: number;
  code: string;
  /** Single source or low confidence: drawn with a dashed outline. */
  weak: boolean;
  /** Accessible name and tooltip: actor, kind, stage, date, conditions, how binding. */
  name: string;
};
export type MatrixRowPlaced = { slug: string; y: number; name: string; cells: MatrixCellPlaced[] };
export type MatrixLayout = {
  width: number;
  height: number;
  headH: number;
  rowH: number;
  colW: number;
  labelW: number;
  columns: { kind: CommitmentKind; x: number; label: string }[];
  rows: MatrixRowPlaced[];
};

const G = { rowH: 20, colW: 44, pad: 6 };

/** The accessible name of a cell: "United Kingdom, Troops: Formalised (signed) since 6 Jan 2026; …". */
export function cellName(actor: string, c: ShownCommitment, more: number, lang: Lang): string {
  const since = formatDate(c.stageSince.date, c.stageSince.datePrecision, lang);
  const conditions = c.conditions.length ? c.conditions.map((t) => CONDITION[t][lang]).join(", ") : "–";
  const extra = more > 0 ? (lang === "uk" ? `; ще ${more}` : `; ${more} more of this kind`) : "";
  const cond = lang === "uk" ? "умови" : "conditions";
  const parl = lang === "uk" ? "парламент" : "parliament";
  return `${actor}, ${KIND[c.kind][lang]}: ${STAGE[c.stageAsOf][lang]} (${since}); ${cond}: ${conditions}; ${LEGAL_FORM[c.legalForm][lang]}, ${parl}: ${APPROVAL[c.parliamentaryApproval][lang].toLowerCase()}${extra}`;
}

/** Places the matrix: label column sized to the longest name, kind labels rotated above the columns. */
export function layoutMatrix(m: Matrix, lang: Lang): MatrixLayout {
  const names = m.rows.map((r) => truncate(actorName(r.actor, lang), 26));
  const labelW = Math.round(Math.min(210, Math.max(96, Math.max(0, ...names.map((n) => measure(n, 12))) + 14)));
  const labels = m.columns.map((k) => KIND_SHORT[k][lang]);
  const headH = Math.round(Math.max(40, Math.max(0, ...labels.map((l) => measure(l, 11))) * 0.72 + 18));
  const columns = m.columns.map((kind, i) => ({ kind, x: labelW + i * G.colW, label: labels[i] }));
  const rows = m.rows.map((r, i) => ({
    slug: r.actor.slug,
    y: headH + i * G.rowH,
    name: names[i],
    cells: columns.flatMap((col) => {
      const cell = r.cells[col.kind];
      if (!cell) return [];
      const c = cell.primary;
      const more = cell.commitments.length - 1;
      return [
        {
          kind: col.kind,
          x: col.x,
          slug: c.slug,
          stage: c.stageAsOf,
          stageIndex: STAGE_ORDER.indexOf(c.stageAsOf),
          code: STAGE_CODE[c.stageAsOf][lang] + (more > 0 ? `+${more}` : ""),
          weak: c.singleSource || c.confidence === "LOW" || c.confidence === "UNVERIFIED",
          name: cellName(actorName(r.actor, lang), c, more, lang),
        },
      ];
    }),
  }));
  return {
    width: labelW + columns.length * G.colW + G.pad,
    height: headH + rows.length * G.rowH + G.pad,
    headH,
    rowH: G.rowH,
    colW: G.colW,
    labelW,
    columns,
    rows,
  };
}
