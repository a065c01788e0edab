// The sites map as server-rendered SVG, one width class's layout (lib/charts/ukraine-map.ts).
// Points are drawn only for sites announced at city level (at the city centre); country-level
// sites are a hatched country; nothing else is placed, and the list beside or below names every
// site with the precision it was announced with.
import type { MapText } from "@/lib/charts/map-text";
import { BORDER_POLICY } from "@/lib/charts/geo";
import type { UkraineLayout } from "@/lib/charts/ukraine-map";
import type { Lang } from "@/lib/i18n";
import { MAP, fill } from "@/lib/i18n/messages/map";

/** The map's style rules (land, Ukraine, markers, hatch, text). */
export function ukraineMapCss(id: string): string {
  return (
    `.${id}{--map-land:#e4e6e9;--map-ua:#ffffff;--map-hatch:#0b57d0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}` +
    `@media (prefers-color-scheme:dark){.${id}{--map-land:#2c343e;--map-ua:#1d232b;--map-hatch:#8ab4f8}}` +
    `.${id} .l{fill:var(--map-land);stroke:var(--canvas,#fff);stroke-width:.6;stroke-linejoin:round}` +
    `.${id} .ua{fill:var(--map-ua)}.${id} .uo{fill:none;stroke:var(--ink);stroke-width:1.2;stroke-linejoin:round}` +
    `.${id} .mk{fill:var(--ink);stroke:var(--canvas,#fff);stroke-width:1.5}.${id} .sw{stroke:var(--muted);fill:var(--map-ua)}.${id} .sw.h{fill:url(#${id}-h)}` +
    `.${id} text{fill:var(--ink)}.${id} .t{paint-order:stroke;stroke:var(--canvas,#fff);stroke-width:3px;stroke-linejoin:round}` +
    `.${id} .b,.${id} .c,.${id} .kh{font-weight:600}.${id} .m,.${id} .kc,.${id} .nt{fill:var(--muted)}.${id} .i{font-style:italic}` +
    `.${id} .c{letter-spacing:.08em;fill:var(--muted)}`
  );
}

function Txt({ t }: { t: MapText }) {
  return (
    <text x={t.x} y={t.y} fontSize={t.size} textAnchor={t.anchor === "start" ? undefined : t.anchor} className={t.cls}>
      {t.full && t.full !== t.text && <title>{t.full}</title>}
      {t.text}
    </text>
  );
}

/** One width class's sites map: Ukraine (Crimea included), markers at cities, and the list of sites. */
export function UkraineMap({ layout: l, lang, title, href, id: base = "um" }: { layout: UkraineLayout; lang: Lang; title: string; href?: (slug: string) => string; id?: string }) {
  const id = `${base}${l.width[0]}`;
  const markerSites = l.markers.reduce((n, m) => n + m.sites.length, 0);
  const wide = l.countryWide.UA?.length ?? 0;
  return (
    <svg viewBox={`0 0 ${l.w} ${l.h}`} width={l.w} height={l.h} className={id} role="group" aria-labelledby={`${id}-t ${id}-d`} data-map="ukraine">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>
        {fill(MAP.mapAltUkraine[lang], { markers: markerSites, country: wide })} {BORDER_POLICY[lang]}
      </desc>
      <style dangerouslySetInnerHTML={{ __html: ukraineMapCss(id) }} />
      <defs>
        <pattern id={`${id}-h`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <path d="M0 0v6" stroke="var(--map-hatch)" strokeOpacity=".45" strokeWidth="1.5" />
        </pattern>
      </defs>
      {l.land.map((x, i) => (
        <path key={`${x.iso2}-${i}`} className="l" d={x.d} />
      ))}
      <path className="ua" d={l.ukraine} />
      {l.hatched && <path d={l.ukraine} fill={`url(#${id}-h)`} />}
      <path className="uo" d={l.ukraine} />
      {l.labels.map((t, i) => (
        <Txt key={`lb-${i}`} t={t} />
      ))}
      {l.markers.map((m) => (
        <g key={m.city}>
          <circle className="mk" cx={m.x} cy={m.y} r="4.5" />
          {m.labels.map((t, i) => (
            <Txt key={i} t={t} />
          ))}
        </g>
      ))}
      {l.groups.map((g) => (
        <g key={g.key}>
          {g.key === "city" ? (
            <circle className="mk" cx={(g.swatch.x0 + g.swatch.x1) / 2} cy={(g.swatch.y0 + g.swatch.y1) / 2} r="4.5" />
          ) : (
            <rect
              className={g.key === "country" ? "sw h" : "sw"}
              x={g.swatch.x0}
              y={g.swatch.y0}
              width={g.swatch.x1 - g.swatch.x0}
              height={g.swatch.y1 - g.swatch.y0}
              strokeDasharray={g.key === "region" || g.key === "undisclosed" ? "2 2" : undefined}
            />
          )}
          <Txt t={g.heading} />
          {[...new Set(g.entries.map((e) => e.slug))].map((slug) => {
            const lines = g.entries.filter((e) => e.slug === slug).map((e, i) => <Txt key={i} t={e} />);
            return href ? (
              <a key={slug} href={href(slug)} data-site-item={slug}>
                {lines}
              </a>
            ) : (
              <g key={slug}>{lines}</g>
            );
          })}
          {g.more && <Txt t={g.more} />}
        </g>
      ))}
      {l.notes.map((t, i) => (
        <Txt key={`nt-${i}`} t={t} />
      ))}
    </svg>
  );
}
