// Europe-and-partners map as server-rendered SVG (no client JavaScript). Each participant is a
// focusable link; details show on hover and keyboard focus through CSS (:has), and the same
// data is in the legend counts and in the table the page renders below.
import type { CountryRow, MapFill, PlacedEuropeMap } from "@/lib/charts/europe-map";
import { FILL_ORDER } from "@/lib/charts/europe-map";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { BORDER_POLICY } from "@/lib/charts/geo";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { STAGE } from "@/lib/i18n/labels";
import { MAP, fill } from "@/lib/i18n/messages/map";

const STAGE_VAR: Record<LifecycleStage, string> = {
  FLOATED: "floated",
  ANNOUNCED: "announced",
  CONDITIONAL_OFFER: "conditional",
  FORMALISED: "formalised",
  PARLIAMENT_APPROVED: "approved",
  DEPLOYED: "deployed",
  RULED_OUT: "ruled-out",
  WITHDRAWN: "withdrawn",
};
const FALLBACK: Record<LifecycleStage, string> = {
  FLOATED: "#eef1f5",
  ANNOUNCED: "#d6e6f7",
  CONDITIONAL_OFFER: "#f9e3a3",
  FORMALISED: "#b9dfc9",
  PARLIAMENT_APPROVED: "#86c7a4",
  DEPLOYED: "#4fa87a",
  RULED_OUT: "#f4c7c3",
  WITHDRAWN: "#e2d0ec",
};
const stageColour = (s: LifecycleStage) => `var(--color-stage-${STAGE_VAR[s]},${FALLBACK[s]})`;

/** Class of a map fill; the colours live in the map's style sheet so dark mode can soften them. */
export function fillClass(f: MapFill, refusalOnly: boolean): string {
  if (f === "PARTICIPANT") return "fn";
  if (refusalOnly) return f === "WITHDRAWN" ? "fw" : "fr";
  return `f${STAGE_ORDER.indexOf(f)}`;
}

/** The map's fill rules: the shared stage scale; in dark mode mixed towards the dark land so the
 *  weakest stage does not glare. Patterns (dots, hatching) keep classes apart without colour. */
function fillCss(id: string): string {
  const rules = STAGE_ORDER.map((s, i) => `.${id} .f${i}{fill:${stageColour(s)}}`).join("");
  const dark = STAGE_ORDER.map((s, i) => `.${id} .f${i}{fill:color-mix(in srgb,${stageColour(s)} 74%,#14181d)}`).join("");
  return `${rules}.${id} .fn{fill:url(#${id}-none)}.${id} .fr{fill:url(#${id}-ro)}.${id} .fw{fill:url(#${id}-wd)}.${id} .bg{fill:var(--map-land)}@media (prefers-color-scheme:dark){${dark}}`;
}

/** Display name in the interface language (actor names may carry a Ukrainian form). */
export function actorName(a: { name: string; nameUk: string | null }, lang: Lang): string {
  return lang === "uk" && a.nameUk ? a.nameUk : a.name;
}

/** "formalised (signed), 5 commitments" / "participant, no commitment recorded". */
export function rowSummary(r: CountryRow, lang: Lang): string {
  if (!r.stage) return MAP.noCommitment[lang];
  const st = STAGE[r.stage][lang];
  const n = r.commitments;
  const count = `${n} ${n === 1 ? MAP.commitmentOne[lang] : MAP.commitments[lang]}`;
  return `${st.charAt(0).toLowerCase()}${st.slice(1)}, ${count}${r.alsoRefused ? `; ${MAP.alsoRefused[lang]}` : ""}`;
}

export function fillLabel(f: MapFill, lang: Lang): string {
  return f === "PARTICIPANT" ? MAP.participantNone[lang] : STAGE[f][lang];
}

type Props = {
  placed: PlacedEuropeMap;
  rows: readonly CountryRow[];
  lang: Lang;
  /** Link target of a participant (its country page). */
  hrefFor: (r: CountryRow) => string;
  dateLabel: string;
  idPrefix?: string;
  /** Only the map itself (no hint, tooltips or legend): embeds draw their own compact legend. */
  compact?: boolean;
};

export function EuropeMap({ placed, rows, lang, hrefFor, dateLabel, idPrefix = "em", compact = false }: Props) {
  const id = idPrefix;
  const participants = rows.filter((r) => r.participant);
  const linked = placed.countries.filter((c) => c.row);
  const counts = new Map<MapFill, number>();
  for (const r of participants) counts.set(r.fill, (counts.get(r.fill) ?? 0) + 1);
  const key = (c: { row: CountryRow | null }) => c.row!.actor.slug.replace(/[^a-z0-9-]/g, "");
  const css = `
.${id}{--map-land:#d9dee5;--map-border:var(--canvas,#fff);--map-dot:#6b7684}
@media (prefers-color-scheme:dark){.${id}{--map-land:#2c343e;--map-dot:#a3adba}}
.${id} .l{fill:var(--map-land);stroke:var(--map-border);stroke-width:.6;stroke-linejoin:round}
.${id} a path{stroke:var(--map-border);stroke-width:.6;stroke-linejoin:round}
.${id} a:hover path,.${id} a:focus-visible path{stroke:var(--ink);stroke-width:1.6}
.${id} a:focus-visible{outline:none}
.${id} .ua{fill:none;stroke:var(--ink);stroke-width:1.1;pointer-events:none}
.${id} .lb{font-size:10px;fill:#1b2430;pointer-events:none;text-anchor:middle}
.${id} .lb.n{fill:var(--ink)}@media (max-width:479px){.${id} .lb{display:none}}
.${id} .tip{display:none}${fillCss(id)}
${compact ? "" : `${linked.map((c) => `.${id}:has(#${id}-c-${key(c)}:is(:hover,:focus-visible)) #${id}-t-${key(c)}`).join(",")}{display:block}`}
.${id}:has(a:is(:hover,:focus-visible)) .hint{visibility:hidden}
`.replace(/\n/g, "");
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const ua = placed.countries.find((c) => c.iso2 === "UA");
  const svg = (
    <svg viewBox={`0 0 ${placed.width} ${placed.height}`} className="block h-auto w-full" role="group" aria-labelledby={`${compact ? `${id}-svgtitle` : titleId} ${descId}`}>
      <title id={`${id}-svgtitle`}>{MAP.europeTitle[lang]}</title>
      <desc id={descId}>
        {fill(MAP.mapAltEurope[lang], { n: participants.length, date: dateLabel })} {BORDER_POLICY[lang]}
      </desc>
      <defs>
        <pattern id={`${id}-none`} patternUnits="userSpaceOnUse" width="4" height="4">
          <rect width="4" height="4" className="bg" />
          <circle cx="2" cy="2" r=".8" fill="var(--map-dot)" />
        </pattern>
        <pattern id={`${id}-ro`} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
          <rect width="4" height="4" className="f6" />
          <path d="M0 0v4" stroke="#1b2430" strokeOpacity=".55" strokeWidth="1.1" />
        </pattern>
        <pattern id={`${id}-wd`} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(-45)">
          <rect width="4" height="4" className="f7" />
          <path d="M0 0v4" stroke="#1b2430" strokeOpacity=".55" strokeWidth="1.1" />
        </pattern>
      </defs>
      {placed.countries.map((c, i) =>
        c.row ? (
          <a key={`${c.iso2}-${i}`} id={`${id}-c-${key(c)}`} href={hrefFor(c.row)} aria-label={`${actorName(c.row.actor, lang)}: ${rowSummary(c.row, lang)}`}>
            <title>{`${actorName(c.row.actor, lang)}: ${rowSummary(c.row, lang)}`}</title>
            <path d={c.d} className={fillClass(c.row.fill, c.row.refusalOnly)} />
          </a>
        ) : (
          <path key={`${c.iso2}-${i}`} className="l" d={c.d} />
        ),
      )}
      {ua && <path className="ua" d={ua.d} />}
      <g aria-hidden="true">
        {placed.countries.map((c) =>
          c.row && c.label ? (
            <text key={`lb-${c.iso2}`} x={c.label.x} y={c.label.y} dy=".35em" className={c.row.fill === "PARTICIPANT" ? "lb n" : "lb"}>
              {actorName(c.row.actor, lang)}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
  if (compact) {
    return (
      <figure className={id} aria-labelledby={`${id}-svgtitle`}>
        <style>{css}</style>
        {svg}
      </figure>
    );
  }

  return (
    <figure className={`${id} relative`} aria-labelledby={titleId}>
      <style>{css}</style>
      <div className="relative">
        {svg}
        <p className="hint pointer-events-none absolute top-1 left-1 hidden max-w-[14rem] rounded bg-canvas/85 px-2 py-1 text-xs text-muted sm:block" aria-hidden="true">
          {MAP.hoverHint[lang]}
        </p>
        {linked.map((c) => (
          <div
            key={`t-${key(c)}`}
            id={`${id}-t-${key(c)}`}
            aria-hidden="true"
            className="tip pointer-events-none absolute top-1 left-1 max-w-[16rem] rounded border border-rule bg-surface px-3 py-2 text-sm shadow-sm"
          >
            <p className="font-semibold">{actorName(c.row!.actor, lang)}</p>
            <p>{c.row!.stage ? STAGE[c.row!.stage][lang] : MAP.participantNone[lang]}</p>
            <p className="text-muted">
              {c.row!.commitments} {c.row!.commitments === 1 ? MAP.commitmentOne[lang] : MAP.commitments[lang]}
              {c.row!.alsoRefused && ` · ${MAP.alsoRefused[lang]}`}
            </p>
          </div>
        ))}
      </div>
      <figcaption className="mt-3 space-y-2 text-sm">
        <p id={titleId} className="sr-only">
          {MAP.europeTitle[lang]}
        </p>
        <div>
          <p className="font-medium">{MAP.legend[lang]}</p>
          <ul className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 min-[420px]:grid-cols-2 md:grid-cols-3">
            {FILL_ORDER.map((f) => (
              <li key={f} className="flex items-center gap-2">
                <Swatch className={fillClass(f, f === "RULED_OUT" || f === "WITHDRAWN")} />
                <span>
                  {fillLabel(f, lang)} <span className="text-muted tabular-nums">· {counts.get(f) ?? 0}</span>
                </span>
              </li>
            ))}
            <li className="flex items-center gap-2">
              <Swatch className="bg" />
              <span>{MAP.notParticipant[lang]}</span>
            </li>
          </ul>
          <p className="mt-1 text-muted">{MAP.refusalHatch[lang]}</p>
        </div>
        <p className="text-muted">{BORDER_POLICY[lang]}</p>
      </figcaption>
    </figure>
  );
}

function Swatch({ className }: { className: string }) {
  return (
    <svg width="16" height="12" aria-hidden="true" className="shrink-0">
      <rect width="16" height="12" className={className} stroke="var(--rule)" />
    </svg>
  );
}
