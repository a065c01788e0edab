import type { Metadata } from "next";
import Link from "next/link";
import { ChartSvg } from "@/components/embed/chart";
import { AsOfControl } from "@/components/layout/as-of-control";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { SourceLinks } from "@/components/data/source-links";
import { StageBadge } from "@/components/data/stage-badge";
import { getOverview } from "@/lib/db/overview";
import { formatDate, formatNumber } from "@/lib/format";
import type { CommitmentKind, LifecycleStage } from "@/lib/generated/prisma/enums";
import { COMMON } from "@/lib/i18n/common";
import { KIND } from "@/lib/i18n/labels";
import type { Lang } from "@/lib/i18n";
import { OVERVIEW } from "@/lib/i18n/messages/overview";
import { requestLang } from "@/lib/i18n/server";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { OverviewParams } from "@/lib/schemas/views/overview";
import { viewHref } from "@/lib/url";
import { overviewChart } from "@/lib/views/overview";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Security Guarantees Tracker" } };

const KIND_ORDER = Object.keys(KIND) as CommitmentKind[];
const VIEWS = ["commitments", "timeline", "map", "polls", "capacity", "sources"] as const;

/** An actor's name in the interface language (a Ukrainian name when one is recorded). */
const nameIn = (a: { name: string; nameUk: string | null }, lang: Lang) => (lang === "uk" && a.nameUk ? a.nameUk : a.name);
const namesIn = (actors: { name: string; nameUk: string | null }[], lang: Lang) =>
  actors
    .map((a) => nameIn(a, lang))
    .sort((a, b) => a.localeCompare(b, lang))
    .join(", ");

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(OverviewParams, raw);
  const bound = overviewChart.bind(raw);
  if (!parsed.ok || !bound.ok) return <ParamError lang={lang} errors={parsed.ok ? [] : parsed.errors} resetHref="/" />;
  const asOf = asOfDate(parsed.value.asOf);
  const [o, series] = await Promise.all([getOverview(asOf.end), bound.chart.load()]);
  const chart = series.ok ? bound.chart.model(series.data, { lang, origin: "" }) : null;
  const kinds = KIND_ORDER.filter((k) => o.cells.some((c) => c.kind === k));
  const stages = STAGE_ORDER.filter((s) => o.cells.some((c) => c.stage === s));
  const cell = (k: CommitmentKind, s: LifecycleStage) => o.cells.find((c) => c.kind === k && c.stage === s);
  const unverified = (o.claimsByVerification.UNVERIFIED ?? 0) + (o.claimsByVerification.DISPUTED ?? 0);
  const keep = { lang: lang === "uk" ? "uk" : undefined, asOf: parsed.value.asOf };
  const href = (path: string) => viewHref(path, keep);

  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="space-y-3">
        <h1 id="intro" className="max-w-4xl text-2xl font-semibold tracking-tight sm:text-3xl">
          {OVERVIEW.title[lang]}
        </h1>
        <p className="max-w-3xl text-muted">{OVERVIEW.intro[lang]}</p>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <p className="text-sm text-muted" data-testid="data-as-of">
            {OVERVIEW.dataAsOf[lang]}{" "}
            <time dateTime={o.dataAsOf?.toISOString()}>{o.dataAsOf ? formatDate(o.dataAsOf, "DAY", lang) : COMMON.unknown[lang]}</time>
            {" · "}
            {OVERVIEW.worldOn[lang]} <time dateTime={asOf.iso}>{formatDate(asOf.end, "DAY", lang)}</time>
          </p>
          <AsOfControl lang={lang} asOf={asOf.iso} keep={{ lang: keep.lang }} />
        </div>
      </section>

      {chart && (
        <section aria-labelledby="lead-chart" className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="lead-chart" className="text-lg font-semibold">
              {chart.title}
            </h2>
            <DownloadLinks lang={lang} path="/overview/download" params={{ asOf: parsed.value.asOf }} embedHref={viewHref("/share", { chart: "overview", ...keep })} />
          </div>
          <p className="max-w-3xl text-sm text-muted">{chart.description}</p>
          <figure className="m-0">
            <ChartSvg model={chart} lang={lang} origin="" interactive />
            <figcaption className="mt-2 max-w-3xl text-xs text-muted">{chart.notes.join(" ")}</figcaption>
          </figure>
        </section>
      )}

      <section aria-labelledby="headline">
        <h2 id="headline" className="sr-only">
          {OVERVIEW.figuresTitle[lang]}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Figure label={OVERVIEW.counts.actors[lang]} value={o.totals.actorsWithCommitments} lang={lang} />
          <Figure label={OVERVIEW.counts.commitments[lang]} value={o.totals.commitments} lang={lang} />
          <Figure label={OVERVIEW.counts.events[lang]} value={o.totals.events} lang={lang} />
          <Figure label={OVERVIEW.counts.polls[lang]} value={o.totals.polls} lang={lang} />
          <Figure label={OVERVIEW.counts.unverified[lang]} value={unverified} href={href("/sources") + "#verification-unverified"} lang={lang} />
        </dl>
        {o.figures.length > 0 && (
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {o.figures.map((f) => (
              <li key={f.slug} className="rounded border border-rule p-3">
                {f.value !== null && (
                  <p className="text-2xl font-semibold tabular-nums">
                    {formatNumber(f.value, lang)} <span className="text-base font-normal text-muted">{f.unit}</span>
                  </p>
                )}
                <p className="text-sm">{f.statement}</p>
                {f.asOf && <p className="text-xs text-muted">{formatDate(f.asOf, f.asOfPrecision, lang)}</p>}
                <SourceLinks sources={f.sources} lang={lang} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="matrix">
        <h2 id="matrix" className="text-lg font-semibold">
          <Link href={href("/commitments")} className="hover:underline">
            {OVERVIEW.matrix[lang]}
          </Link>
        </h2>
        <p className="text-sm text-muted">
          {OVERVIEW.matrixNote[lang]} {formatDate(asOf.end, "DAY", lang)}.
          {!o.cells.some((c) => c.stage === "PARLIAMENT_APPROVED" || c.stage === "DEPLOYED") && ` ${OVERVIEW.noneApproved[lang]}`}
        </p>
        {kinds.length === 0 ? (
          <p className="mt-4">{OVERVIEW.none[lang]}</p>
        ) : (
          <>
            <ul className="mt-3 space-y-3 sm:hidden" aria-label={OVERVIEW.matrix[lang]}>
              {kinds.map((k) => (
                <li key={k} className="rounded border border-rule p-3">
                  <p className="font-medium">{KIND[k][lang]}</p>
                  <ul className="mt-1 space-y-1 text-sm">
                    {stages
                      .map((s) => cell(k, s))
                      .filter((c): c is NonNullable<typeof c> => c !== undefined)
                      .map((c) => (
                        <li key={c.stage}>
                          <StageBadge stage={c.stage} lang={lang} /> <span className="font-semibold">{c.actors.length}</span>{" "}
                          <span className="text-muted">{namesIn(c.actors, lang)}</span>
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
            </ul>
            <div className="mt-3 hidden overflow-x-auto sm:block">
              <table className="w-full min-w-[40rem] border-collapse text-sm">
                <caption className="sr-only">{OVERVIEW.matrix[lang]}</caption>
                <thead>
                  <tr className="border-b border-rule text-left align-bottom">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      {OVERVIEW.kind[lang]}
                    </th>
                    {stages.map((s) => (
                      <th key={s} scope="col" className="px-2 py-2 font-medium">
                        <StageBadge stage={s} lang={lang} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {kinds.map((k) => (
                    <tr key={k} className="border-b border-rule align-top">
                      <th scope="row" className="py-2 pr-3 text-left font-medium">
                        {KIND[k][lang]}
                      </th>
                      {stages.map((s) => {
                        const c = cell(k, s);
                        return (
                          <td key={s} className="px-2 py-2">
                            {c ? (
                              <>
                                <span className="font-semibold">{c.actors.length}</span>{" "}
                                <span className="text-muted">{namesIn(c.actors, lang)}</span>
                              </>
                            ) : (
                              <span className="text-muted">
                                <span aria-hidden="true">–</span>
                                <span className="sr-only">0</span>
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="changes">
          <h2 id="changes" className="text-lg font-semibold">
            {OVERVIEW.changes[lang]}
          </h2>
          <ol className="mt-3 space-y-3">
            {o.recentChanges.map((c) => (
              <li key={`${c.commitmentSlug}-${c.stage}-${c.date.toISOString()}`} className="border-l-2 border-rule pl-3">
                <p className="text-sm text-muted">
                  <time dateTime={c.date.toISOString().slice(0, 10)}>{formatDate(c.date, c.datePrecision, lang)}</time> · {nameIn(c.actor, lang)}
                </p>
                <p>
                  <StageBadge stage={c.stage} lang={lang} />{" "}
                  <Link href={href(`/commitments/${c.commitmentSlug}`)} className="text-accent underline">
                    {c.title}
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="latest">
          <h2 id="latest" className="text-lg font-semibold">
            <Link href={href("/timeline")} className="hover:underline">
              {OVERVIEW.latest[lang]}
            </Link>
          </h2>
          <ol className="mt-3 space-y-3">
            {o.latestEvents.map((e) => (
              <li key={e.slug} className="border-l-2 border-rule pl-3">
                <time dateTime={e.date.toISOString().slice(0, 10)} className="text-sm text-muted">
                  {formatDate(e.date, e.datePrecision, lang)}
                </time>
                <p className="font-medium">{e.title}</p>
                <SourceLinks sources={e.sources} lang={lang} />
              </li>
            ))}
          </ol>
        </section>
      </div>

      <nav aria-labelledby="explore">
        <h2 id="explore" className="text-lg font-semibold">
          {OVERVIEW.explore[lang]}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {VIEWS.map((v) => (
            <li key={v}>
              <Link href={href(`/${v}`)} className="block h-full rounded border border-rule p-3 hover:border-ink">
                <span className="font-semibold">{COMMON.nav[v][lang]} →</span>
                <span className="mt-1 block text-sm text-muted">{OVERVIEW.views[v][lang]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function Figure({ label, value, href, lang }: { label: string; value: number; href?: string; lang: Lang }) {
  return (
    <div className="rounded border border-rule p-3">
      <dt className="text-xs text-muted">
        {href ? (
          <a href={href} className="underline">
            {label}
          </a>
        ) : (
          label
        )}
      </dt>
      <dd className="text-2xl font-semibold tabular-nums">{formatNumber(value, lang)}</dd>
    </div>
  );
}
