// Ukraine sites map and the "outside Ukraine" context map, as server-rendered SVG. Points are
// drawn only for sites announced at city level (at the city centre); country-level sites are a
// hatched country; nothing else is placed. The alt text is generated from the placements.
import type { PlacedSiteMap } from "@/lib/charts/ukraine-map";
import { GAZETTEER } from "@/lib/charts/ukraine-map";
import { BORDER_POLICY } from "@/lib/charts/geo";
import type { Lang } from "@/lib/i18n";
import { MAP, fill } from "@/lib/i18n/messages/map";

const css = (id: string) =>
  `.${id}{--map-land:#dde2e8;--map-ua:#ffffff;--map-hatch:#0b57d0}
@media (prefers-color-scheme:dark){.${id}{--map-land:#2c343e;--map-ua:#1d232b;--map-hatch:#8ab4f8}}
.${id} .l{fill:var(--map-land);stroke:var(--canvas,#fff);stroke-width:.6;stroke-linejoin:round}
.${id} .h{stroke:var(--canvas,#fff);stroke-width:.6}
.${id} .ua{fill:var(--map-ua)}
.${id} .uo{fill:none;stroke:var(--ink);stroke-width:1.2;stroke-linejoin:round}
.${id} .mk{fill:var(--ink);stroke:var(--canvas,#fff);stroke-width:1.5}
.${id} .t{font-size:11px;fill:var(--ink);paint-order:stroke;stroke:var(--canvas,#fff);stroke-width:3px;stroke-linejoin:round}
.${id} .t.b{font-weight:600;font-size:12px}
.${id} .t.m{fill:var(--muted)}
.${id} .t.i{font-style:italic}
.${id} .t.c{letter-spacing:.2em;font-size:13px;fill:var(--muted)}`.replace(/\n/g, "");

function Defs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <path d="M0 0v6" stroke="var(--map-hatch)" strokeOpacity=".45" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

const cityName = (city: string, lang: Lang) => (lang === "uk" ? (GAZETTEER[city]?.uk ?? city) : city);

function Markers({ placed, lang, sitesLabel }: { placed: PlacedSiteMap; lang: Lang; sitesLabel: (n: number) => string }) {
  return (
    <>
      {placed.markers.map((m) => {
        const dx = m.anchor === "start" ? 8 : -8;
        return (
          <g key={m.city}>
            <circle className="mk" cx={m.x} cy={m.y} r="4.5" />
            <text className="t b" x={m.x + dx} y={m.y} dy="-.15em" textAnchor={m.anchor}>
              {cityName(m.city, lang)}
            </text>
            <text className="t m" x={m.x + dx} y={m.y} dy="1.05em" textAnchor={m.anchor}>
              {sitesLabel(m.sites.length)}
            </text>
          </g>
        );
      })}
    </>
  );
}

const sitesLabel = (lang: Lang) => (n: number) =>
  lang === "uk" ? `${n} ${n === 1 ? "об’єкт" : n < 5 ? "об’єкти" : "об’єктів"}` : `${n} site${n === 1 ? "" : "s"}`;

/**
 * The Ukraine panel (Ukraine within its recognised borders, Crimea included). `compact` leaves
 * out the caption (embeds draw their own compact legend).
 */
export function UkraineMap({ placed, lang, idPrefix = "um", compact = false }: { placed: PlacedSiteMap; lang: Lang; idPrefix?: string; compact?: boolean }) {
  const id = idPrefix;
  const wide = placed.countryWide.UA?.length ?? 0;
  const markerSites = placed.markers.reduce((n, m) => n + m.sites.length, 0);
  const names = MAP.names;
  return (
    <figure className={id}>
      <style>{css(id)}</style>
      <svg viewBox={`0 0 ${placed.width} ${placed.height}`} className="block h-auto w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{MAP.ukraineTitle[lang]}</title>
        <desc id={`${id}-d`}>
          {fill(MAP.mapAltUkraine[lang], { markers: markerSites, country: wide })} {BORDER_POLICY[lang]}
        </desc>
        <Defs id={id} />
        {placed.land.map((l, i) => (
          <path key={`${l.iso2}-${i}`} className="l" d={l.d} />
        ))}
        <path className="ua" d={placed.ukraine} />
        {wide > 0 && <path d={placed.ukraine} fill={`url(#${id}-hatch)`} />}
        <path className="uo" d={placed.ukraine} />
        {placed.labels.map((lb) => (
          <text
            key={lb.key}
            x={lb.x}
            y={lb.y}
            textAnchor="middle"
            className={lb.key === "ukraine" ? "t c" : lb.key === "crimea" || lb.key === "blackSea" ? "t m i" : "t m"}
          >
            {names[lb.key as keyof typeof names][lang]}
          </text>
        ))}
        <Markers placed={placed} lang={lang} sitesLabel={sitesLabel(lang)} />
      </svg>
      {!compact && (
        <figcaption className="mt-2 space-y-1 text-sm">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            <li className="flex items-center gap-2">
              <svg width="12" height="12" aria-hidden="true">
                <circle cx="6" cy="6" r="4.5" fill="var(--ink)" />
              </svg>
              {MAP.cityMarker[lang]}
            </li>
            <li className="flex items-center gap-2">
              <svg width="16" height="12" aria-hidden="true">
                <rect width="16" height="12" fill={`url(#${id}-hatch)`} stroke="var(--rule)" />
              </svg>
              {MAP.countryHatch[lang]}
            </li>
          </ul>
          <p className="text-muted">{BORDER_POLICY[lang]}</p>
        </figcaption>
      )}
    </figure>
  );
}

/** The context panel: sites outside Ukraine (Paris, Tapa, country-level hubs such as Poland). */
export function ContextMap({
  placed,
  lang,
  countryNames,
  idPrefix = "cm",
}: {
  placed: PlacedSiteMap;
  lang: Lang;
  countryNames: Record<string, string>;
  idPrefix?: string;
}) {
  const id = idPrefix;
  const list = [
    ...placed.markers.map((m) => `${cityName(m.city, lang)} (${sitesLabel(lang)(m.sites.length)})`),
    ...Object.entries(placed.countryWide).map(([iso, s]) => `${countryNames[iso] ?? iso} (${sitesLabel(lang)(s.length)}, ${MAP.countryHatch[lang].toLowerCase()})`),
  ].join("; ");
  return (
    <figure className={id}>
      <style>{css(id)}</style>
      <svg viewBox={`0 0 ${placed.width} ${placed.height}`} className="block h-auto w-full" role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{`${MAP.contextTitle[lang]}`}</title>
        <desc id={`${id}-d`}>
          {fill(MAP.mapAltContext[lang], { list: list || MAP.none[lang] })} {BORDER_POLICY[lang]}
        </desc>
        <Defs id={id} />
        {placed.land.map((l, i) => (
          <g key={`${l.iso2}-${i}`}>
            <path className="l" d={l.d} />
            {l.hatched && <path className="h" d={l.d} fill={`url(#${id}-hatch)`} />}
          </g>
        ))}
        <path className="ua" d={placed.ukraine} />
        <path className="uo" d={placed.ukraine} />
        {placed.labels.map((lb) => (
          <text key={lb.key} x={lb.x} y={lb.y} dy=".35em" textAnchor="middle" className="t b">
            {countryNames[lb.key] ?? lb.key}
          </text>
        ))}
        <Markers placed={placed} lang={lang} sitesLabel={sitesLabel(lang)} />
      </svg>
    </figure>
  );
}
