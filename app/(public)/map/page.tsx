import type { Metadata } from "next";
import { EuropeMap, actorName } from "@/components/charts/europe-map";
import { ContextMap, UkraineMap } from "@/components/charts/ukraine-map";
import { AsOfControl } from "@/components/layout/as-of-control";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { BeyondList, ParticipantsTable } from "@/components/map/participants-table";
import { SitesBeside, SitesTable } from "@/components/map/sites-table";
import { buildCountryRows, placeEuropeMap, type CountryRow } from "@/lib/charts/europe-map";
import { loadCountries } from "@/lib/charts/geo";
import { isOutsideUkraine, placeContextMap, placeUkraineMap } from "@/lib/charts/ukraine-map";
import { getMapData } from "@/lib/db/map";
import { chartMetadata } from "@/lib/embed/metadata";
import { formatDate } from "@/lib/format";
import { MAP } from "@/lib/i18n/messages/map";
import { requestLang } from "@/lib/i18n/server";
import { asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { MapParams } from "@/lib/schemas/views/map";
import { viewHref } from "@/lib/url";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const ukraine = raw.view === "ukraine";
  return { title: lang === "uk" ? "Карти" : "Maps", ...(await chartMetadata(ukraine ? "ukraine-map" : "europe-map", raw, ukraine ? MAP.ukraineTitle[lang] : MAP.europeTitle[lang])) };
}

export default async function MapPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(MapParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={lang === "uk" ? "/map?lang=uk" : "/map"} />;
  const { view = "europe" } = parsed.value;
  const asOf = asOfDate(parsed.value.asOf);
  const data = await getMapData(asOf.end);

  const rows = buildCountryRows(data.participations, data.commitments, asOf.end);
  const europe = placeEuropeMap(loadCountries("50m"), rows, { width: 640 });
  const inUkraine = data.sites.filter((s) => !isOutsideUkraine(s));
  const outside = data.sites.filter(isOutsideUkraine);
  const ukraine = placeUkraineMap(loadCountries("50m"), data.sites, { width: 640 });
  const context = placeContextMap(loadCountries("110m"), data.sites, { width: 360 });

  const keep = { lang: lang === "uk" ? "uk" : undefined, asOf: parsed.value.asOf };
  const links = {
    country: (r: CountryRow) => viewHref(`/countries/${r.actor.iso2 ? r.actor.iso2.toLowerCase() : r.actor.slug}`, keep),
    commitments: (r: CountryRow) => `${viewHref(`/countries/${r.actor.iso2 ? r.actor.iso2.toLowerCase() : r.actor.slug}`, keep)}#commitments`,
  };
  const regionNames = new Intl.DisplayNames([lang], { type: "region" });
  const countryNames = Object.fromEntries(
    [...new Set(data.sites.flatMap((s) => (s.countryIso2 ? [s.countryIso2] : [])))].map((iso) => [iso, regionNames.of(iso) ?? iso]),
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
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_15rem]">
        <EuropeMap placed={europe} rows={rows} lang={lang} hrefFor={links.country} dateLabel={dateLabel} />
        <BeyondList rows={europe.beyond} lang={lang} links={links} />
      </div>
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
        <p className="mt-1 max-w-3xl text-sm text-muted">{MAP.sitesNoDate[lang]}</p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <UkraineMap placed={ukraine} lang={lang} />
        <SitesBeside sites={inUkraine} lang={lang} countryNames={countryNames} />
      </div>
      <div className="grid gap-6 border-t border-rule pt-4 md:grid-cols-[minmax(0,22rem)_1fr]">
        <div>
          <h3 className="font-semibold">{MAP.contextTitle[lang]}</h3>
          <ContextMap placed={context} lang={lang} countryNames={countryNames} />
        </div>
        <div className="md:pt-7">
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="context-sites">
            {outside.map((s) => (
              <li key={s.slug}>
                <a href={`#site-${s.slug}`} className="text-accent underline">
                  {s.name}
                </a>{" "}
                <span className="text-muted">
                  · {s.countryIso2 ? countryNames[s.countryIso2] : MAP.undisclosedPlace[lang]} ({MAP.outside[lang]})
                </span>
              </li>
            ))}
          </ul>
          {outside.length > 0 && (
            <p className="mt-2 text-sm text-muted">
              {MAP.lead[lang]}:{" "}
              {[...new Set(outside.flatMap((s) => s.actors.filter((a) => a.role === "LEAD").map((a) => actorName(a, lang))))].join(", ")}
            </p>
          )}
        </div>
      </div>
      <h3 className="pt-2 font-semibold">{MAP.sitesTable[lang]}</h3>
      <SitesTable sites={data.sites} lang={lang} countryNames={countryNames} />
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
