import "server-only";
import { POLL_COLUMNS, PollsParams, classesWithData, formatFieldwork, formatPercent, pollRows, sortPolls, type PollRecord } from "@/lib/charts/polls";
import { getPollsView } from "@/lib/db/polls";
import { WORDING } from "@/lib/i18n/labels";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import { POLLS } from "@/lib/i18n/messages/polls";
import { perWidth } from "@/lib/charts/width";
import { defineChart } from "./define";
import { layoutPolls } from "@/lib/embed/layout/polls";

type Country = { iso2: string; name: string; nameUk: string | null };
type Data = { asOf: string; polls: PollRecord[]; countries: Country[]; unverified: number };

/** Polls by country (/polls): one dot plot per question wording, a row per poll. */
export const pollsChart = defineChart<PollsParams, Data>({
  id: "polls",
  schema: PollsParams,
  viewPath: () => "/polls",
  viewQuery: (p) => ({ country: p.country, class: p.class, asOf: p.asOf }),
  dataOptions: (p) => ({ country: p.country, class: p.class, asOf: p.asOf }),
  async load(p) {
    const r = await getPollsView(p);
    if (!r.ok) return { ok: false, status: 422, errors: r.errors };
    const seen = new Set(r.view.polls.map((x) => x.country.iso2));
    return {
      ok: true,
      data: {
        asOf: r.asOf.iso,
        polls: r.view.polls,
        countries: r.view.countries.filter((c) => seen.has(c.iso2)).map(({ iso2, name, nameUk }) => ({ iso2, name, nameUk })),
        unverified: r.view.unverified.length,
      },
    };
  },
  model({ asOf, polls, countries, unverified }, _p, { lang }) {
    const names = new Map(countries.map((c) => [c.iso2, lang === "uk" && c.nameUk ? c.nameUk : c.name]));
    const countryName = (iso2: string) => names.get(iso2) ?? iso2;
    const layout = layoutPolls(polls, countryName, lang);
    const support = polls.flatMap((p) => (p.support === null ? [] : [p.support]));
    const T = EMBED.table;
    const sorted = sortPolls(polls);
    return {
      title: POLLS.title[lang],
      description: polls.length
        ? fill(EMBED.desc.polls[lang], {
            n: polls.length,
            classes: classesWithData(polls).length,
            min: support.length ? formatPercent(Math.min(...support))! : "–",
            max: support.length ? formatPercent(Math.max(...support))! : "–",
          })
        : EMBED.desc.pollsNone[lang],
      spec: { kind: "polls", layout },
      sizes: perWidth(() => ({ width: layout.width, height: layout.height })),
      scope: "pl",
      legend: [
        { label: POLLS.legendSupport[lang], swatch: { shape: "circle", className: "su" } },
        { label: POLLS.legendOppose[lang], swatch: { shape: "ring", className: "op" } },
      ],
      notes: [EMBED.notes.pollsNotPooled[lang], ...(unverified ? [fill(EMBED.notes.unverified[lang], { n: unverified })] : [])],
      sources: polls.flatMap((p) => p.sources),
      table: {
        caption: POLLS.table[lang],
        columns: [T.wording[lang], T.country[lang], T.pollster[lang], T.fieldwork[lang], T.support[lang], T.oppose[lang], T.sample[lang]],
        rows: sorted.map((p) => [
          WORDING[p.wordingClass][lang],
          countryName(p.country.iso2),
          p.client ? `${p.pollster} / ${p.client}` : p.pollster,
          formatFieldwork(p.fieldworkStart, p.fieldworkEnd, p.fieldworkPrecision),
          formatPercent(p.support) ?? "–",
          formatPercent(p.oppose) ?? "–",
          p.sampleSize === null ? "–" : String(p.sampleSize),
        ]),
      },
      csv: { columns: POLL_COLUMNS, rows: pollRows(polls) },
      filename: `polls-${asOf}`,
      asOf,
    };
  },
});
