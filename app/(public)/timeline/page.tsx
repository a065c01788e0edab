import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Responsive } from "@/components/charts/responsive";
import { TimelineChart } from "@/components/charts/timeline";
import { AsOfControl } from "@/components/layout/as-of-control";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { TimelineFilters } from "@/components/timeline/timeline-filters";
import { TimelineLegend } from "@/components/timeline/timeline-legend";
import { TimelineList } from "@/components/timeline/timeline-list";
import { TimelinePager } from "@/components/timeline/timeline-pager";
import { LIST_PAGE_SIZE, describeTimeline, effectiveKinds, layoutTimelines, viewDomain } from "@/lib/charts/timeline";
import { perWidth } from "@/lib/charts/width";
import { getTimeline, unknownActorMessage } from "@/lib/db/timeline";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { requestLang } from "@/lib/i18n/server";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { TimelineParams } from "@/lib/schemas/views/timeline";
import { viewHref } from "@/lib/url";
import { timelineLinks } from "@/lib/views/timeline";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  return { title: TIMELINE.chartTitle[lang], ...(await chartMetadata("timeline", raw, TIMELINE.title[lang])) };
}

export default async function TimelinePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(TimelineParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={lang === "uk" ? "/timeline?lang=uk" : "/timeline"} />;
  const p = parsed.value;
  const asOf = asOfDate(p.asOf);
  // Only what this page draws one by one gets its actors and sources (the rest are counted).
  const t = await getTimeline({ actors: p.actor, kinds: p.kind, lanes: p.lane, from: p.from, to: p.to, asOf: asOf.end }, { page: p.page ?? 1 });
  if (t.unknownActors.length) {
    return <ParamError lang={lang} errors={[unknownActorMessage(t.unknownActors, t.actors.map((a) => a.slug))]} resetHref={lang === "uk" ? "/timeline?lang=uk" : "/timeline"} />;
  }

  const langParam = lang === "uk" ? "uk" : undefined;
  const filters = { actor: p.actor, kind: p.kind, lane: p.lane, from: p.from, to: p.to };
  const view = { ...filters, asOf: p.asOf, lang: langParam };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  // The list pages newest first; a page past the last is a 404 (not-found.tsx explains).
  const pages = Math.max(1, Math.ceil(t.items.length / LIST_PAGE_SIZE));
  const page = p.page ?? 1;
  if (page > pages) notFound();
  const newest = t.items.slice(Math.max(0, t.items.length - page * LIST_PAGE_SIZE), t.items.length - (page - 1) * LIST_PAGE_SIZE).reverse();
  const scenes = layoutTimelines(t.items, { lang, domain: viewDomain(p.from, p.to, asOf.end), asOf: asOf.end });
  const hrefFor = timelineLinks(p, t.items, lang, "", page);
  const description = describeTimeline(t.items, scenes.wide.domain, lang);

  return (
    <div className="tl-c space-y-8">
      <header className="space-y-3">
        <h1 className="max-w-4xl text-2xl font-semibold tracking-tight sm:text-3xl">{TIMELINE.title[lang]}</h1>
        <p className="max-w-3xl text-muted">{TIMELINE.intro[lang]}</p>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <p className="text-sm" role="status" data-testid="item-count">
            <strong className="tabular-nums">{t.items.length}</strong> {TIMELINE.shown[lang]}
            {filtered && (
              <>
                {" "}
                {TIMELINE.of[lang]} <span className="tabular-nums">{t.total}</span>
              </>
            )}{" "}
            <span className="text-muted">
              ({TIMELINE.recordedBy[lang]} <time dateTime={asOf.iso}>{formatDate(asOf.end, "DAY", lang)}</time>)
            </span>
          </p>
          <AsOfControl lang={lang} asOf={asOf.iso} keep={{ ...joined(filters), lang: langParam }} />
        </div>
      </header>

      <TimelineFilters
        lang={lang}
        actors={t.actors}
        values={{
          actors: p.actor ?? [],
          kinds: p.kind || p.lane ? effectiveKinds(p.kind, p.lane) : [],
          from: p.from,
          to: p.to,
          asOf: p.asOf,
          lang: langParam,
        }}
        clearHref={viewHref("/timeline", { asOf: p.asOf, lang: langParam })}
      />

      <section id="chart" aria-labelledby="chart-title" className="scroll-mt-4 space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="chart-title" className="text-lg font-semibold">
            {TIMELINE.chartTitle[lang]}
          </h2>
          <DownloadLinks lang={lang} path="/timeline/download" params={{ ...filters, asOf: p.asOf }} embedHref={viewHref("/share", { chart: "timeline", ...view })} />
        </div>
        <TimelineLegend lang={lang} params={view} />
        <p className="sr-only">{TIMELINE.chartHint[lang]}</p>
        <a href="#list" className="sr-only focus:not-sr-only focus:inline-block focus:p-1 text-accent underline">
          {TIMELINE.skipChart[lang]}
        </a>
        <div className="border-y border-rule bg-canvas">
          <Responsive chart="timeline" layouts={perWidth((w) => <TimelineChart scene={scenes[w]} lang={lang} hrefFor={hrefFor} description={description} />)} />
        </div>
      </section>

      <section id="list" aria-labelledby="list-title" className="scroll-mt-4 space-y-3">
        <h2 id="list-title" className="text-lg font-semibold">
          {TIMELINE.list[lang]}
        </h2>
        <p className="text-sm text-muted">
          {TIMELINE.listIntro[lang]}{" "}
          {t.items.length > 0 &&
            TIMELINE.listRange[lang]
              .replace("{a}", String((page - 1) * LIST_PAGE_SIZE + 1))
              .replace("{b}", String((page - 1) * LIST_PAGE_SIZE + newest.length))
              .replace("{n}", String(t.items.length))}
        </p>
        {t.items.length === 0 ? (
          <p>{TIMELINE.empty[lang]}</p>
        ) : (
          <>
            <TimelinePager lang={lang} page={page} pages={pages} params={view} />
            <TimelineList items={newest} lang={lang} keep={{ asOf: p.asOf, lang: langParam }} zoomParams={{ ...view, from: undefined, to: undefined }} />
            <TimelinePager lang={lang} page={page} pages={pages} params={view} />
          </>
        )}
      </section>
    </div>
  );
}

/** Multi-value filters as comma-joined strings, for hidden form fields. */
function joined(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
}
