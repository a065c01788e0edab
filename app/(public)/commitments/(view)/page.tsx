import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ParamError } from "@/components/layout/param-error";
import { MatrixCharts } from "@/components/charts/commitment-matrix";
import { CommitmentFilters, SortLinks, viewParams } from "@/components/commitments/filters";
import { MatrixLegend } from "@/components/commitments/legend";
import { CommitmentsTable } from "@/components/commitments/table";
import { AsOfControl } from "@/components/layout/as-of-control";
import { DownloadLinks } from "@/components/layout/download-links";
import { activeFilters, cellPath, facetCounts, pageOf } from "@/lib/charts/commitment-matrix";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import { COMMITMENTS as T, actorsCount, commitmentsCount } from "@/lib/i18n/messages/commitments";
import { requestLang } from "@/lib/i18n/server";
import { parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { CommitmentsParams } from "@/lib/schemas/views/commitments";
import { viewHref } from "@/lib/url";
import { commitmentsView, loadCommitments } from "@/lib/views/commitments";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  return { title: T.metaTitle[lang], description: T.intro[lang], ...(await chartMetadata("commitments", raw, T.title[lang])) };
}

export default async function CommitmentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(CommitmentsParams, raw);
  // Bad parameters: explained here, with the 400 status proxy.ts gave the response.
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={lang === "uk" ? "/commitments?lang=uk" : "/commitments"} />;
  const p = parsed.value;
  const data = await loadCommitments(p);
  const v = commitmentsView(data, p, lang);
  const table = pageOf(v.shown, p.page ?? 1);
  if (!table) notFound();
  const { asOf, matrix } = v;
  const counts = facetCounts(data.records, asOf.end, activeFilters(p));
  const params = viewParams(p);
  const keepDate = { asOf: p.asOf, lang: params.lang };
  // The date form carries every other view parameter along (a new date starts the table again).
  const keepForAsOf = Object.fromEntries(
    Object.entries(params).flatMap(([k, val]) => (k !== "asOf" && typeof val === "string" ? [[k, val]] : [])),
  ) as Record<string, string>;

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{T.title[lang]}</h1>
        <p className="max-w-3xl text-muted">{T.intro[lang]}</p>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <p className="text-sm text-muted">
            {T.stateOn[lang]} <time dateTime={asOf.iso}>{formatDate(asOf.end, "DAY", lang)}</time>
          </p>
          <AsOfControl lang={lang} asOf={asOf.iso} keep={keepForAsOf} />
        </div>
      </header>

      <CommitmentFilters lang={lang} params={p} counts={counts} />

      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-rule pb-2">
        <p role="status" className="text-sm" data-testid="match-count">
          {T.matching[lang]} <strong className="tabular-nums">{actorsCount(matrix.totals.actors, lang)}</strong> ·{" "}
          <strong className="tabular-nums">{commitmentsCount(matrix.totals.commitments, lang)}</strong>{" "}
          <span className="text-muted">
            ({T.ofRecorded[lang]} {matrix.totals.recorded} {T.recordedOnDate[lang]})
          </span>
        </p>
        <SortLinks lang={lang} params={p} current={p.sort ?? "actor"} />
      </div>

      {matrix.rows.length === 0 ? (
        <p className="rounded border border-rule p-4">{matrix.totals.recorded === 0 ? T.noneYet[lang] : T.noneMatch[lang]}</p>
      ) : (
        <>
          <section aria-labelledby="chart-heading" className="space-y-2">
            <h2 id="chart-heading" className="text-lg font-semibold">
              {T.chartHeading[lang]}
            </h2>
            <MatrixLegend lang={lang} stages={v.stages} counts={v.layouts.wide.cells.some((c) => c.count > 1)} />
            <MatrixCharts layouts={v.layouts} title={T.chartHeading[lang]} desc={v.description} href={(to) => viewHref(cellPath(to), keepDate)} />
          </section>
          <CommitmentsTable
            table={table}
            lang={lang}
            links={{
              commitment: (slug) => viewHref(`/commitments/${slug}`, keepDate),
              actor: (a) => viewHref(`/countries/${(a.iso2 ?? a.slug).toLowerCase()}`, keepDate),
              page: (n) => `${viewHref("/commitments", params, { page: n > 1 ? String(n) : null })}#table`,
            }}
          />
        </>
      )}

      <DownloadLinks lang={lang} path="/commitments/download" params={params} embedHref={viewHref("/share", { chart: "commitments", ...params })} />
    </div>
  );
}
