import { entryValue, metricLabel, type Bar, type Entry, type MetricGroup, type PlacedCountry } from "@/lib/charts/capacity";
import type { DrawnLayout } from "@/lib/charts/drawn";
import { formatDate } from "@/lib/format";
import { DrawnSvg } from "./drawn-svg";
import type { Lang } from "@/lib/i18n";
import { CONFIDENCE, VERIFICATION } from "@/lib/i18n/labels";
import { CAPACITY } from "@/lib/i18n/messages/capacity";

export { entryValue, metricLabel };

const FILL: Record<MetricGroup, string> = {
  pledge: "fill-[#c4501a] dark:fill-[#f08a5d]",
  deployed: "fill-[#1f7a8c] dark:fill-[#6cc5d3]",
  forces: "fill-[#5f6b7a] dark:fill-[#9aa6b4]",
};
const STROKE: Record<MetricGroup, string> = {
  pledge: "stroke-[#c4501a] dark:stroke-[#f08a5d]",
  deployed: "stroke-[#1f7a8c] dark:stroke-[#6cc5d3]",
  forces: "stroke-[#5f6b7a] dark:stroke-[#9aa6b4]",
};
const SWATCH: Record<MetricGroup, string> = {
  pledge: "bg-[#c4501a] dark:bg-[#f08a5d]",
  deployed: "bg-[#1f7a8c] dark:bg-[#6cc5d3]",
  forces: "bg-[#5f6b7a] dark:bg-[#9aa6b4]",
};

/** Date · verification (or basis) · confidence, for the label under a bar. */
export function entryMeta(e: Entry, lang: Lang): string {
  const parts: string[] = [];
  if (e.asOf) parts.push(formatDate(e.asOf, e.asOfPrecision, lang));
  if (e.verification) parts.push(VERIFICATION[e.verification][lang]);
  if (e.basis) parts.push(CAPACITY.basis[e.basis][lang]);
  parts.push(CONFIDENCE[e.confidence][lang]);
  return parts.join(" · ");
}

function compact(v: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === "uk" ? "uk-UA" : "en-GB", { notation: "compact", maximumFractionDigits: 1 }).format(v);
}

/**
 * One country's bars on its own linear scale: pledged or reported contribution,
 * existing deployments, force size. Each bar is labelled with its value (qualifier kept), date
 * and verification; an unknown figure is an empty dashed placeholder with the word "unknown".
 */
export function CapacityCountryChart({ country, lang, id }: { country: PlacedCountry; lang: Lang; id: string }) {
  const name = lang === "uk" && country.nameUk ? country.nameUk : country.name;
  const desc = country.bars.map((b) => `${metricLabel(b.metric, lang)}: ${b.entry ? `${entryValue(b.entry, lang)} (${entryMeta(b.entry, lang)})` : CAPACITY.unknown[lang]}`).join("; ");
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="text-sm">
      <figcaption className="sr-only">
        <span id={`${id}-title`}>
          {name}: {CAPACITY.ownScale[lang]}
        </span>{" "}
        <span id={`${id}-desc`}>
          {CAPACITY.desc[lang]} {desc}.
        </span>
      </figcaption>
      <div className="grid grid-cols-1 sm:grid-cols-[17rem_1fr] sm:gap-x-4" aria-hidden="true">
        <div className="hidden sm:block" />
        <div className="pr-6">
          <svg width="100%" height="16" overflow="visible" className="block text-muted">
            {country.ticks.map((t, i) => (
              <text
                key={t.value}
                x={`${t.x}%`}
                y="11"
                textAnchor={i === 0 ? "start" : "middle"}
                className="fill-current text-[11px] tabular-nums"
              >
                {compact(t.value, lang)}
              </text>
            ))}
          </svg>
        </div>
      </div>
      <ul className="m-0 list-none p-0">
        {country.bars.map((b, i) => (
          <BarRow key={`${b.metric}-${b.entry?.id ?? "unknown"}`} bar={b} ticks={country.ticks} lang={lang} groupStart={i === 0 || country.bars[i - 1].group !== b.group} />
        ))}
      </ul>
    </figure>
  );
}

function BarRow({ bar, ticks, lang, groupStart }: { bar: Bar; ticks: PlacedCountry["ticks"]; lang: Lang; groupStart: boolean }) {
  const e = bar.entry;
  const end = bar.segments.length ? bar.segments[bar.segments.length - 1].x1 : 0;
  return (
    <li className={`grid grid-cols-1 items-center gap-x-4 gap-y-1 py-1.5 sm:grid-cols-[17rem_1fr] ${groupStart ? "mt-1 border-t border-rule pt-2" : ""}`}>
      <div className="leading-snug">
        <span className="flex items-center gap-1.5 text-xs text-muted">
          <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 shrink-0 rounded-sm ${SWATCH[bar.group]}`} />
          {metricLabel(bar.metric, lang)}
        </span>
        {e ? (
          <>
            <a href={`#${e.id}`} className="block font-semibold tabular-nums text-ink underline decoration-rule underline-offset-2 hover:decoration-ink">
              {entryValue(e, lang)}
            </a>
            <span className="block text-xs text-muted">{entryMeta(e, lang)}</span>
          </>
        ) : (
          <span className="block text-muted">
            <strong className="font-semibold italic">{CAPACITY.unknown[lang]}</strong> <span className="text-xs">· {CAPACITY.unknownNote[lang]}</span>
          </span>
        )}
      </div>
      <div className="pr-6">
        <svg width="100%" height="20" overflow="visible" className="block" aria-hidden="true">
          {ticks.map((t) => (
            <line key={t.value} x1={`${t.x}%`} x2={`${t.x}%`} y1="0" y2="20" className="stroke-rule" strokeWidth="1" />
          ))}
          {e ? (
            <>
              {bar.segments.map((s, i) => (
                <rect
                  key={i}
                  x={`${s.x0}%`}
                  width={`${Math.max(0, s.x1 - s.x0)}%`}
                  y="3"
                  height="14"
                  className={`${FILL[bar.group]} ${s.kind === "bound" ? STROKE[bar.group] : ""}`}
                  fillOpacity={s.kind === "solid" ? 1 : s.kind === "extent" ? 0.45 : 0.22}
                  strokeDasharray={s.kind === "bound" ? "4 3" : undefined}
                  strokeWidth={s.kind === "bound" ? 1.5 : undefined}
                />
              ))}
              {/* An end cap keeps very small values visible on a scale built for whole armies. */}
              <line x1={`${end}%`} x2={`${end}%`} y1="1" y2="19" className={STROKE[bar.group]} strokeWidth="2" />
            </>
          ) : (
            <g>
              <rect x="0.75" y="3.75" width="76" height="12.5" rx="2" className="fill-none stroke-muted" strokeDasharray="3 3" strokeWidth="1.5" />
              <text x="8" y="14" className="fill-current text-[11px] italic text-muted">
                {CAPACITY.unknown[lang]}
              </text>
            </g>
          )}
        </svg>
      </div>
    </li>
  );
}

/** Legend: colour groups and bar styles, in words. */
export function CapacityLegend({ lang }: { lang: Lang }) {
  const groups: MetricGroup[] = ["pledge", "deployed", "forces"];
  return (
    <div className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted">
      {groups.map((g) => (
        <span key={g} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-4 rounded-sm ${SWATCH[g]}`} />
          {CAPACITY.groups[g][lang]}
        </span>
      ))}
      <span className="inline-flex items-center gap-1.5">
        <svg width="22" height="12" aria-hidden="true">
          <rect x="1" y="1" width="20" height="10" className={`${FILL.forces} ${STROKE.forces}`} fillOpacity="0.22" strokeDasharray="4 3" strokeWidth="1.5" />
        </svg>
        {CAPACITY.legend.bound[lang]}
      </span>
      <span className="inline-flex items-center gap-1.5">
        <svg width="22" height="12" aria-hidden="true">
          <rect x="1" y="1" width="10" height="10" className={FILL.forces} />
          <rect x="11" y="1" width="10" height="10" className={FILL.forces} fillOpacity="0.45" />
        </svg>
        {CAPACITY.legend.extent[lang]}
      </span>
      <span className="inline-flex items-center gap-1.5">
        <svg width="30" height="12" aria-hidden="true">
          <rect x="1" y="1" width="28" height="10" rx="2" className="fill-none stroke-muted" strokeDasharray="3 3" strokeWidth="1.5" />
        </svg>
        {CAPACITY.legend.unknown[lang]}
      </span>
    </div>
  );
}

/** The unknown placeholder on its own, for tables: an empty dashed box with the word. */
export function UnknownPill({ lang }: { lang: Lang }) {
  return (
    <span className="inline-block rounded-sm border-[1.5px] border-dashed border-muted px-2 text-xs italic leading-4 text-muted">
      {CAPACITY.unknown[lang]}
    </span>
  );
}

const RANKING_CSS = `.cap{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;--cp:#c4501a;--cs:#5f6b7a}
@media (prefers-color-scheme: dark){.cap{--cp:#f08a5d;--cs:#9aa6b4}}
.cap text{fill:var(--ink)}
.cap .m{fill:var(--muted)}
.cap .n{fill:var(--accent)}
.cap .rule{fill:var(--rule)}
.cap .b-solid{fill:var(--cp)}
.cap .b-extent{fill:var(--cp);fill-opacity:.45}
.cap .b-bound{fill:var(--cp);fill-opacity:.25;stroke:var(--cp);stroke-width:1.5;stroke-dasharray:4 3}
.cap .b-share{fill:var(--cs)}
.cap .b-sb{fill-opacity:.25;stroke:var(--cs);stroke-width:1.5;stroke-dasharray:4 3}
.cap a:hover text,.cap a:focus text{text-decoration:underline}
.cap a:focus{outline:none}`;

/** The ranking chart of one width class (lib/charts/capacity.ts capacityLayout). */
export function CapacityRankingSvg({ layout, title, desc, href, id = "cap" }: { layout: DrawnLayout; title: string; desc: string; href: (path: string) => string; id?: string }) {
  return <DrawnSvg layout={layout} scope="cap" css={RANKING_CSS} title={title} desc={desc} id={id} href={href} />;
}
