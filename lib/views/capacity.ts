import "server-only";
import type { z } from "zod";
import {
  CAPACITY_COLUMNS,
  capacityChart,
  capacityLayout,
  capacityRanking,
  capacityRows,
  entryValue,
  forcesLine,
  metricLabel,
  totalLine,
  type CountryRecord,
  type Entry,
} from "@/lib/charts/capacity";
import { perWidth } from "@/lib/charts/width";
import { getCapacity } from "@/lib/db/capacity";
import { formatDate } from "@/lib/format";
import { CAPACITY } from "@/lib/i18n/messages/capacity";
import { BaseViewParams, asOfDate } from "@/lib/schemas/search-params";
import { defineChart } from "./define";

/** The capacity view's parameters: the date and the language. */
export const CapacityParams = BaseViewParams;
type Params = z.infer<typeof CapacityParams>;
type Data = { asOf: string; countries: CountryRecord[] };

/** The capacity check (/capacity): pledges ranked with their share of each country's own forces. */
export const capacityViewChart = defineChart<Params, Data>({
  id: "capacity",
  schema: CapacityParams,
  viewPath: () => "/capacity",
  viewQuery: (p) => ({ asOf: p.asOf }),
  dataOptions: (p) => ({ asOf: p.asOf }),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    return { ok: true, data: { asOf: asOf.iso, countries: await getCapacity(asOf.end) } };
  },
  model(d, _p, { lang }) {
    const asOf = asOfDate(d.asOf);
    const chart = capacityChart(d.countries);
    const k = capacityRanking(chart);
    const layouts = perWidth((w) => capacityLayout(k, w, lang));
    const rows = capacityRows(chart);
    const nameOf = (c: { name: string; nameUk: string | null }) => (lang === "uk" && c.nameUk ? c.nameUk : c.name);
    const top = k.ranked.find((r) => r.pledge);
    const date = formatDate(asOf.end, "DAY", lang);
    return {
      title: CAPACITY.chartTitle[lang],
      description:
        k.total.countries === 0
          ? CAPACITY.noneYet[lang]
          : `${date}: ${totalLine(k, lang)}.${top?.pledge ? ` ${nameOf(top)}: ${entryValue(top.pledge, lang)}; ${forcesLine(top, lang)}.` : ""}`,
      spec: { kind: "capacity", layouts },
      sizes: perWidth((w) => ({ width: layouts[w].width, height: layouts[w].height })),
      scope: "cap",
      legend: [
        { label: CAPACITY.legend.solid[lang], swatch: { shape: "rect", className: "b-solid" } },
        { label: CAPACITY.legend.bound[lang], swatch: { shape: "rect", className: "b-bound" } },
        { label: CAPACITY.legend.extent[lang], swatch: { shape: "rect", className: "b-extent" } },
      ],
      notes: [CAPACITY.noFiguresNote[lang]].filter(() => k.unknown.length > 0),
      sources: k.ranked.flatMap((r) => [...(r.pledge?.sources ?? []), ...(r.forces?.sources ?? [])]),
      // The data table has the CSV's rows: every figure by country and measure, unknowns included.
      table: {
        caption: CAPACITY.tableCaption[lang],
        columns: [CAPACITY.country[lang], CAPACITY.measure[lang], CAPACITY.value[lang], CAPACITY.date[lang]],
        rows: rows.map((r) => {
          const c = chart.countries.find((x) => x.iso2 === r.country)!;
          const value = r.value_low === null && r.value_high === null ? CAPACITY.unknown[lang] : entryValue({ low: r.value_low as number | null, high: r.value_high as number | null, qualifier: r.qualifier as Entry["qualifier"], unit: r.unit as string | null }, lang);
          return [nameOf(c), `${metricLabel(String(r.metric), lang)}${r.shown === "earlier" ? ` (${CAPACITY.earlier[lang]})` : ""}`, value, r.as_of ? String(r.as_of) : "–"];
        }),
      },
      csv: { columns: CAPACITY_COLUMNS, rows },
      filename: `capacity-${asOf.iso}`,
      asOf: asOf.iso,
    };
  },
});

