// Europe-and-partners map as server-rendered SVG (no client JavaScript), one width class's layout
// (lib/charts/europe-map.ts). Each drawn participant is a focusable link; its details box shows
// beside it on hover and keyboard focus through CSS (:has). Colour is never alone: names, numbers
// and the key carry the same data, refusals are hatched, non-participants hatched grey.
import { Fragment } from "react";
import type { EuropeLayout, MapFill } from "@/lib/charts/europe-map";
import { actorName, fillClass, rowSummary, type CountryRow } from "@/lib/charts/europe-map";
import type { MapText } from "@/lib/charts/map-text";
import { STAGE_ORDER } from "@/lib/lifecycle";
import type { Lang } from "@/lib/i18n";
import { BORDER_POLICY } from "@/lib/charts/geo";
import { MAP, fill } from "@/lib/i18n/messages/map";

const STAGE_VAR = ["floated", "announced", "conditional", "formalised", "approved", "deployed", "ruled-out", "withdrawn"];

/** The map's fill rules on the shared stage scale (app/globals.css; dark variants there too). */
export function europeMapCss(id: string): string {
  const fills = STAGE_ORDER.slice(0, 6)
    .map((_, i) => `.${id} .f${i}{fill:var(--color-stage-${STAGE_VAR[i]})}`)
    .join("");
  return (
    `.${id}{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}` +
    `.${id} .l{fill:url(#${id}-np);stroke:var(--canvas,#fff);stroke-width:.6;stroke-linejoin:round}` +
    `.${id} a path{stroke:var(--canvas,#fff);stroke-width:.6;stroke-linejoin:round}` +
    `.${id} a:hover path,.${id} a:focus-visible path{stroke:var(--ink);stroke-width:1.8}` +
    `.${id} a:focus-visible{outline:none}` +
    `.${id} .ua{fill:none;stroke:var(--ink);stroke-width:1.1;pointer-events:none}` +
    fills +
    `.${id} .fn{fill:url(#${id}-pn)}.${id} .fr{fill:url(#${id}-ro)}.${id} .fw{fill:url(#${id}-wd)}.${id} .np{fill:url(#${id}-np)}` +
    `.${id} .rb{fill:var(--color-stage-ruled-out)}.${id} .wb{fill:var(--color-stage-withdrawn)}.${id} .nb{fill:var(--color-stage-none)}` +
    `.${id} .hl{stroke:var(--color-stage-ink);stroke-opacity:.55;stroke-width:1.1}.${id} .nl{stroke:var(--color-stage-none-line);stroke-width:1}.${id} .dt{fill:var(--muted)}` +
    `.${id} text{fill:var(--ink)}` +
    `.${id} text{font-size:12px}.${id} .bn,.${id} .kn,.${id} .nt,.${id} .nm.s{font-size:11px}.${id} .tt{font-size:13px}` +
    `.${id} .nm,.${id} .bn,.${id} .kc{text-anchor:middle}.${id} .kn{text-anchor:end}` +
    `.${id} .nm{fill:var(--color-stage-ink);pointer-events:none;paint-order:stroke;stroke:rgba(255,255,255,.55);stroke-width:2px}` +
    `.${id} .nm.n{fill:var(--ink);stroke:none}` +
    `.${id} .bg{fill:var(--canvas,#fff);stroke:var(--ink);stroke-width:1}.${id} .ld{stroke:var(--ink);stroke-width:.9}` +
    `.${id} .bn,.${id} .kn{font-weight:700}.${id} .kh{font-weight:600}.${id} .kc{fill:var(--color-stage-ink)}.${id} .g-fn .kc{fill:var(--ink)}.${id} .nt{fill:var(--muted)}` +
    `.${id} .sw{stroke:var(--rule)}` +
    `.${id} .tip{display:none}.${id} .tip rect{fill:var(--surface,#fff);stroke:var(--rule)}.${id} .tt{font-weight:600}.${id} .tl{fill:var(--muted)}`
  );
}

function Txt({ t, className }: { t: MapText; className?: string }) {
  return (
    <text x={t.x} y={t.y} className={className ?? t.cls}>
      {t.full && <title>{t.full}</title>}
      {t.text}
    </text>
  );
}

/** Fill class of a key chip. */
const chipClass = (f: MapFill | "NONE") => (f === "NONE" ? "np" : fillClass(f));

type Props = {
  layout: EuropeLayout;
  lang: Lang;
  /** Link target of a participant (its country page). */
  hrefFor: (r: CountryRow) => string;
  dateLabel: string;
  title: string;
  /** Hover and focus boxes (not in images). */
  interactive: boolean;
  id?: string;
};

/** One width class's Europe map: the map, its names and numbers, and the key by stage. */
export function EuropeMap({ layout: l, lang, hrefFor, dateLabel, title, interactive, id: base = "em" }: Props) {
  const id = `${base}${l.width[0]}`;
  const key = (slug: string) => slug.replace(/[^a-z0-9-]/g, "");
  const tips = interactive ? l.tips : [];
  const tipped = new Set(tips.map((t) => t.slug));
  const css =
    europeMapCss(id) +
    (tips.length ? `${tips.map((t) => `.${id}:has(#${id}-c-${key(t.slug)}:is(:hover,:focus-visible)) #${id}-t-${key(t.slug)}`).join(",")}{display:inline}` : "");
  const participants = l.entries.length;
  return (
    <svg
      viewBox={`0 0 ${l.w} ${l.h}`}
      width={l.w}
      height={l.h}
      className={id}
      role="group"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-map="europe"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {fill(MAP.mapAltEurope[lang], { n: participants, date: dateLabel })} {BORDER_POLICY[lang]}
      </desc>
      <style dangerouslySetInnerHTML={{ __html: css }} />
      <defs>
        <pattern id={`${id}-np`} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
          <rect width="5" height="5" className="nb" />
          <path d="M0 0v5" className="nl" />
        </pattern>
        <pattern id={`${id}-pn`} patternUnits="userSpaceOnUse" width="4" height="4">
          <rect width="4" height="4" fill="var(--canvas,#fff)" />
          <circle cx="2" cy="2" r=".8" className="dt" />
        </pattern>
        <pattern id={`${id}-ro`} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <rect width="4" height="4" className="rb" />
          <path d="M0 0v4" className="hl" />
        </pattern>
        <pattern id={`${id}-wd`} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(-45)">
          <rect width="4" height="4" className="wb" />
          <path d="M0 0v4" className="hl" />
        </pattern>
      </defs>
      {l.countries.map((c, i) =>
        c.row ? (
          <a
            key={`${c.iso2}-${i}`}
            id={`${id}-c-${key(c.row.actor.slug)}`}
            href={hrefFor(c.row)}
            aria-labelledby={tipped.has(c.row.actor.slug) ? `${id}-t-${key(c.row.actor.slug)}` : undefined}
          >
            {/* The details box names the link where there is one; elsewhere a title does (and shows on hover). */}
            {!tipped.has(c.row.actor.slug) && <title>{`${actorName(c.row.actor, lang)}: ${rowSummary(c.row, lang)}`}</title>}
            <path d={c.d} className={fillClass(c.row.fill)} />
          </a>
        ) : (
          <path key={`${c.iso2}-${i}`} className="l" d={c.d} />
        ),
      )}
      {l.ukraine && <path className="ua" d={l.ukraine} />}
      <g aria-hidden="true">
        {l.names.map((t) => (
          <Txt key={`n-${t.slug}`} t={t} />
        ))}
        {l.badges.map((b) => (
          <Fragment key={`b-${b.slug}`}>
            {b.leader && <line className="ld" x1={b.leader.x1} y1={b.leader.y1} x2={b.leader.x2} y2={b.leader.y2} />}
            <circle className="bg" cx={b.x} cy={b.y} r={b.r} />
            <Txt t={b.text} />
          </Fragment>
        ))}
      </g>
      <g>
        {l.groups.map((g) => (
          <g key={`g-${g.fill}`} className={`g-${chipClass(g.fill)}`}>
            <rect className={`sw ${chipClass(g.fill)}`} x={g.chip.x0} y={g.chip.y0} width={g.chip.x1 - g.chip.x0} height={g.chip.y1 - g.chip.y0} rx="3" />
            <Txt t={g.chip.text} />
            {g.chip.count && <Txt t={g.chip.count} />}
          </g>
        ))}
        {l.entries.map((e) => (
          <g key={`e-${e.slug}`}>
            {e.number && <Txt t={e.number} />}
            <Txt t={e.text} />
          </g>
        ))}
        {l.notes.map((t, i) => (
          <Txt key={`nt-${i}`} t={t} />
        ))}
      </g>
      {tips.map((t) => (
        <g key={`t-${t.slug}`} id={`${id}-t-${key(t.slug)}`} className="tip">
          <rect x={t.x} y={t.y} width={t.width} height={t.height} rx="4" />
          {t.lines.map((line, i) => (
            <Txt key={i} t={line} />
          ))}
        </g>
      ))}
    </svg>
  );
}
