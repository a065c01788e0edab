import "server-only";
import {
  CommitmentsParams,
  DOWNLOAD_COLUMNS,
  FILTER_KEYS,
  STAGE_STRENGTH,
  actorName,
  activeFilters,
  buildMatrix,
  downloadRows,
  type CommitmentRecord,
} from "@/lib/charts/commitment-matrix";
import { listCommitmentRecords } from "@/lib/db/commitments";
import { formatDate } from "@/lib/format";
import { APPROVAL, CONDITION, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import { COMMITMENTS } from "@/lib/i18n/messages/commitments";
import { EMBED, STAGE_CODE } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { asOfDate } from "@/lib/schemas/search-params";
import { perWidth } from "@/lib/charts/width";
import { defineChart } from "./define";
import { layoutMatrix } from "@/lib/embed/layout/matrix";
import { outletList } from "@/lib/embed/sources";

type Data = { asOf: string; records: CommitmentRecord[] };

/** The commitments comparison (/commitments): actors × kinds on a date, with the view's filters and sort. */
export const commitmentsChart = defineChart<CommitmentsParams, Data>({
  id: "commitments",
  schema: CommitmentsParams,
  viewPath: () => "/commitments",
  viewQuery: (p) => ({ ...activeFilters(p), sort: p.sort, asOf: p.asOf }),
  // The loader takes only the date; filters and sort are applied to the stored records at render.
  dataOptions: (p) => ({ asOf: p.asOf }),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    return { ok: true, data: { asOf: asOf.iso, records: await listCommitmentRecords(asOf.end) } };
  },
  model({ asOf: iso, records }, p, { lang, origin }) {
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
    const present = STAGE_ORDER.filter((s) => shown.some((c) => c.stageAsOf === s));
    const T = EMBED.table;
    const layout = layoutMatrix(matrix, lang);
    return {
      title: COMMITMENTS.title[lang],
      description,
      spec: { kind: "commitments", layout },
      sizes: perWidth(() => ({ width: layout.width, height: layout.height })),
      scope: "mx",
      legend: [
        ...present.map((s) => ({ label: `${STAGE_CODE[s][lang]} ${STAGE[s][lang]}`, swatch: { shape: "rect" as const, className: `s${STAGE_ORDER.indexOf(s)}` } })),
        ...(layout.rows.some((r) => r.cells.some((c) => c.weak)) ? [{ label: EMBED.notes.weak[lang], swatch: { shape: "rect" as const, className: "wk wl" } }] : []),
      ],
      notes: [EMBED.notes.matrixCodes[lang], ...(FILTER_KEYS.some((k) => p[k]?.length) ? [filtersNote(p, lang)] : [])],
      sources: shown.flatMap((c) => c.sources),
      table: {
        caption: COMMITMENTS.tableCaption[lang],
        columns: [T.actor[lang], T.kind[lang], T.stage[lang], T.since[lang], T.conditions[lang], T.legalForm[lang], T.approval[lang], T.sources[lang]],
        rows: shown.map((c) => [
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
      csv: { columns: DOWNLOAD_COLUMNS, rows: downloadRows(matrix, origin) },
      filename: `commitments-${asOf.iso}`,
      asOf: asOf.iso,
    };
  },
});

/** "Filters: kind = Troops, Funding; …" in words, so a reader of the article knows what is left out. */
function filtersNote(p: CommitmentsParams, lang: "en" | "uk"): string {
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
