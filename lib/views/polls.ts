// The polls view, defined once: parameters (lib/schemas/views/polls.ts), loader, aggregation,
// per-width layouts and the model that the page, the embed, the SVG/PNG images and the CSV/JSON
// download all use. Rule (DESIGN.md): polls of different wording classes are never averaged or
// drawn as one series; when a class has more polls than can be drawn, its chart shows the latest
// per pollster and country (or per country) and says so, and the table pages through every poll.
import "server-only";
import {
  POLL_COLUMNS,
  WORDING_CLASSES,
  chartSections,
  formatFieldwork,
  formatPercent,
  layoutPolls,
  pollRows,
  type PollPoint,
  type PollRecord,
  type PollsLabels,
  type SectionData,
  type SectionInput,
} from "@/lib/charts/polls";
import { perWidth, type WidthClass } from "@/lib/charts/width";
import { getPollPoints, getPollRecords, getPollTablePage, getPolls, getPollsSummary, getUnverifiedPollClaims, type PollFilter, type UnverifiedPollClaim } from "@/lib/db/polls";
import type { WordingClass } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { WORDING } from "@/lib/i18n/labels";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import { POLLS, countOf } from "@/lib/i18n/messages/polls";
import { PollsParams, unknownCountryErrors } from "@/lib/schemas/views/polls";
import { asOfDate } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";
import { defineChart, type ChartDef, type LoadResult } from "./define";

export type PollsCountry = { iso2: string; name: string; nameUk: string | null; polls: number };
/**
 * What the polls view loads. `v` is the shape's version: frozen embed snapshots store it, and
 * `migratePollsData` reads older shapes. `rows` are the drawn polls (the download: every poll).
 */
export type PollsData = {
  v: 2;
  asOf: string;
  sections: SectionData[];
  rows: PollRecord[];
  /** Published countries with their polls under the other filters (the filter's counts). */
  countries: PollsCountry[];
  classes: { wordingClass: WordingClass; polls: number }[];
  unverified: number;
  total: number;
};

/** Version 1 (before width classes): every matching poll, unaggregated. */
type PollsDataV1 = { asOf: string; polls: PollRecord[]; countries: { iso2: string; name: string; nameUk: string | null }[]; unverified: number };

/** The view's data from full records (a version-1 snapshot, or tests): aggregated as the loader does. */
export function pollsDataFromRecords(asOf: string, polls: PollRecord[], countries: PollsDataV1["countries"], unverified: number): PollsData {
  const latest = new Map<string, PollRecord>();
  const newest = [...polls].sort((a, b) => b.fieldworkEnd.getTime() - a.fieldworkEnd.getTime() || a.slug.localeCompare(b.slug));
  for (const p of newest) {
    const key = `${p.wordingClass}|${p.country.iso2}|${p.pollster}`;
    if (!latest.has(key)) latest.set(key, p);
  }
  const perClass = WORDING_CLASSES.map((wc) => {
    const own = polls.filter((p) => p.wordingClass === wc);
    return { wordingClass: wc, polls: own.length, pollsters: new Set(own.map((p) => p.pollster)).size };
  });
  const sections = chartSections([...latest.values()], perClass);
  const shown = new Set(sections.flatMap((s) => s.slugs));
  return {
    v: 2,
    asOf,
    sections,
    rows: polls.filter((p) => shown.has(p.slug)),
    countries: countries.map((c) => ({ ...c, polls: polls.filter((p) => p.country.iso2 === c.iso2).length })),
    classes: perClass.filter((c) => c.polls > 0).map(({ wordingClass, polls: n }) => ({ wordingClass, polls: n })),
    unverified,
    total: polls.length,
  };
}

/** Reads any stored shape of the view's data (frozen snapshots keep working across versions). */
export function migratePollsData(d: PollsData | PollsDataV1): PollsData {
  if ("v" in d && d.v === 2) return d;
  // v1 → v2: width classes need the aggregation, which v1 did not store.
  const v1 = d as PollsDataV1;
  return pollsDataFromRecords(v1.asOf, v1.polls, v1.countries, v1.unverified);
}

const filterOf = (p: PollsParams): PollFilter => ({ asOf: asOfDate(p.asOf).end, countries: p.country, classes: p.class });

async function loadPolls(p: PollsParams): Promise<LoadResult<PollsData>> {
  const asOf = asOfDate(p.asOf);
  const summary = await getPollsSummary(filterOf(p));
  const errors = unknownCountryErrors(
    p.country,
    summary.countries.map((c) => c.iso2),
  );
  if (errors.length) return { ok: false, status: 422, errors };
  const sections = chartSections(summary.latest, summary.perClass);
  const slugs = sections.flatMap((s) => s.slugs).sort();
  const rows = slugs.length ? await getPollRecords(slugs) : [];
  return {
    ok: true,
    data: {
      v: 2,
      asOf: asOf.iso,
      sections,
      rows,
      countries: summary.countries,
      classes: summary.classes,
      unverified: summary.unverified,
      total: summary.perClass.reduce((n, c) => n + c.polls, 0),
    },
  };
}

const labels = (lang: Lang): PollsLabels => ({
  support: POLLS.support[lang],
  oppose: POLLS.oppose[lang],
  dontKnow: POLLS.dontKnow[lang],
  notPublished: POLLS.notPublished[lang],
  empty: POLLS.none[lang],
});

/** Rows per class an embed or image draws: an article's chart, not the whole table. */
export const EMBED_ROWS_MAX = 12;

/**
 * The data with each class cut to its `max` newest drawn polls (kept in drawing order), and how
 * many rows each class lost: the embed's shorter chart.
 */
export function capRows(data: PollsData, max: number): { data: PollsData; cut: Map<WordingClass, number> } {
  const end = new Map(data.rows.map((r) => [r.slug, r.fieldworkEnd.getTime()]));
  const cut = new Map<WordingClass, number>();
  const sections = data.sections.map((s) => {
    if (s.slugs.length <= max) return s;
    const keep = new Set([...s.slugs].sort((a, b) => (end.get(b) ?? 0) - (end.get(a) ?? 0) || a.localeCompare(b)).slice(0, max));
    cut.set(s.wordingClass, s.slugs.length - max);
    return { ...s, slugs: s.slugs.filter((x) => keep.has(x)) };
  });
  return { data: { ...data, sections }, cut };
}

/** The note under a class's heading: how its rows were chosen. */
function sectionNote(s: SectionData, lang: Lang, cut = 0): string {
  const polls = countOf(s.polls, "polls", lang);
  const shown = s.slugs.length;
  const before = shown + cut;
  const base =
    s.mode === "all"
      ? fill(POLLS.everyPoll[lang], { polls })
      : s.mode === "latestPerPollster"
        ? fill(POLLS.latestPerPollster[lang], { shown: before, polls })
        : fill(POLLS.latestPerCountry[lang], { shown: before, polls, pollsters: countOf(s.pollsters, "pollsters", lang) });
  const hidden = s.hidden ? ` ${fill(POLLS.hiddenCountries[lang], { n: countOf(s.hidden, "countries", lang) })}` : "";
  const shorter = cut ? ` ${fill(POLLS.embedCut[lang], { shown, n: shown + cut })}` : "";
  return base + hidden + shorter;
}

/** Display rows of each drawn class, in the language (the layouts' input). */
export function pollSections(data: PollsData, lang: Lang, o: { headings?: boolean; cut?: Map<WordingClass, number> } = {}): SectionInput[] {
  const bySlug = new Map(data.rows.map((r) => [r.slug, r]));
  const name = countryNamer(data, lang);
  const L = labels(lang);
  const pct = (v: number | null) => formatPercent(v) ?? L.notPublished;
  return data.sections.map((s) => ({
    wordingClass: s.wordingClass,
    title: o.headings === false ? "" : WORDING[s.wordingClass][lang],
    note: sectionNote(s, lang, o.cut?.get(s.wordingClass)),
    rows: s.slugs.flatMap((slug) => {
      const p = bySlug.get(slug);
      if (!p) return [];
      const fieldwork = formatFieldwork(p.fieldworkStart, p.fieldworkEnd, p.fieldworkPrecision);
      const country = name(p.country.iso2, p.country.name);
      return [
        {
          slug,
          iso2: p.country.iso2,
          country,
          pollster: p.pollster,
          fieldwork,
          support: p.support,
          oppose: p.oppose,
          dontKnow: p.dontKnow,
          name: `${country}, ${p.pollster}, ${fieldwork}: ${L.support} ${pct(p.support)}, ${L.oppose} ${pct(p.oppose)}, ${L.dontKnow} ${pct(p.dontKnow)}`,
        },
      ];
    }),
  }));
}

function countryNamer(data: Pick<PollsData, "countries">, lang: Lang) {
  const names = new Map(data.countries.map((c) => [c.iso2, lang === "uk" && c.nameUk ? c.nameUk : c.name]));
  return (iso2: string, fallback = iso2) => names.get(iso2) ?? fallback;
}

/** The three layouts of the chart (or of one class's part of it, for the page's sections). */
export function pollsLayouts(sections: SectionInput[], lang: Lang) {
  return perWidth((w: WidthClass) => layoutPolls(sections, w, labels(lang)));
}

/** Where a drawn poll links: its row in the table filtered to its country and wording class. */
export function pollHref(p: Pick<PollPoint, "slug" | "wordingClass" | "country">, lang: Lang, origin = ""): string {
  return `${origin}${viewHref("/polls", { country: p.country.iso2, class: p.wordingClass, lang: lang === "uk" ? "uk" : undefined })}#poll-${p.slug}`;
}

const base: Pick<ChartDef<PollsParams, PollsData>, "id" | "schema" | "viewPath" | "viewQuery" | "dataOptions" | "model"> = {
  id: "polls",
  schema: PollsParams,
  viewPath: () => "/polls",
  viewQuery: (p) => ({ country: p.country, class: p.class, asOf: p.asOf }),
  dataOptions: (p) => ({ country: p.country, class: p.class, asOf: p.asOf }),
  model(raw, _p, { lang, origin }) {
    const { data, cut } = capRows(migratePollsData(raw), EMBED_ROWS_MAX);
    const { asOf, rows } = data;
    const sections = pollSections(data, lang, { cut });
    const layouts = pollsLayouts(sections, lang);
    const drawn = new Set(data.sections.flatMap((s) => s.slugs));
    const shown = rows.filter((r) => drawn.has(r.slug));
    const bySlug = new Map(shown.map((r) => [r.slug, r]));
    const support = shown.flatMap((p) => (p.support === null ? [] : [p.support]));
    const name = countryNamer(data, lang);
    const T = EMBED.table;
    return {
      title: POLLS.title[lang],
      description: data.total
        ? fill(EMBED.desc.polls[lang], {
            n: data.total,
            classes: data.sections.length,
            min: support.length ? formatPercent(Math.min(...support))! : "–",
            max: support.length ? formatPercent(Math.max(...support))! : "–",
          })
        : EMBED.desc.pollsNone[lang],
      spec: { kind: "polls", layouts, href: (slug: string) => (bySlug.has(slug) ? pollHref(bySlug.get(slug)!, lang, origin) : `${origin}/polls`) },
      sizes: perWidth((w) => ({ width: layouts[w].width, height: layouts[w].height })),
      scope: "pl",
      legend: [
        { label: POLLS.support[lang], swatch: { shape: "rect", className: "su" } },
        { label: POLLS.oppose[lang], swatch: { shape: "rect", className: "op" } },
        { label: POLLS.legendDontKnow[lang], swatch: { shape: "rect", className: "dk" } },
      ],
      notes: [POLLS.notPooledEmbed[lang], POLLS.decimals[lang], ...(data.unverified ? [fill(EMBED.notes.unverified[lang], { n: data.unverified })] : [])],
      sources: shown.flatMap((p) => p.sources),
      table: {
        caption: POLLS.table[lang],
        columns: [T.wording[lang], T.country[lang], T.pollster[lang], T.fieldwork[lang], T.support[lang], T.oppose[lang], POLLS.dontKnow[lang], T.sample[lang]],
        rows: data.sections.flatMap((s) =>
          s.slugs.flatMap((slug) => {
            const p = bySlug.get(slug);
            if (!p) return [];
            return [
              [
                WORDING[p.wordingClass][lang],
                name(p.country.iso2, p.country.name),
                p.client ? `${p.pollster} / ${p.client}` : p.pollster,
                formatFieldwork(p.fieldworkStart, p.fieldworkEnd, p.fieldworkPrecision),
                formatPercent(p.support) ?? "–",
                formatPercent(p.oppose) ?? "–",
                formatPercent(p.dontKnow) ?? "–",
                p.sampleSize === null ? "–" : String(p.sampleSize),
              ],
            ];
          }),
        ),
      },
      csv: { columns: POLL_COLUMNS, rows: pollRows(rows) },
      filename: `polls-${asOf}`,
      asOf,
    };
  },
};

/** Polls by country (/polls, /embed/polls): per wording class, the latest polls drawn as rows. */
export const pollsChart = defineChart<PollsParams, PollsData>({ ...base, load: loadPolls });

/** The CSV/JSON download (/polls/download): the same view with every poll matching the filters. */
export const pollsDownload = defineChart<PollsParams, PollsData>({
  ...base,
  async load(p) {
    const [chart, all] = await Promise.all([loadPolls(p), getPolls(filterOf(p))]);
    if (!chart.ok) return chart;
    return { ok: true, data: { ...chart.data, rows: all.polls } };
  },
});

/** Rows per page of the poll table. */
export const TABLE_PAGE_SIZE = 50;

/** One page of the poll table for the view's parameters; a page past the last is an error. */
export async function loadPollTable(
  p: PollsParams,
  lang: Lang,
): Promise<{ ok: true; rows: PollRecord[]; total: number; page: number; pages: number } | { ok: false; errors: string[] }> {
  const page = p.page ?? 1;
  const t = await getPollTablePage(filterOf(p), page, TABLE_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(t.total / TABLE_PAGE_SIZE));
  if (page > pages) return { ok: false, errors: [fill(POLLS.noPage[lang], { page, pages: countOf(pages, "pages", lang) })] };
  return { ok: true, rows: t.rows, total: t.total, page, pages };
}

/** Series an over-time chart may hold and polls it may draw before it is left out as unreadable. */
export const TIME_SERIES_MAX = 12;
const TIME_POLLS_MAX = 240;

/**
 * The polls of each class whose over-time chart is drawn (few series, few polls), or for a dense
 * class the number of its pollster-and-country series (the page says why it is not drawn).
 */
export async function loadTimePoints(p: PollsParams, data: PollsData): Promise<Map<WordingClass, PollPoint[] | { series: number; polls: number }>> {
  const out = new Map<WordingClass, PollPoint[] | { series: number; polls: number }>();
  const sparse: WordingClass[] = [];
  for (const s of data.sections) {
    if (s.series > TIME_SERIES_MAX || s.polls > TIME_POLLS_MAX) out.set(s.wordingClass, { series: s.series, polls: s.polls });
    else sparse.push(s.wordingClass);
  }
  if (sparse.length) {
    const points = await getPollPoints({ ...filterOf(p), classes: sparse });
    for (const wc of sparse) out.set(wc, points.filter((x) => x.wordingClass === wc));
  }
  return out;
}

export type PollsPage =
  | { ok: true; params: PollsParams; data: PollsData; claims: UnverifiedPollClaim[]; table: { rows: PollRecord[]; total: number; page: number; pages: number } }
  | { ok: false; errors: string[] };

/** Everything the /polls page shows for a query, or why the query cannot be shown. */
export async function loadPollsPage(raw: Record<string, string | string[] | undefined>, lang: Lang): Promise<PollsPage> {
  const bound = pollsChart.bind(raw);
  if (!bound.ok) return bound;
  const parsed = PollsParams.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: [] };
  const p = parsed.data;
  const [loaded, table, claims] = await Promise.all([bound.chart.load(), loadPollTable(p, lang), getUnverifiedPollClaims(p.country)]);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  if (!table.ok) return table;
  return { ok: true, params: p, data: loaded.data as PollsData, claims, table };
}
