import type { Metadata } from "next";
import Link from "next/link";
import { CapacityCountryChart, CapacityLegend, UnknownPill, entryMeta, entryValue, metricLabel } from "@/components/charts/capacity";
import { SourceLinks } from "@/components/data/source-links";
import { StageBadge } from "@/components/data/stage-badge";
import { VerificationBadge } from "@/components/data/verification-badge";
import { AsOfControl } from "@/components/layout/as-of-control";
import { DownloadLinks } from "@/components/layout/download-links";
import { Pager } from "@/components/layout/pager";
import { ParamError } from "@/components/layout/param-error";
import { notFound } from "next/navigation";
import { ChartSvg } from "@/components/embed/chart";
import { REQUIRED_METRICS, capacityChart, type CountryRecord, type Entry, type PlacedCountry } from "@/lib/charts/capacity";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { CAPACITY } from "@/lib/i18n/messages/capacity";
import { requestLang } from "@/lib/i18n/server";
import { plural } from "@/lib/i18n/plural";
import { paginate } from "@/lib/schemas/page";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";
import { capacityViewChart } from "@/lib/views/capacity";
import { CapacityPageParams } from "@/lib/schemas/views/pages";

export const dynamic = "force-dynamic";

// Countries drawn in detail per page (the ranking above shows them all), and offers listed per
// country in the no-figures table: at ×10 data a page stays well under 150 KB of gzipped HTML.
const PER_PAGE = 10;
const OFFERS_SHOWN = 3;

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  return { title: lang === "uk" ? "Перевірка спроможності" : "Capacity check", ...(await chartMetadata("capacity", raw, CAPACITY.title[lang])) };
}

export default async function CapacityPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(CapacityPageParams, raw);
  const bound = capacityViewChart.bind(raw);
  if (!parsed.ok || !bound.ok) return <ParamError lang={lang} errors={parsed.ok ? [] : parsed.errors} resetHref={lang === "uk" ? "/capacity?lang=uk" : "/capacity"} />;
  const asOf = asOfDate(parsed.value.asOf);
  const loaded = await bound.chart.load();
  if (!loaded.ok) return <ParamError lang={lang} errors={loaded.errors} resetHref={lang === "uk" ? "/capacity?lang=uk" : "/capacity"} />;
  const model = bound.chart.model(loaded.data, { lang, origin: "" });
  const chart = capacityChart((loaded.data as { countries: CountryRecord[] }).countries);
  const keepLang = lang === "uk" ? "uk" : undefined;
  const params = { asOf: parsed.value.asOf, lang: keepLang };
  const embedHref = viewHref("/share", { chart: "capacity", asOf: parsed.value.asOf, lang: keepLang });
  const known = chart.countries.filter((c) => c.known > 0);
  const unknown = chart.countries.filter((c) => c.known === 0);
  const paged = paginate(known, parsed.value.page, PER_PAGE);
  // A page past the end is a 404 (the not-found page of this route says so).
  if (!paged) notFound();
  const pageOf = (iso2: string) => Math.floor(known.findIndex((c) => c.iso2 === iso2) / PER_PAGE) + 1;
  const pageHref = (n: number, anchor = "details") => `${viewHref("/capacity", params, { page: n === 1 ? undefined : String(n) })}#${anchor}`;
  const nameOf = (c: PlacedCountry) => (lang === "uk" && c.nameUk ? c.nameUk : c.name);

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="max-w-4xl text-2xl font-semibold tracking-tight sm:text-3xl">{CAPACITY.title[lang]}</h1>
        <p className="max-w-3xl text-muted">{CAPACITY.intro[lang]}</p>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <p className="text-sm" data-testid="capacity-count">
            <span className="font-semibold">{plural(chart.countries.length, CAPACITY.countriesLive, lang)}</span> · {COMMON.asOf[lang]}{" "}
            <time dateTime={asOf.iso}>{formatDate(asOf.end, "DAY", lang)}</time>
          </p>
          <AsOfControl lang={lang} asOf={asOf.iso} keep={{ lang: keepLang }} />
        </div>
      </header>

      {chart.countries.length === 0 ? (
        <p role="status">{CAPACITY.none[lang]}</p>
      ) : (
        <>
          <section aria-labelledby="ranking" className="space-y-3">
            <h2 id="ranking" className="text-xl font-semibold tracking-tight">
              {CAPACITY.chartTitle[lang]}
            </h2>
            <ChartSvg model={model} lang={lang} origin="" interactive />
            <DownloadLinks lang={lang} path="/capacity/download" params={params} embedHref={embedHref} />
          </section>

          <div className="space-y-2 border-y border-rule py-3">
            <CapacityLegend lang={lang} />
            <p className="max-w-4xl text-xs text-muted">
              {CAPACITY.ownScale[lang]}. {CAPACITY.method[lang]}
            </p>
          </div>

          <nav aria-label={CAPACITY.countries[lang]} className="text-sm print:hidden">
            <ul className="flex flex-wrap gap-x-3 gap-y-1">
              {chart.countries.map((c) => (
                <li key={c.iso2}>
                  <a href={c.known === 0 || pageOf(c.iso2) === paged.page ? `#country-${c.iso2}` : pageHref(pageOf(c.iso2), `country-${c.iso2}`)} className="text-accent underline">
                    {nameOf(c)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          <div className="space-y-10" id="details">
            {paged.items.map((c) => (
              <section key={c.iso2} id={`country-${c.iso2}`} aria-labelledby={`h-${c.iso2}`} className="scroll-mt-6 space-y-3 break-inside-avoid">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b-2 border-ink pb-1">
                  <h2 id={`h-${c.iso2}`} className="text-xl font-semibold tracking-tight">
                    <Link href={viewHref(`/countries/${c.iso2.toLowerCase()}`, { lang: keepLang, asOf: parsed.value.asOf })} className="hover:underline">
                      {nameOf(c)}
                    </Link>
                  </h2>
                  <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label={CAPACITY.offers[lang]}>
                    {c.commitments.map((cm) => (
                      <li key={cm.slug}>
                        <StageBadge stage={cm.stage} lang={lang} />{" "}
                        <Link href={viewHref(`/commitments/${cm.slug}`, { lang: keepLang, asOf: parsed.value.asOf })} className="text-accent underline">
                          {cm.title}
                        </Link>{" "}
                        <span className="whitespace-nowrap text-xs text-muted">
                          ({CAPACITY.stageOn[lang]} {formatDate(cm.stageDate, cm.stageDatePrecision, lang)})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
                <CapacityCountryChart country={c} lang={lang} id={`cap-${c.iso2}`} />
              </section>
            ))}
          </div>

          <Pager paged={paged} href={(n) => pageHref(n)} lang={lang} list={CAPACITY.countries[lang]} />

          {unknown.length > 0 && (
            <section aria-labelledby="no-figures" className="space-y-3">
              <h2 id="no-figures" className="border-b-2 border-ink pb-1 text-xl font-semibold tracking-tight">
                {CAPACITY.noFigures[lang]}
              </h2>
              <p className="max-w-3xl text-sm text-muted">{CAPACITY.noFiguresNote[lang]}</p>
              <div className="overflow-x-auto" role="region" aria-labelledby="no-figures" tabIndex={0}>
                <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
                  <thead>
                    <tr className="border-b border-rule text-xs uppercase tracking-wide text-muted">
                      <th scope="col" className="py-2 pr-3 font-semibold">
                        {CAPACITY.country[lang]}
                      </th>
                      <th scope="col" className="py-2 pr-3 font-semibold">
                        {CAPACITY.offers[lang]}
                      </th>
                      {REQUIRED_METRICS.map((m) => (
                        <th key={m} scope="col" className="py-2 pr-3 font-semibold">
                          {metricLabel(m, lang)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {unknown.map((c) => (
                        <tr key={c.iso2} id={`country-${c.iso2}`} className="border-b border-rule align-top target:bg-subtle">
                          <th scope="row" className="py-2 pr-3 font-medium">
                            <Link href={viewHref(`/countries/${c.iso2.toLowerCase()}`, { lang: keepLang, asOf: parsed.value.asOf })} className="hover:underline">
                              {nameOf(c)}
                            </Link>
                          </th>
                          <td className="py-2 pr-3">
                            {c.commitments.slice(0, OFFERS_SHOWN).map((cm) => (
                              <span key={cm.slug} className="block">
                                <StageBadge stage={cm.stage} lang={lang} />{" "}
                                <Link href={viewHref(`/commitments/${cm.slug}`, { lang: keepLang, asOf: parsed.value.asOf })} className="text-accent underline">
                                  {cm.title}
                                </Link>
                              </span>
                            ))}
                            {c.commitments.length > OFFERS_SHOWN && (
                              <Link href={viewHref(`/countries/${c.iso2.toLowerCase()}`, { lang: keepLang, asOf: parsed.value.asOf })} className="block text-sm text-accent underline">
                                +{c.commitments.length - OFFERS_SHOWN}
                              </Link>
                            )}
                          </td>
                          {REQUIRED_METRICS.map((m) => (
                            <td key={m} className="py-2 pr-3">
                              <UnknownPill lang={lang} />
                            </td>
                          ))}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}

          <section aria-labelledby="figures-table" className="space-y-3">
            <h2 id="figures-table" className="text-xl font-semibold tracking-tight">
              {CAPACITY.table[lang]}
            </h2>
            <FigureTable countries={paged.items} lang={lang} nameOf={nameOf} />
            <Pager paged={paged} href={(n) => pageHref(n, "figures-table")} lang={lang} list={CAPACITY.table[lang]} />
            <DownloadLinks lang={lang} path="/capacity/download" params={params} />
          </section>
        </>
      )}
    </div>
  );
}

function FigureTable({ countries, lang, nameOf }: { countries: PlacedCountry[]; lang: Lang; nameOf: (c: PlacedCountry) => string }) {
  const rows: { c: PlacedCountry; metric: string; e: Entry | null; earlier: boolean }[] = countries.flatMap((c) => [
    ...c.bars.map((b) => ({ c, metric: b.metric, e: b.entry, earlier: false })),
    ...c.earlier.map((e) => ({ c, metric: e.metric, e, earlier: true })),
  ]);
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby="capacity-table-caption" tabIndex={0}>
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <caption id="capacity-table-caption" className="sr-only">
          {CAPACITY.tableCaption[lang]}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink text-xs uppercase tracking-wide text-muted">
            <th scope="col" className="py-2 pr-3 font-semibold">
              {CAPACITY.country[lang]}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {CAPACITY.measure[lang]}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {CAPACITY.value[lang]}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {CAPACITY.status[lang]}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {COMMON.sources[lang]}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, metric, e, earlier }) => (
            <tr
              key={`${c.iso2}-${metric}-${e?.id ?? "unknown"}`}
              id={e && !earlier ? e.id : undefined}
              data-testid="capacity-row"
              className={`border-b border-rule align-top target:bg-subtle ${earlier ? "text-muted" : ""}`}
            >
              <th scope="row" className="py-2 pr-3 font-medium">
                {nameOf(c)}
              </th>
              <td className="py-2 pr-3">
                {metricLabel(metric, lang)}
                {earlier && <span className="block text-xs">{CAPACITY.earlier[lang]}</span>}
              </td>
              <td className="py-2 pr-3">
                {e ? (
                  <>
                    <span className="font-semibold tabular-nums">{entryValue(e, lang)}</span>
                    <span className="block text-xs text-muted">{e.statement}</span>
                  </>
                ) : (
                  <span className="italic text-muted">{CAPACITY.unknown[lang]}</span>
                )}
              </td>
              <td className="py-2 pr-3">
                {e && (
                  <>
                    {e.verification && <VerificationBadge status={e.verification} lang={lang} />}
                    <span className="block text-xs text-muted">{entryMeta(e, lang)}</span>
                    {e.note && <span className="block max-w-xs text-xs text-muted">{e.note}</span>}
                  </>
                )}
              </td>
              <td className="py-2 pr-3">{e && <SourceLinks sources={e.sources} lang={lang} label={false} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
