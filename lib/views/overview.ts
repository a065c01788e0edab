import "server-only";
import { SERIES_COLUMNS, SUPPORT_STAGES, buildStageSeries, layoutOverview, seriesRows, type StageSeries } from "@/lib/charts/overview";
import { perWidth } from "@/lib/charts/width";
import { cachedRead } from "@/lib/db/cache";
import { loadCommitmentOutlets, loadStageHistory } from "@/lib/db/overview";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { STAGE } from "@/lib/i18n/labels";
import { fill } from "@/lib/i18n/messages/map";
import { OVERVIEW, actorCount } from "@/lib/i18n/messages/overview";
import { asOfDate } from "@/lib/schemas/search-params";
import { OverviewParams } from "@/lib/schemas/views/overview";
import { defineChart } from "./define";

const C = OVERVIEW.chart;

/** The chart's data: the monthly counts and the outlets behind them, most cited first. */
type Data = StageSeries & { outlets?: string[] };

/** The monthly counts on a date and their outlets, cached under the published tag (two queries when not cached). */
const getSeries = cachedRead("overview-series", async (asOf: Date): Promise<Data> => {
  const [h, outlets] = await Promise.all([loadStageHistory(asOf), loadCommitmentOutlets(asOf)]);
  return { ...buildStageSeries(h.stages, h.summits, asOf), outlets };
});
const day = (isoDay: string, lang: Lang) => formatDate(new Date(`${isoDay}T00:00:00Z`), "DAY", lang);

/** One sentence on the latest month: how many actors, the most advanced stage, refusals. */
export function describeSeries(s: StageSeries, lang: Lang): string {
  const last = s.months[s.months.length - 1];
  if (!last) return fill(C.none[lang], { date: day(s.asOf, lang) });
  let top = -1;
  last.stages.forEach((n, i) => (n > 0 ? (top = i) : null));
  const main = fill(C.desc[lang], {
    date: day(last.on, lang),
    actors: actorCount(last.support, lang),
    stage: top >= 0 ? STAGE[SUPPORT_STAGES[top]][lang] : "–",
    top: top >= 0 ? last.stages[top] : 0,
  });
  const refusals = last.refusalOnly ? ` ${fill(C.descRefusals[lang], { n: last.refusalOnly })}` : "";
  const first = formatDate(new Date(`${s.months[0].month}-01T00:00:00Z`), "MONTH", lang);
  return `${main}${refusals} ${fill(C.descSince[lang], { first })}`;
}

/** The overview's lead chart (/): actors by strongest stage, month by month, to the as-of date. */
export const overviewChart = defineChart<OverviewParams, Data>({
  id: "overview",
  schema: OverviewParams,
  viewPath: () => "/",
  viewQuery: (p) => ({ asOf: p.asOf }),
  dataOptions: (p) => ({ asOf: p.asOf }),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    return { ok: true, data: await getSeries(asOf.end) };
  },
  model(series, _p, { lang }) {
    const layouts = perWidth((w) => layoutOverview(series, w, lang));
    return {
      title: C.title[lang],
      description: describeSeries(series, lang),
      spec: { kind: "overview", layouts },
      sizes: perWidth((w) => ({ width: layouts[w].width, height: layouts[w].height })),
      scope: "ov",
      // The chart states every stage in text (key with counts); no separate legend.
      legend: [],
      notes: [C.note[lang]],
      sources: [],
      outlets: series.outlets ?? [],
      table: {
        caption: C.title[lang],
        columns: [C.month[lang], ...SUPPORT_STAGES.map((s) => STAGE[s][lang]), C.supportTotal[lang], C.refusalOnly[lang]],
        rows: series.months.map((m) => [
          formatDate(new Date(`${m.month}-01T00:00:00Z`), "MONTH", lang),
          ...m.stages.map(String),
          String(m.support),
          String(m.refusalOnly),
        ]),
      },
      csv: { columns: SERIES_COLUMNS, rows: seriesRows(series) },
      filename: `overview-${series.asOf}`,
      asOf: series.asOf,
    };
  },
});
