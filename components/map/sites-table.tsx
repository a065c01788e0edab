// The sites beside the Ukraine map (grouped by how they may be shown) and the full sites table.
import { actorName } from "@/components/charts/europe-map";
import { SourceLinks } from "@/components/data/source-links";
import { placeSite, type MapSite } from "@/lib/charts/ukraine-map";
import { GAZETTEER } from "@/lib/charts/ukraine-map";
import type { Lang } from "@/lib/i18n";
import { PRECISION, SITE_KIND } from "@/lib/i18n/labels";
import { MAP } from "@/lib/i18n/messages/map";

/** The place as announced, in the interface language. */
export function placeLabel(s: MapSite, lang: Lang, countryNames: Record<string, string>): string {
  const country = s.countryIso2 ? (countryNames[s.countryIso2] ?? s.countryIso2) : null;
  if (s.precision === "UNDISCLOSED") return MAP.undisclosedPlace[lang];
  const city = s.city && lang === "uk" ? (GAZETTEER[s.city]?.uk ?? s.city) : s.city;
  const first = s.precision === "CITY" ? city : s.precision === "REGION" ? s.region : null;
  return [first, country].filter(Boolean).join(", ");
}

function SiteLink({ s }: { s: MapSite }) {
  return (
    <a href={`#site-${s.slug}`} className="text-accent underline">
      {s.name}
    </a>
  );
}

/** What the reader cannot see as a point, in words: across-the-country and unplaced sites. */
export function SitesBeside({ sites, lang, countryNames }: { sites: readonly MapSite[]; lang: Lang; countryNames: Record<string, string> }) {
  const wide = sites.filter((s) => placeSite(s).type === "country");
  const city = sites.filter((s) => placeSite(s).type === "city");
  const listed = sites.filter((s) => placeSite(s).type === "listed");
  return (
    <div className="space-y-4 text-sm" data-testid="sites-beside">
      {wide.length > 0 && (
        <section aria-labelledby="wide-title">
          <h4 id="wide-title" className="font-semibold">
            {MAP.countryHatch[lang]}
          </h4>
          <p className="text-muted">{MAP.acrossUkraine[lang]}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {wide.map((s) => (
              <li key={s.slug}>
                <SiteLink s={s} /> <span className="text-muted">· {SITE_KIND[s.kind][lang]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {city.length > 0 && (
        <section aria-labelledby="city-title">
          <h4 id="city-title" className="font-semibold">
            {MAP.cityMarker[lang]}
          </h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {city.map((s) => (
              <li key={s.slug}>
                <SiteLink s={s} /> <span className="text-muted">· {placeLabel(s, lang, countryNames)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {listed.length > 0 && (
        <section aria-labelledby="listed-title">
          <h4 id="listed-title" className="font-semibold">
            {MAP.listedTitle[lang]}
          </h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {listed.map((s) => {
              const p = placeSite(s);
              return (
                <li key={s.slug}>
                  <SiteLink s={s} />{" "}
                  <span className="text-muted">· {p.type === "listed" ? MAP.listedReason[p.reason][lang] : ""}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Every published site: kind, lead and partner actors, precision, place, how it is shown, sources. */
export function SitesTable({ sites, lang, countryNames }: { sites: readonly MapSite[]; lang: Lang; countryNames: Record<string, string> }) {
  if (sites.length === 0) return <p>{MAP.noSites[lang]}</p>;
  return (
    <ul className="divide-y divide-rule border-y border-rule" data-testid="sites-table" aria-label={MAP.sitesTable[lang]}>
      {sites.map((s) => {
        const p = placeSite(s);
        const leads = s.actors.filter((a) => a.role === "LEAD");
        const partners = s.actors.filter((a) => a.role === "PARTNER");
        const outside = s.isContext || (s.countryIso2 !== null && s.countryIso2 !== "UA");
        return (
          <li key={s.slug} id={`site-${s.slug}`} className="grid gap-1 py-3 sm:grid-cols-[minmax(0,18rem)_1fr] sm:gap-4" data-site={s.slug}>
            <div>
              <p className="font-medium">{s.name}</p>
              <p className="text-muted">
                {SITE_KIND[s.kind][lang]}
                {outside && <span className="ml-1 rounded border border-rule px-1 text-xs">{MAP.outside[lang]}</span>}
              </p>
            </div>
            <div className="space-y-1 text-sm">
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                <dt className="text-muted">{MAP.precision[lang]}</dt>
                <dd>{PRECISION[s.precision][lang]}</dd>
                <dt className="text-muted">{MAP.place[lang]}</dt>
                <dd>{placeLabel(s, lang, countryNames) || "–"}</dd>
                <dt className="text-muted">{MAP.shown[lang]}</dt>
                <dd>{MAP.shownAs[p.type][lang]}</dd>
                <dt className="text-muted">{MAP.lead[lang]}</dt>
                <dd>{leads.length ? leads.map((a) => actorName(a, lang)).join(", ") : MAP.none[lang]}</dd>
                <dt className="text-muted">{MAP.partners[lang]}</dt>
                <dd>{partners.length ? partners.map((a) => actorName(a, lang)).join(", ") : MAP.none[lang]}</dd>
              </dl>
              {s.description && <p>{s.description}</p>}
              <SourceLinks sources={s.sources} lang={lang} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
