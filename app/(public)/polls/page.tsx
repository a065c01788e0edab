import type { Metadata } from "next";
import { PollsDotPlot, PollsLegend } from "@/components/charts/polls-dot-plot";
import { PollsTimeChart } from "@/components/charts/polls-time";
import { SourceLinks } from "@/components/data/source-links";
import { VerificationBadge } from "@/components/data/verification-badge";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { PollFilters } from "@/components/polls/filters";
import { PollTable } from "@/components/polls/poll-table";
import { PollsParams, WORDING_CLASSES, classesWithData, countryOrder, dotPlot, formatPercent, timeChart, type PollRecord } from "@/lib/charts/polls";
import { getPollsView, type UnverifiedPollClaim } from "@/lib/db/polls";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { WORDING } from "@/lib/i18n/labels";
import { POLLS } from "@/lib/i18n/messages/polls";
import { requestLang } from "@/lib/i18n/server";
import { parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  return { title: lang === "uk" ? "Опитування" : "Polls", ...(await chartMetadata("polls", raw, POLLS.title[lang])) };
}

export default async function PollsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const reset = lang === "uk" ? "/polls?lang=uk" : "/polls";
  const parsed = parseView(PollsParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={reset} />;
  const loaded = await getPollsView(parsed.value);
  if (!loaded.ok) return <ParamError lang={lang} errors={loaded.errors} resetHref={reset} />;
  const { asOf, view } = loaded;
  const p = parsed.value;

  const names = new Map(view.countries.map((c) => [c.iso2, lang === "uk" && c.nameUk ? c.nameUk : c.name]));
  const countryName = (iso2: string) => names.get(iso2) ?? iso2;
  const order = countryOrder(view.polls);
  const colourOf = (iso2: string) => Math.max(0, order.indexOf(iso2));
  const classes = classesWithData(view.polls);
  const params = { country: p.country, class: p.class, asOf: p.asOf, lang: lang === "uk" ? "uk" : undefined };

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="max-w-4xl text-2xl font-semibold tracking-tight sm:text-3xl">{POLLS.title[lang]}</h1>
        <p className="max-w-3xl text-muted">{POLLS.intro[lang]}</p>
      </header>

      <PollFilters
        lang={lang}
        countries={view.countries.filter((c) => c.polls > 0 || p.country?.includes(c.iso2)).map((c) => ({ iso2: c.iso2, label: countryName(c.iso2), polls: c.polls }))}
        classes={WORDING_CLASSES}
        selected={{ country: p.country ?? [], class: p.class ?? [] }}
        asOf={asOf.iso}
        resetHref={reset}
      />

      <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-rule pb-2">
        <p className="text-sm" data-testid="poll-count">
          <span className="text-lg font-semibold tabular-nums">{view.polls.length}</span> {POLLS.count[lang]} · {POLLS.fieldworkBy[lang]}{" "}
          <time dateTime={asOf.iso}>{formatDate(asOf.end, "DAY", lang)}</time>
        </p>
        <DownloadLinks lang={lang} path="/polls/download" params={params} embedHref={viewHref("/share", { chart: "polls", ...params })} />
      </div>

      {classes.length === 0 && <p role="status">{POLLS.none[lang]}</p>}

      {classes.map((wc) => {
        const plot = dotPlot(wc, view.polls);
        const time = timeChart(wc, view.polls, colourOf);
        const n = plot.rows.length;
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
              <p className="text-sm text-muted">
                {n} {POLLS.polls[lang]}. {POLLS.notPooled[lang]}
              </p>
            </div>
            <div className="grid gap-8 lg:grid-cols-2">
              <div className="space-y-2">
                <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{POLLS.byCountry[lang]}</h3>
                <PollsLegend support={POLLS.legendSupport[lang]} oppose={POLLS.legendOppose[lang]} />
                <PollsDotPlot
                  id={`dots-${wc}`}
                  plot={plot}
                  lang={lang}
                  text={{
                    title: `${WORDING[wc][lang]}: ${POLLS.byCountry[lang]}`,
                    desc: describeDots(view.polls.filter((x) => x.wordingClass === wc), lang, countryName),
                    support: POLLS.support[lang],
                    oppose: POLLS.oppose[lang],
                    notPublished: POLLS.notPublished[lang],
                    countryName,
                  }}
                />
              </div>
              {time && (
                <div className="space-y-2">
                  <h3 className="text-sm font-semibold uppercase tracking-wide text-muted">{POLLS.overTime[lang]}</h3>
                  <p className="text-xs text-muted">{POLLS.overTimeNote[lang]}</p>
                  <PollsTimeChart
                    id={`time-${wc}`}
                    chart={time}
                    text={{
                      title: `${WORDING[wc][lang]}: ${POLLS.overTime[lang]}`,
                      desc: POLLS.overTimeNote[lang],
                      support: POLLS.support[lang],
                      countryName,
                      lang,
                    }}
                  />
                </div>
              )}
            </div>
          </section>
        );
      })}

      {view.unverified.length > 0 && <Unverified claims={view.unverified} lang={lang} countryName={countryName} />}

      {view.polls.length > 0 && (
        <section aria-labelledby="poll-table" className="space-y-3">
          <h2 id="poll-table" className="text-xl font-semibold tracking-tight">
            {POLLS.table[lang]}
          </h2>
          <PollTable polls={view.polls} lang={lang} countryName={(x: PollRecord) => countryName(x.country.iso2)} />
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

/** Alt text from the data: one sentence per poll. */
function describeDots(polls: PollRecord[], lang: Lang, countryName: (iso2: string) => string): string {
  const s = POLLS.support[lang].toLowerCase();
  const o = POLLS.oppose[lang].toLowerCase();
  return [
    POLLS.desc[lang],
    ...polls.map(
      (p) =>
        `${countryName(p.country.iso2)}, ${p.pollster}, ${formatDate(p.fieldworkEnd, p.fieldworkPrecision, lang)}: ${s} ${formatPercent(p.support) ?? POLLS.notPublished[lang]}, ${o} ${formatPercent(p.oppose) ?? POLLS.notPublished[lang]}.`,
    ),
  ].join(" ");
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
