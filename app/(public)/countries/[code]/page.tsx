import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartSvg } from "@/components/embed/chart";
import { Pager } from "@/components/layout/pager";
import { AsOfControl } from "@/components/layout/as-of-control";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { SourceLinks } from "@/components/data/source-links";
import { StageBadge } from "@/components/data/stage-badge";
import { VerificationBadge } from "@/components/data/verification-badge";
import { getCountry } from "@/lib/db/countries";
import { chartMetadata } from "@/lib/embed/metadata";
import { viewHref } from "@/lib/url";
import { formatDate, formatQuantity } from "@/lib/format";
import { COMMON } from "@/lib/i18n/common";
import { APPROVAL, CONDITION, EVENT_KIND, KIND, LEGAL_FORM, WORDING } from "@/lib/i18n/labels";
import { COUNTRY } from "@/lib/i18n/messages/countries";
import { requestLang } from "@/lib/i18n/server";
import { plural } from "@/lib/i18n/plural";
import { paginate } from "@/lib/schemas/page";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { countryChart } from "@/lib/views/country";
import { CountryPageParams } from "@/lib/schemas/views/pages";

export const dynamic = "force-dynamic";

// Items per page: at ×10 data each page stays well under 150 KB of gzipped HTML.
const PER_PAGE = { commitments: 20, polls: 20, events: 25, sources: 100 };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ code }, raw] = await Promise.all([params, searchParams]);
  const view = await getCountry(code, asOfDate(undefined).end);
  if (!view) return { title: "Not found" };
  return { title: view.actor.name, ...(await chartMetadata("country", raw, view.actor.name, code)) };
}

export default async function CountryPage({ params, searchParams }: Props) {
  const [{ code }, raw, lang] = await Promise.all([params, searchParams, requestLang()]);
  const parsed = parseView(CountryPageParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={`/countries/${code}`} />;
  const asOf = asOfDate(parsed.value.asOf);
  const view = await getCountry(code, asOf.end);
  if (!view) notFound();
  const t = <K extends keyof typeof COUNTRY>(k: K) => COUNTRY[k];
  const name = lang === "uk" && view.actor.nameUk ? view.actor.nameUk : view.actor.name;
  const figures = view.claims;
  const p = parsed.value;
  const commitments = paginate(view.commitments, p.page, PER_PAGE.commitments);
  const polls = paginate(view.polls, p.pollsPage, PER_PAGE.polls);
  const events = paginate(view.events, p.eventsPage, PER_PAGE.events);
  const sources = paginate(view.sources, p.sourcesPage, PER_PAGE.sources);
  // A page past the end of its list is a 404 (the not-found page of this route says so).
  if (!commitments || !polls || !events || !sources) notFound();
  const keepLang = lang === "uk" ? "uk" : undefined;
  const str = (n: number | undefined) => (n === undefined ? undefined : String(n));
  const state = { asOf: p.asOf, lang: keepLang, page: str(p.page), pollsPage: str(p.pollsPage), eventsPage: str(p.eventsPage), sourcesPage: str(p.sourcesPage) };
  const pageHref = (key: keyof typeof state, anchor: string) => (n: number) => `${viewHref(`/countries/${code}`, state, { [key]: n === 1 ? undefined : String(n) })}#${anchor}`;
  const bound = countryChart.bind({ ...raw, code });
  const loaded = bound.ok ? await bound.chart.load() : null;
  const card = bound.ok && loaded?.ok ? bound.chart.model(loaded.data, { lang, origin: "" }) : null;

  return (
    <article className="space-y-10">
      <header className="space-y-3">
        <p className="text-sm text-muted">
          <Link href={lang === "uk" ? "/countries?lang=uk" : "/countries"} className="underline">
            {t("indexTitle")[lang]}
          </Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{name}</h1>
        <p className="flex flex-wrap gap-2 text-sm">
          {view.actor.iso2 && <span className="rounded bg-subtle px-1.5 py-0.5 font-mono">{view.actor.iso2}</span>}
          {view.actor.groups.map((g) => (
            <span key={g} className="rounded border border-rule px-1.5 py-0.5">
              {COUNTRY.groups[g][lang]}
            </span>
          ))}
        </p>
        {view.actor.summary && <p className="max-w-3xl text-muted">{view.actor.summary}</p>}
        <div className="flex flex-wrap items-end justify-between gap-4">
          <AsOfControl lang={lang} asOf={asOf.iso} keep={{ lang: lang === "uk" ? "uk" : undefined }} />
          <DownloadLinks
            lang={lang}
            path={`/countries/${code}/download`}
            params={{ asOf: p.asOf }}
            embedHref={viewHref("/share", { chart: "country", code, asOf: p.asOf, lang: keepLang })}
          />
        </div>
      </header>

      {card && (
        <section aria-labelledby="card" className="space-y-2">
          <h2 id="card" className="text-lg font-semibold">
            {card.title}
          </h2>
          <p className="max-w-3xl text-sm text-muted">{card.description}</p>
          <ChartSvg model={card} lang={lang} origin="" interactive />
        </section>
      )}

      <section aria-labelledby="participation">
        <h2 id="participation" className="text-lg font-semibold">
          {t("participation")[lang]}
        </h2>
        {view.participations.length === 0 ? (
          <p className="text-muted">{t("notParticipant")[lang]}</p>
        ) : (
          view.participations.map((p) => (
            <div key={p.firstRecorded.toISOString()} className="mt-2">
              <p>
                {t("firstRecorded")[lang]}: <strong>{formatDate(p.firstRecorded, "DAY", lang)}</strong>
                {p.note && <span className="text-muted"> — {p.note}</span>}
              </p>
              <SourceLinks sources={p.sources} lang={lang} />
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="commitments">
        <h2 id="commitments" className="text-lg font-semibold">
          {t("commitments")[lang]} <span className="font-normal text-muted">({plural(view.commitments.length, COUNTRY.commitmentForms, lang)})</span>
        </h2>
        {view.commitments.length === 0 ? (
          <p className="text-muted">{t("noCommitments")[lang]}</p>
        ) : (
          <ul className="mt-3 divide-y divide-rule border-y border-rule">
            {commitments.items.map((c) => {
              const qty = formatQuantity({ low: c.quantityLow, high: c.quantityHigh, qualifier: c.quantityQualifier, unit: c.quantityUnit }, lang);
              return (
                <li key={c.slug} className="grid gap-2 py-3 sm:grid-cols-[14rem_1fr]">
                  <div>
                    <p className="text-sm text-muted">{KIND[c.kind][lang]}</p>
                    {c.stage && <StageBadge stage={c.stage} lang={lang} />}
                    {c.stageDate && <p className="text-xs text-muted">{formatDate(c.stageDate.date, c.stageDate.datePrecision, lang)}</p>}
                  </div>
                  <div className="space-y-1">
                    <Link href={`/commitments/${c.slug}${lang === "uk" ? "?lang=uk" : ""}`} className="font-medium text-accent underline">
                      {c.title}
                    </Link>
                    <p className="text-sm">{c.summary}</p>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                      <dt className="text-muted">{t("conditions")[lang]}</dt>
                      <dd>{c.conditions.length ? c.conditions.map((x) => CONDITION[x][lang]).join("; ") : t("none")[lang]}</dd>
                      <dt className="text-muted">{t("binding")[lang]}</dt>
                      <dd>{LEGAL_FORM[c.legalForm][lang]}</dd>
                      <dt className="text-muted">{t("parliament")[lang]}</dt>
                      <dd>{APPROVAL[c.parliamentaryApproval][lang]}</dd>
                      <dt className="text-muted">{t("quantity")[lang]}</dt>
                      <dd>
                        {qty ?? COMMON.unknown[lang]}
                        {qty && c.quantityBasis && (
                          <span className="text-muted"> ({c.quantityBasis === "OFFICIAL" ? t("official")[lang] : t("reported")[lang]})</span>
                        )}
                      </dd>
                    </dl>
                    <SourceLinks sources={c.sources} lang={lang} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <Pager paged={commitments} href={pageHref("page", "commitments")} lang={lang} list={t("commitments")[lang]} />
      </section>

      <section aria-labelledby="polls">
        <h2 id="polls" className="text-lg font-semibold">
          {t("polls")[lang]} {view.polls.length > 0 && <span className="font-normal text-muted">({plural(view.polls.length, COUNTRY.pollForms, lang)})</span>}
        </h2>
        {view.polls.length === 0 ? (
          <p className="text-muted">{t("noPolls")[lang]}</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {polls.items.map((p) => (
              <li key={p.slug} className="border-l-2 border-rule pl-3">
                <p className="text-sm text-muted">
                  {WORDING[p.wordingClass][lang]} · {p.pollster}
                  {p.client && ` / ${p.client}`} ·{" "}
                  {p.fieldworkStart && p.fieldworkStart.getTime() !== p.fieldworkEnd.getTime()
                    ? `${formatDate(p.fieldworkStart, p.fieldworkPrecision, lang)} – `
                    : ""}
                  {formatDate(p.fieldworkEnd, p.fieldworkPrecision, lang)} · {t("sample")[lang]}{" "}
                  {p.sampleSize ? p.sampleSize.toLocaleString("en-GB") : COMMON.unknown[lang]}
                </p>
                <p className="font-medium">
                  {p.support ?? "?"}% {t("support")[lang]} · {p.oppose ?? "?"}% {t("oppose")[lang]}
                  {p.dontKnow !== null && ` · ${p.dontKnow}% ${t("dontKnow")[lang]}`}
                </p>
                <blockquote className="text-sm">
                  “{p.question}”{!p.questionVerbatim && <span className="text-muted"> ({t("paraphrase")[lang]})</span>}
                </blockquote>
                <SourceLinks sources={p.sources} lang={lang} />
              </li>
            ))}
          </ul>
        )}
        <Pager paged={polls} href={pageHref("pollsPage", "polls")} lang={lang} list={t("polls")[lang]} />
      </section>

      <section aria-labelledby="events">
        <h2 id="events" className="text-lg font-semibold">
          {t("events")[lang]} {view.events.length > 0 && <span className="font-normal text-muted">({plural(view.events.length, COUNTRY.eventForms, lang)})</span>}
        </h2>
        {view.events.length === 0 ? (
          <p className="text-muted">{t("noEvents")[lang]}</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {events.items.map((e) => (
              <li key={e.slug} className="border-l-2 border-rule pl-3">
                <p className="text-sm text-muted">
                  <time dateTime={e.date.toISOString().slice(0, 10)}>{formatDate(e.date, e.datePrecision, lang)}</time> ·{" "}
                  {EVENT_KIND[e.kind][lang]}
                  {e.speaker && ` · ${e.speaker}`}
                </p>
                <p className="font-medium">{e.title}</p>
                <p className="text-sm">{e.summary}</p>
                <SourceLinks sources={e.sources} lang={lang} />
              </li>
            ))}
          </ol>
        )}
        <Pager paged={events} href={pageHref("eventsPage", "events")} lang={lang} list={t("events")[lang]} />
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures" className="text-lg font-semibold">
          {t("figures")[lang]}
        </h2>
        {figures.length === 0 ? (
          <p className="text-muted">{t("noFigures")[lang]}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {figures.map((c) => (
              <li key={c.slug} className="border-l-2 border-rule pl-3">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <VerificationBadge status={c.verification} lang={lang} />
                  {c.asOf && <span className="text-muted">{formatDate(c.asOf, c.asOfPrecision, lang)}</span>}
                </p>
                <p>{c.statement}</p>
                {c.finding && <p className="text-sm text-muted">{c.finding}</p>}
                <SourceLinks sources={c.sources} lang={lang} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources" className="text-lg font-semibold">
          {t("allSources")[lang]} <span className="font-normal text-muted">({plural(view.sources.length, COUNTRY.sourceForms, lang)})</span>
        </h2>
        <ul className="mt-2 columns-1 text-sm sm:columns-2">
          {sources.items.map((s) => (
            <li key={s.url} className="break-inside-avoid py-0.5">
              <a href={s.url} className="text-accent underline" rel="noopener noreferrer nofollow">
                {s.originalOutlet ? `${s.originalOutlet} (via ${s.outlet})` : s.outlet}
              </a>
            </li>
          ))}
        </ul>
        <Pager paged={sources} href={pageHref("sourcesPage", "sources")} lang={lang} list={t("allSources")[lang]} />
      </section>
    </article>
  );
}
