import "server-only";
import {
  DOWNLOAD_COLUMNS,
  FILTER_KEYS,
  STAGE_STRENGTH,
  actorName,
  activeFilters,
  buildMatrix,
  downloadRows,
  matrixLayouts,
  pageOf,
  type CommitmentRecord,
  type Matrix,
  type PlacedMatrix,
  type ShownCommitment,
} from "@/lib/charts/commitment-matrix";
import type { PerWidth } from "@/lib/charts/width";
import { listCommitmentRecords } from "@/lib/db/commitments";
import { formatDate } from "@/lib/format";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { APPROVAL, CONDITION, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import { COMMITMENTS, commitmentsCount } from "@/lib/i18n/messages/commitments";
import { EMBED, STAGE_CODE } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { asOfDate } from "@/lib/schemas/search-params";
import { CommitmentsParams } from "@/lib/schemas/views/commitments";
import { defineChart } from "./define";
import { outletList } from "@/lib/embed/sources";

// The commitments view, defined once: parameters (lib/schemas/views/commitments.ts), loader,
// transform (lib/charts/commitment-matrix.ts: matrix, table rows, chart layout per width class)
// and the embed model. The page, the embed, its SVG/PNG and the CSV/JSON download all use it.

export type CommitmentsData = { asOf: string; records: CommitmentRecord[] };

/** The records the view needs on its date (filters and sort are applied in memory). */
export async function loadCommitments(p: CommitmentsParams): Promise<CommitmentsData> {
  const asOf = asOfDate(p.asOf);
  return { asOf: asOf.iso, records: await listCommitmentRecords(asOf.end) };
}

export type CommitmentsView = {
  asOf: { iso: string; end: Date };
  matrix: Matrix;
  /** Every commitment shown, in table (and download) order: rows, then kinds, strongest first. */
  shown: ShownCommitment[];
  layouts: PerWidth<PlacedMatrix>;
  /** One sentence from the data: the chart's description and alt text. */
  description: string;
  /** Stages present, in stage order (the legend). */
  stages: LifecycleStage[];
};

/** The view's transform for a language: the matrix, its rows in table order, the chart's layouts and description. */
export function commitmentsView({ asOf: iso, records }: CommitmentsData, p: CommitmentsParams, lang: Lang): CommitmentsView {
  const asOf = asOfDate(iso);
  const matrix = buildMatrix(records, { asOf: asOf.end, filters: activeFilters(p), sort: p.sort, lang });
  const shown = matrix.rows.flatMap((r) => r.commitments);
  const date = formatDate(asOf.end, "DAY", lang);
  let description = fill(EMBED.desc.matrixNone[lang], { date });
  if (shown.length) {
    const top = Math.max(...shown.map((c) => STAGE_STRENGTH[c.stageAsOf]));
    const stage = STAGE_ORDER.find((s) => STAGE_STRENGTH[s] === top)!;
    const leaders = [...new Set(shown.filter((c) => c.stageAsOf === stage).map((c) => actorName(c.actor, lang)))];
    description = fill(EMBED.desc.matrix[lang], {
      date,
      actors: matrix.totals.actors,
      n: matrix.totals.commitments,
      stage: STAGE[stage][lang],
      top: outletList(leaders, 3, lang),
    });
  }
  const stages = STAGE_ORDER.filter((s) => shown.some((c) => c.stageAsOf === s));
  return { asOf, matrix, shown, layouts: matrixLayouts(matrix, lang), description, stages };
}

/** The commitments comparison (/commitments): actors × kinds on a date, with the view's filters and sort. */
export const commitmentsChart = defineChart<CommitmentsParams, CommitmentsData>({
  id: "commitments",
  schema: CommitmentsParams,
  viewPath: () => "/commitments",
  viewQuery: (p) => ({ ...activeFilters(p), sort: p.sort, asOf: p.asOf }),
  // The loader takes only the date; filters and sort are applied to the stored records at render.
  dataOptions: (p) => ({ asOf: p.asOf }),
  load: async (p) => ({ ok: true, data: await loadCommitments(p) }),
  model(data, p, { lang, origin }) {
    const v = commitmentsView(data, p, lang);
    const T = EMBED.table;
    // The data table in the frame holds the table's first page; the CSV has every row.
    const first = pageOf(v.shown, 1)!;
    const weak = v.layouts.wide.cells.some((c) => c.weak);
    return {
      title: COMMITMENTS.title[lang],
      description: v.description,
      spec: { kind: "commitments", layouts: v.layouts },
      sizes: { narrow: size(v.layouts.narrow), medium: size(v.layouts.medium), wide: size(v.layouts.wide) },
      scope: "mx",
      legend: [
        ...v.stages.map((s) => ({ label: `${STAGE_CODE[s][lang]} ${STAGE[s][lang]}`, swatch: { shape: "rect" as const, className: `s${STAGE_ORDER.indexOf(s)}` } })),
        ...(weak ? [{ label: EMBED.notes.weak[lang], swatch: { shape: "rect" as const, className: "wk wl" } }] : []),
      ],
      notes: [
        EMBED.notes.matrixCodes[lang],
        ...(v.layouts.wide.cells.some((c) => c.count > 1) ? [COMMITMENTS.countNote[lang]] : []),
        ...(FILTER_KEYS.some((k) => p[k]?.length) ? [filtersNote(p, lang)] : []),
      ],
      sources: v.shown.flatMap((c) => c.sources),
      table: {
        caption:
          first.pages > 1
            ? `${COMMITMENTS.tableCaption[lang]} (${fill(COMMITMENTS.firstRows[lang], { n: first.rows.length, total: commitmentsCount(first.total, lang) })})`
            : COMMITMENTS.tableCaption[lang],
        columns: [T.actor[lang], T.kind[lang], T.stage[lang], T.since[lang], T.conditions[lang], T.legalForm[lang], T.approval[lang], T.sources[lang]],
        rows: first.rows.map((c) => [
          actorName(c.actor, lang),
          KIND[c.kind][lang],
          STAGE[c.stageAsOf][lang],
          formatDate(c.stageSince.date, c.stageSince.datePrecision, lang),
          c.conditions.map((t) => CONDITION[t][lang]).join("; ") || "–",
          LEGAL_FORM[c.legalForm][lang],
          APPROVAL[c.parliamentaryApproval][lang],
          c.sources.map((s) => s.originalOutlet ?? s.outlet).join("; "),
        ]),
      },
      csv: { columns: DOWNLOAD_COLUMNS, rows: downloadRows(v.matrix, origin) },
      filename: `commitments-${v.asOf.iso}`,
      asOf: v.asOf.iso,
    };
  },
});

const size = (p: PlacedMatrix) => ({ width: p.w, height: p.h });

/** "Filters: kind = Troops, Funding; …" in words, so a reader of the article knows what is left out. */
function filtersNote(p: CommitmentsParams, lang: Lang): string {
  const F = COMMITMENTS.filter;
  const label = (k: (typeof FILTER_KEYS)[number], v: string): string => {
    if (k === "kind") return KIND[v as keyof typeof KIND][lang];
    if (k === "stage") return STAGE[v as keyof typeof STAGE][lang];
    if (k === "legalForm") return LEGAL_FORM[v as keyof typeof LEGAL_FORM][lang];
    if (k === "approval") return APPROVAL[v as keyof typeof APPROVAL][lang];
    if (k === "condition") return v === "NONE" ? COMMITMENTS.noCondition[lang] : CONDITION[v as keyof typeof CONDITION][lang];
    return v;
  };
  const parts = FILTER_KEYS.flatMap((k) => (p[k]?.length ? [`${F[k][lang]}: ${p[k]!.map((v) => label(k, v)).join(", ")}`] : []));
  return `${COMMITMENTS.activeFilters[lang]} — ${parts.join("; ")}.`;
}
