// The full sites table below the Ukraine map (the map lists the sites by precision itself).
import { actorName } from "@/lib/charts/europe-map";
import { SourceLinks } from "@/components/data/source-links";
import { placeSite, type MapSite } from "@/lib/charts/ukraine-map";
import { GAZETTEER } from "@/lib/charts/ukraine-map";
import type { Lang } from "@/lib/i18n";
import { PRECISION, SITE_KIND } from "@/lib/i18n/labels";
import { MAP, fill } from "@/lib/i18n/messages/map";

/** The place as announced, in the interface language. */
export function placeLabel(s: MapSite, lang: Lang, countryNames: Record<string, string>): string {
  const country = s.countryIso2 ? (countryNames[s.countryIso2] ?? s.countryIso2) : null;
  if (s.precision === "UNDISCLOSED") return MAP.undisclosedPlace[lang];
  const city = s.city && lang === "uk" ? (GAZETTEER[s.city]?.uk ?? s.city) : s.city;
  const first = s.precision === "CITY" ? city : s.precision === "REGION" ? s.region : null;
  return [first, country].filter(Boolean).join(", ");
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
              <SourceLinks sources={s.sources.slice(0, 3)} lang={lang} />
              {s.sources.length > 3 && <p className="text-sm text-muted">{fill(MAP.moreSourcesPlain[lang], { n: s.sources.length - 3 })}</p>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
