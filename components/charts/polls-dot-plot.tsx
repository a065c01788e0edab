import type { DotPlot } from "@/lib/charts/polls";
import type { Lang } from "@/lib/i18n";
import { OPPOSE_STROKE, SUPPORT_FILL, SUPPORT_STROKE } from "./polls-palette";

export type DotPlotText = {
  title: string;
  desc: string;
  support: string;
  oppose: string;
  notPublished: string;
  countryName: (iso2: string) => string;
};

/**
 * Dot plot of one wording class: a row per poll, support (filled dot) and oppose (open dot) on
 * a 0–100% track. Server-rendered SVG with x in percent, so text keeps its size at any width.
 * Each dot links to the poll's row in the table (`#poll-<slug>`) and names the poll on hover.
 */
export function PollsDotPlot({ plot, text, lang, id }: { plot: DotPlot; text: DotPlotText; lang: Lang; id: string }) {
  const tipOf = (r: DotPlot["rows"][number]) =>
    `${text.countryName(r.iso2)}, ${r.pollster}, ${r.fieldwork}: ${text.support} ${r.support?.label ?? text.notPublished}, ${text.oppose} ${r.oppose?.label ?? text.notPublished}`;
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="text-sm" lang={lang}>
      <figcaption className="sr-only">
        <span id={`${id}-title`}>{text.title}</span> <span id={`${id}-desc`}>{text.desc}</span>
      </figcaption>
      <div className="grid grid-cols-1 sm:grid-cols-[14rem_1fr]" aria-hidden="true">
        <div className="hidden sm:block" />
        <div className="px-9">
          <svg width="100%" height="18" overflow="visible" className="block text-muted">
            {plot.ticks.map((t) => (
              <text key={t.x} x={`${t.x}%`} y="12" textAnchor="middle" className="fill-current text-[11px] tabular-nums">
                {t.label}
              </text>
            ))}
          </svg>
        </div>
      </div>
      <ul className="m-0 list-none p-0">
        {plot.rows.map((r) => (
          <li
            key={r.slug}
            className={`grid grid-cols-1 items-center gap-x-2 sm:grid-cols-[14rem_1fr] ${r.firstOfCountry ? "border-t border-rule pt-1.5" : ""}`}
          >
            <p className="m-0 leading-tight">
              {r.firstOfCountry ? <span className="font-semibold">{text.countryName(r.iso2)}</span> : <span className="sr-only">{text.countryName(r.iso2)}</span>}
              <span className="block text-xs text-muted">
                {r.pollster} · {r.fieldwork}
              </span>
            </p>
            <div className="px-9">
              <svg width="100%" height="26" overflow="visible" className="block">
                {plot.ticks.map((t) => (
                  <line key={t.x} x1={`${t.x}%`} x2={`${t.x}%`} y1="2" y2="24" className="stroke-rule" strokeWidth="1" />
                ))}
                <line x1="0%" x2="100%" y1="13" y2="13" className="stroke-rule" strokeWidth="1" />
                {r.support && r.oppose && (
                  <line
                    x1={`${r.support.x}%`}
                    x2={`${r.oppose.x}%`}
                    y1="13"
                    y2="13"
                    className="stroke-muted"
                    strokeWidth="2"
                    strokeOpacity="0.5"
                  />
                )}
                {r.oppose && (
                  <a href={`#poll-${r.slug}`} aria-label={`${tipOf(r)}`}>
                    <title>{tipOf(r)}</title>
                    <circle cx={`${r.oppose.x}%`} cy="13" r="6" className={`fill-canvas ${OPPOSE_STROKE}`} strokeWidth="2.5" />
                  </a>
                )}
                {r.support && (
                  <a href={`#poll-${r.slug}`} aria-label={`${tipOf(r)}`}>
                    <title>{tipOf(r)}</title>
                    <circle cx={`${r.support.x}%`} cy="13" r="6.5" className={`${SUPPORT_FILL} ${SUPPORT_STROKE}`} strokeWidth="1" />
                  </a>
                )}
                {r.oppose && (
                  <text x={`${r.oppose.x}%`} dx={r.oppose.dx} y="17" textAnchor={r.oppose.anchor} className="fill-current text-[11px] tabular-nums text-muted" aria-hidden="true">
                    {r.oppose.label}
                  </text>
                )}
                {r.support && (
                  <text x={`${r.support.x}%`} dx={r.support.dx} y="17" textAnchor={r.support.anchor} className="fill-current text-[12px] font-semibold tabular-nums" aria-hidden="true">
                    {r.support.label}
                  </text>
                )}
              </svg>
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Legend of the dot plot: shape and colour, with words. */
export function PollsLegend({ support, oppose }: { support: string; oppose: string }) {
  return (
    <p className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted">
      <span className="inline-flex items-center gap-1.5">
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5.5" className={`${SUPPORT_FILL} ${SUPPORT_STROKE}`} />
        </svg>
        {support}
      </span>
      <span className="inline-flex items-center gap-1.5">
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5" className={`fill-canvas ${OPPOSE_STROKE}`} strokeWidth="2.5" />
        </svg>
        {oppose}
      </span>
    </p>
  );
}
