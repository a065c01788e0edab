import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PollsChart } from "@/components/charts/polls-chart";
import { PollsTimeChart } from "@/components/charts/polls-time";
import { Responsive } from "@/components/charts/responsive";
import { SourceLinks } from "@/components/data/source-links";
import { VerificationBadge } from "@/components/data/verification-badge";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { PollFilters } from "@/components/polls/filters";
import { PollLegend } from "@/components/polls/legend";
import { PollPager, PollTable } from "@/components/polls/poll-table";
import { countryOrder, formatPercent, timeChart, type PollRecord } from "@/lib/charts/polls";
import { perWidth } from "@/lib/charts/width";
import type { UnverifiedPollClaim } from "@/lib/db/polls";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { WORDING } from "@/lib/i18n/labels";
import { fill } from "@/lib/i18n/messages/map";
import { POLLS, countOf } from "@/lib/i18n/messages/polls";
import { requestLang } from "@/lib/i18n/server";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { PollsParams } from "@/lib/schemas/views/polls";
import { viewHref } from "@/lib/url";
import { loadPollsPage, loadTimePoints, pollHref, pollSections, pollsLayouts } from "@/lib/views/polls";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  return { title: lang === "uk" ? "Опитування" : "Polls", ...(await chartMetadata("polls", raw, POLLS.title[lang])) };
}

const KEYS = ["country", "class", "asOf", "page"] as const;

export default async function PollsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  // The filter form sends empty fields (no date chosen): drop them, so the URL keeps only choices.
  if (KEYS.some((k) => raw[k] !== undefined && [raw[k]].flat().every((v) => (v ?? "").trim() === ""))) {
    const kept = Object.fromEntries(Object.entries(raw).filter(([, v]) => [v].flat().some((x) => (x ?? "").trim() !== "")));
    redirect(viewHref("/polls", kept as Record<string, string | string[]>));
  }
  const loaded = await loadPollsPage(raw, lang);
  if (!loaded.ok) {
    // Bad parameters: explained here, with the 400 status proxy.ts gave the response; a page past
    // the last one (or an unknown country): the segment's not-found page explains it, with a 404.
    const parsed = parseView(PollsParams, raw);
    if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={lang === "uk" ? "/polls?lang=uk" : "/polls"} />;
    notFound();
  }
  const { params: p, data, table, claims } = loaded;
  const asOf = asOfDate(p.asOf);
  const langParam = lang === "uk" ? "uk" : undefined;
  const reset = viewHref("/polls", { lang: langParam });
  const names = new Map(data.countries.map((c) => [c.iso2, lang === "uk" && c.nameUk ? c.nameUk : c.name]));
  const countryName = (iso2: string) => names.get(iso2) ?? iso2;
  const params = { country: p.country, class: p.class, asOf: p.asOf, lang: langParam };
  const onPage = new Set(table.rows.map((r) => r.slug));
  const drawn = new Map(data.rows.map((r) => [r.slug, r]));
  const href = (slug: string) => (onPage.has(slug) || !drawn.has(slug) ? `#poll-${slug}` : pollHref(drawn.get(slug)!, lang));
  const sections = pollSections(data, lang, { headings: false });
  const time = await loadTimePoints(p, data);
  const colours = countryOrder([...time.values()].flatMap((v) => (Array.isArray(v) ? v : [])));
  const colourOf = (iso2: string) => Math.max(0, colours.indexOf(iso2));
  const pageHref = (n: number) => viewHref("/polls", { ...params, page: n > 1 ? String(n) : undefined }) + "#poll-table";

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="max-w-4xl text-2xl font-semibold tracking-tight sm:text-3xl">{POLLS.title[lang]}</h1>
        <p className="max-w-3xl text-muted">{POLLS.intro[lang]}</p>
        <p className="max-w-3xl text-sm text-muted" data-testid="decimals">
          {POLLS.decimals[lang]}
        </p>
      </header>

      <PollFilters
        lang={lang}
        countries={data.countries.filter((c) => c.polls > 0 || p.country?.includes(c.iso2)).map((c) => ({ iso2: c.iso2, label: countryName(c.iso2), polls: c.polls }))}
        classes={data.classes.filter((c) => c.polls > 0 || p.class?.includes(c.wordingClass))}
        selected={{ country: p.country ?? [], class: p.class ?? [] }}
        asOf={p.asOf ?? ""}
        resetHref={reset}
      />

      <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-rule pb-2">
        <p className="text-sm" data-testid="poll-count">
          <span className="text-lg font-semibold tabular-nums">{data.total.toLocaleString(lang === "uk" ? "uk-UA" : "en-GB")}</span> {POLLS.count[lang]} · {POLLS.fieldworkBy[lang]}{" "}
          <time dateTime={asOf.iso}>{formatDate(asOf.end, "DAY", lang)}</time>
        </p>
        <DownloadLinks lang={lang} path="/polls/download" params={params} embedHref={viewHref("/share", { chart: "polls", ...params })} />
      </div>

      {sections.length === 0 && <p role="status">{POLLS.none[lang]}</p>}

      {sections.length > 0 && <PollLegend lang={lang} />}

      {sections.map((s) => {
        const wc = s.wordingClass;
        const layouts = pollsLayouts([s], lang);
        const points = time.get(wc);
        const chart = Array.isArray(points) ? timeChart(wc, points, colourOf) : null;
        const title = `${WORDING[wc][lang]}: ${POLLS.byCountry[lang]}`;
        const desc = POLLS.barsDesc[lang];
        return (
          <section key={wc} aria-labelledby={`class-${wc}`} className="space-y-4">
            <div className="max-w-3xl space-y-1">
              <h2 id={`class-${wc}`} className="text-xl font-semibold tracking-tight">
                {WORDING[wc][lang]}
              </h2>
              <p>
                <span className="text-muted">{POLLS.classIntro[lang]}: </span>
                {POLLS.classExplain[wc][lang]}
              </p>
              <p className="text-sm text-muted">{POLLS.notPooled[lang]}</p>
            </div>
            <div className="space-y-2">
              <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{POLLS.byCountry[lang]}</h3>
              <Responsive
                chart="polls"
                layouts={perWidth((w) => (
                  <PollsChart layout={layouts[w]} title={title} desc={desc} href={href} id={`pl-${wc}-${w}`} />
                ))}
              />
            </div>
            {points && (
              <div className="max-w-3xl space-y-2">
                <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{POLLS.overTime[lang]}</h3>
                {Array.isArray(points) ? (
                  chart && (
                    <>
                      <p className="text-xs text-muted">{POLLS.overTimeNote[lang]}</p>
                      <PollsTimeChart
                        id={`time-${wc}`}
                        chart={chart}
                        text={{ title: `${WORDING[wc][lang]}: ${POLLS.overTime[lang]}`, desc: POLLS.overTimeNote[lang], support: POLLS.support[lang], countryName, lang }}
                      />
                    </>
                  )
                ) : (
                  <p className="text-sm text-muted">{fill(POLLS.timeTooMany[lang], { n: points.series.toLocaleString(), polls: countOf(points.polls, "polls", lang) })}</p>
                )}
              </div>
            )}
          </section>
        );
      })}

      {claims.length > 0 && <Unverified claims={claims} lang={lang} countryName={countryName} />}

      {table.total > 0 && (
        <section aria-labelledby="poll-table" className="space-y-3">
          <h2 id="poll-table" className="scroll-mt-24 text-xl font-semibold tracking-tight">
            {POLLS.table[lang]}
          </h2>
          <PollPager lang={lang} page={table.page} pages={table.pages} total={table.total} size={50} shown={table.rows.length} href={pageHref} />
          <PollTable polls={table.rows} lang={lang} countryName={(x: PollRecord) => countryName(x.country.iso2)} />
          {table.pages > 1 && <PollPager lang={lang} page={table.page} pages={table.pages} total={table.total} size={50} shown={table.rows.length} href={pageHref} />}
          <DownloadLinks lang={lang} path="/polls/download" params={params} />
        </section>
      )}
      <p className="text-sm print:hidden">
        <a href={viewHref("/sources", { lang: params.lang, asOf: p.asOf })} className="text-accent underline">
          {COMMON.nav.sources[lang]} →
        </a>
      </p>
    </div>
  );
}

function Unverified({ claims, lang, countryName }: { claims: UnverifiedPollClaim[]; lang: Lang; countryName: (iso2: string) => string }) {
  const findings = [...new Set(claims.map((c) => c.finding).filter((f): f is string => f !== null))];
  return (
    <section
      aria-labelledby="unverified"
      className="space-y-3 rounded border-2 border-dashed border-stage-ruled-out bg-subtle p-4"
      data-testid="unverified-box"
    >
      <h2 id="unverified" className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight">
        {POLLS.unverifiedTitle[lang]} <VerificationBadge status="UNVERIFIED" lang={lang} />
      </h2>
      <p className="max-w-3xl text-sm">{POLLS.unverifiedIntro[lang]}</p>
      <table className="w-full max-w-4xl border-collapse text-sm">
        <caption className="sr-only">{POLLS.unverifiedTitle[lang]}</caption>
        <thead>
          <tr className="border-b border-rule text-left text-xs uppercase tracking-wide text-muted">
            <th scope="col" className="py-1.5 pr-4 align-top font-semibold">
              {POLLS.country[lang]}
            </th>
            <th scope="col" className="py-1.5 pr-4 align-top text-right font-semibold">
              {POLLS.claimed[lang]}
            </th>
            <th scope="col" className="py-1 font-semibold">
              {POLLS.claim[lang]}
            </th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={c.slug} id={`claim-${c.slug}`} className="border-b border-rule">
              <th scope="row" className="py-1.5 pr-4 align-top text-left font-medium">
                {c.country ? countryName(c.country.iso2) : COMMON.unknown[lang]}
              </th>
              <td className="py-1.5 pr-4 align-top text-right tabular-nums">
                {c.value === null ? COMMON.unknown[lang] : `${formatPercent(c.value)}`}
                <span className="sr-only"> ({POLLS.unverifiedTitle[lang]})</span>
              </td>
              <td className="py-1">
                {c.statement}
                {c.sources.length ? <SourceLinks sources={c.sources} lang={lang} /> : <span className="block text-xs text-muted">{POLLS.noSource[lang]}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {findings.map((f) => (
        <div key={f} className="max-w-3xl text-sm">
          <p className="font-semibold">{POLLS.finding[lang]}</p>
          <p>{f}</p>
        </div>
      ))}
    </section>
  );
}
