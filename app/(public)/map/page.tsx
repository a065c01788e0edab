import type { Metadata } from "next";
import { DownloadLinks } from "@/components/layout/download-links";
import { AsOfControl } from "@/components/layout/as-of-control";
import { ParamError } from "@/components/layout/param-error";
import { BeyondList, ParticipantsTable } from "@/components/map/participants-table";
import { SitesTable } from "@/components/map/sites-table";
import { ChartSvg } from "@/components/embed/chart";
import type { CountryRow } from "@/lib/charts/europe-map";
import type { EmbedModel } from "@/lib/embed/model";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { MAP } from "@/lib/i18n/messages/map";
import { requestLang } from "@/lib/i18n/server";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { MapParams } from "@/lib/schemas/views/map";
import { viewHref } from "@/lib/url";
import type { Chart } from "@/lib/views/define";
import { europeMapChart, loadMaps, ukraineMapChart } from "@/lib/views/maps";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const ukraine = raw.view === "ukraine";
  return { title: lang === "uk" ? "Карти" : "Maps", ...(await chartMetadata(ukraine ? "ukraine-map" : "europe-map", raw, ukraine ? MAP.ukraineTitle[lang] : MAP.europeTitle[lang])) };
}

/** A map's model from its definition (the same the embed and the downloads use), from loaded data. */
function modelOf(chart: Chart, raw: RawSearchParams, data: unknown, lang: Lang): EmbedModel {
  const bound = chart.bind(raw);
  if (!bound.ok) throw new Error(bound.errors.join("; "));
  return bound.chart.model(data, { lang, origin: "" });
}

export default async function MapPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(MapParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={lang === "uk" ? "/map?lang=uk" : "/map"} />;
  const { view = "europe" } = parsed.value;
  const asOf = asOfDate(parsed.value.asOf);
  const data = await loadMaps(parsed.value.asOf);
  const europe = modelOf(europeMapChart, raw, data.europe, lang);
  const ukraine = modelOf(ukraineMapChart, raw, data.ukraine, lang);
  if (europe.spec.kind !== "europe-map" || ukraine.spec.kind !== "ukraine-map") throw new Error("unexpected map models");
  const rows = europe.spec.rows;
  const sites = ukraine.spec.sites;

  const keep = { lang: lang === "uk" ? "uk" : undefined, asOf: parsed.value.asOf };
  const links = {
    country: (r: CountryRow) => viewHref(`/countries/${r.actor.iso2 ? r.actor.iso2.toLowerCase() : r.actor.slug}`, keep),
    commitments: (r: CountryRow) => `${viewHref(`/countries/${r.actor.iso2 ? r.actor.iso2.toLowerCase() : r.actor.slug}`, keep)}#commitments`,
  };
  const regionNames = new Intl.DisplayNames([lang], { type: "region" });
  const countryNames = Object.fromEntries(
    [...new Set(sites.flatMap((s) => (s.countryIso2 ? [s.countryIso2] : [])))].map((iso) => [iso, regionNames.of(iso) ?? iso]),
  );
  const dateLabel = formatDate(asOf.end, "DAY", lang);

  const tab = (v: "europe" | "ukraine", label: string) => (
    <a
      href={`${viewHref("/map", keep, { view: v === "europe" ? null : v })}#${v}`}
      aria-current={view === v ? "page" : undefined}
      className="rounded-t border border-b-0 border-rule px-3 py-1.5 text-sm aria-[current=page]:bg-subtle aria-[current=page]:font-semibold"
    >
      {label}
    </a>
  );

  const europeSection = (
    <section key="europe" id="europe" aria-labelledby="europe-title" className="scroll-mt-4 space-y-4">
      <header>
        <h2 id="europe-title" className="text-xl font-semibold tracking-tight">
          {MAP.europeTitle[lang]}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{MAP.europeDek[lang]}</p>
      </header>
      <figure className="space-y-3">
        <ChartSvg model={europe} lang={lang} origin="" interactive />
        <figcaption className="space-y-1 text-sm text-muted">
          <p>{MAP.hoverHint[lang]}</p>
          {europe.notes.slice(-2).map((n) => (
            <p key={n}>{n}</p>
          ))}
        </figcaption>
      </figure>
      <BeyondList rows={europe.spec.layouts.wide.beyond} lang={lang} links={links} />
      <h3 className="pt-2 font-semibold">{MAP.tableTitle[lang]}</h3>
      <ParticipantsTable rows={rows} lang={lang} links={links} />
    </section>
  );

  const ukraineSection = (
    <section key="ukraine" id="ukraine" aria-labelledby="ukraine-title" className="scroll-mt-4 space-y-4">
      <header>
        <h2 id="ukraine-title" className="text-xl font-semibold tracking-tight">
          {MAP.ukraineTitle[lang]}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{MAP.ukraineDek[lang]}</p>
      </header>
      <figure className="space-y-3">
        <ChartSvg model={ukraine} lang={lang} origin="" interactive />
        <figcaption className="space-y-1 text-sm text-muted">
          <p>{europe.notes[europe.notes.length - 1]}</p>
        </figcaption>
      </figure>
      <h3 className="pt-2 font-semibold">{MAP.sitesTable[lang]}</h3>
      <SitesTable sites={sites} lang={lang} countryNames={countryNames} />
    </section>
  );

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{MAP.title[lang]}</h1>
        <p className="max-w-3xl text-muted">{MAP.intro[lang]}</p>
        <p className="text-sm text-muted" data-testid="state-on">
          {MAP.stateOn[lang]} <time dateTime={asOf.iso}>{dateLabel}</time>
        </p>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <AsOfControl lang={lang} asOf={asOf.iso} keep={{ lang: keep.lang, view: parsed.value.view }} />
          <DownloadLinks
            lang={lang}
            path="/map/download"
            params={{ asOf: parsed.value.asOf }}
            embedHref={viewHref("/share", { chart: view === "ukraine" ? "ukraine-map" : "europe-map", ...keep })}
          />
        </div>
      </header>
      <nav aria-label={MAP.tabs[lang]} className="flex gap-1 border-b border-rule print:hidden">
        {tab("europe", MAP.europeTab[lang])}
        {tab("ukraine", MAP.ukraineTab[lang])}
      </nav>
      {view === "ukraine" ? [ukraineSection, europeSection] : [europeSection, ukraineSection]}
    </div>
  );
}
