import type { Metadata } from "next";
import { CommitmentMatrix } from "@/components/charts/commitment-matrix";
import { CommitmentFilters, SortLinks, viewParams } from "@/components/commitments/filters";
import { MatrixLegend } from "@/components/commitments/legend";
import { AsOfControl } from "@/components/layout/as-of-control";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { CommitmentsParams, activeFilters, buildMatrix, facetCounts } from "@/lib/charts/commitment-matrix";
import { listCommitmentRecords } from "@/lib/db/commitments";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import { COMMITMENTS as T, actorsCount, commitmentsCount } from "@/lib/i18n/messages/commitments";
import { requestLang } from "@/lib/i18n/server";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  return { title: T.metaTitle[lang], description: T.intro[lang], ...(await chartMetadata("commitments", raw, T.title[lang])) };
}

export default async function CommitmentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(CommitmentsParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={lang === "uk" ? "/commitments?lang=uk" : "/commitments"} />;
  const p = parsed.value;
  const asOf = asOfDate(p.asOf);
  const records = await listCommitmentRecords(asOf.end);
  const filters = activeFilters(p);
  const matrix = buildMatrix(records, { asOf: asOf.end, filters, sort: p.sort, lang });
  const counts = facetCounts(records, asOf.end, filters);
  const params = viewParams(p);
  const keepDate = { asOf: p.asOf, lang: params.lang };
  // The date form carries every other view parameter along.
  const keepForAsOf = Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (k !== "asOf" && typeof v === "string" ? [[k, v]] : [])),
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
          <AsOfControl
            lang={lang}
            asOf={asOf.iso}
            keep={keepForAsOf}
          />
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
        <CommitmentMatrix
          matrix={matrix}
          lang={lang}
          links={{
            commitment: (slug) => viewHref(`/commitments/${slug}`, keepDate),
            actor: (a) => viewHref(`/countries/${(a.iso2 ?? a.slug).toLowerCase()}`, keepDate),
          }}
        />
      )}

      <DownloadLinks lang={lang} path="/commitments/download" params={params} embedHref={viewHref("/share", { chart: "commitments", ...params })} />

      <MatrixLegend lang={lang} />
    </div>
  );
}
