import type { LaneId, PlacedItem, PlacedTimeline } from "@/lib/charts/timeline";
import { summarise } from "@/lib/charts/timeline";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { TIMELINE } from "@/lib/i18n/messages/timeline";

// Lane colours from the Okabe–Ito palette (distinct under the common colour-vision deficiencies),
// each also drawn with its own shape; lighter tints in dark mode. Focus and hover show details
// with CSS only, so the chart works without JavaScript and inside a no-JS embed.
const CSS = `
.tl,.tl-c{--tl-summits:#0072b2;--tl-pledges:#008f68;--tl-statements:#c85200;--tl-votes:#a8508e}
@media (prefers-color-scheme:dark){.tl,.tl-c{--tl-summits:#56b4e9;--tl-pledges:#3cc99f;--tl-statements:#f0a050;--tl-votes:#e59ccb}}
.tl{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:11px}
.tl-c .g-summits{color:var(--tl-summits)}
.tl-c .g-pledges{color:var(--tl-pledges)}
.tl-c .g-statements{color:var(--tl-statements)}
.tl-c .g-votes{color:var(--tl-votes)}
.tl text{fill:var(--ink,#1b2430)}
.tl .mu{fill:var(--muted,#5b6675)}
.tl .grid{stroke:var(--rule,#d5dbe2);stroke-width:1}
.tl .grid.minor{stroke-dasharray:2 3}
.tl .rule{stroke:var(--rule,#d5dbe2);stroke-width:1}
.tl .base{stroke:var(--muted,#5b6675);stroke-width:1}
.tl .lead{stroke:var(--muted,#5b6675);stroke-width:.75}
.tl .l-summits{color:var(--tl-summits)}
.tl .l-pledges{color:var(--tl-pledges)}
.tl .l-statements{color:var(--tl-statements)}
.tl .l-votes{color:var(--tl-votes)}
.tl .mk{fill:currentColor;stroke:var(--canvas,#fff);stroke-width:1}
.tl .mk.h{fill:var(--canvas,#fff);stroke:currentColor;stroke-width:1.6}
.tl .ring{fill:none;stroke:none}
.tl .it:focus,.tl .ob:focus{outline:none}
.tl .it:focus .ring,.tl .it:hover .ring{stroke:var(--accent,#0b57d0);stroke-width:2.5}
.tl .it:focus .lb,.tl .it:hover .lb{fill:var(--accent,#0b57d0);text-decoration:underline}
.tl .tip{display:none}
.tl .it:focus .tip,.tl .it:hover .tip{display:inline}
.tl .tipbox{fill:var(--surface,#fff);stroke:var(--ink,#1b2430);stroke-width:1}
.tl .guide{stroke:currentColor;stroke-width:1.2;stroke-dasharray:3 2}
.tl .tt{font-size:12px;font-weight:600}
.tl .lt{font-size:12px;font-weight:600}
.tl .yr{font-weight:600}
.tl .hint{font-style:italic}
.tl .ob rect{fill:var(--subtle,#f4f6f8);stroke:var(--muted,#5b6675)}
.tl .ob:focus rect,.tl .ob:hover rect{stroke:var(--accent,#0b57d0);stroke-width:2.5}
`;

/** A lane's mark: diamond, circle, triangle or square, filled when the day is known. */
export function Mark({ lane, x, y, r = 4.5, hollow = false }: { lane: LaneId; x: number; y: number; r?: number; hollow?: boolean }) {
  const cls = hollow ? "mk h" : "mk";
  if (lane === "summits") {
    const d = r * 1.3;
    return <path className={cls} d={`M${x} ${y - d}L${x + d} ${y}L${x} ${y + d}L${x - d} ${y}Z`} />;
  }
  if (lane === "statements") {
    return <path className={cls} d={`M${x} ${y - r * 1.25}L${x + r * 1.2} ${y + r * 0.9}L${x - r * 1.2} ${y + r * 0.9}Z`} />;
  }
  if (lane === "votes") return <rect className={cls} x={x - r * 0.95} y={y - r * 0.95} width={r * 1.9} height={r * 1.9} />;
  return <circle className={cls} cx={x} cy={y} r={r} />;
}

/** The chart's text alternative, generated from the data. */
export function describeTimeline(placed: PlacedTimeline, lang: Lang): string {
  const items = placed.items.map((p) => p.item);
  const D = TIMELINE.desc;
  const range = `${D.from[lang]} ${formatDate(placed.domain.start, "MONTH", lang)} ${D.to[lang]} ${formatDate(new Date(placed.domain.end.getTime() - 1), "MONTH", lang)}`;
  if (items.length === 0) return `${D.none[lang]} (${range})`;
  const s = summarise(items);
  const lanes = placed.lanes.map((l) => `${TIMELINE.lanes[l.id][lang]}: ${s.perLane[l.id]}`).join("; ");
  const busiest = s.busiest
    ? ` ${D.busiest[lang]} ${TIMELINE.months[lang][Number(s.busiest.month.slice(5, 7)) - 1]} ${s.busiest.month.slice(0, 4)} ${D.with[lang]} ${s.busiest.count}.`
    : "";
  return `${items.length} ${D.items[lang]} ${range}. ${lanes}.${busiest}`;
}

/**
 * The timeline as SVG: month ticks, one band per lane, a focusable link per item in chronological
 * order (name: date, kind and title), labels that never overlap, details on focus or hover.
 */
export function TimelineChart({
  placed,
  lang,
  id = "tl",
  hrefFor = (anchor) => `#${anchor}`,
  hint,
}: {
  placed: PlacedTimeline;
  lang: Lang;
  id?: string;
  hrefFor?: (anchor: string) => string;
  /** A line in the (otherwise empty) details band, e.g. "Hover over a mark…". */
  hint?: string;
}) {
  const { width, height, axisY, tipBand } = placed;
  const laneOf = new Map(placed.lanes.map((l) => [l.id, l]));
  return (
    <svg
      className="tl"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{TIMELINE.chartTitle[lang]}</title>
      <desc id={`${id}-desc`}>{describeTimeline(placed, lang)}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />

      <g aria-hidden="true">
        {hint && (
          <text x={placed.plot.x0} y={tipBand.y1 - 28} className="mu hint">
            {hint}
          </text>
        )}
        {placed.ticks.map((t) => (
          <g key={t.date.toISOString()}>
            <line className={t.minor ? "grid minor" : "grid"} x1={t.x} x2={t.x} y1={t.label ? tipBand.y1 + 2 : axisY - 4} y2={height - 4} />
            {t.label && (
              <text x={t.x + 3} y={tipBand.y1 + (t.minor ? 27 : 13)} className="mu">
                {t.label}
              </text>
            )}
            {t.year && (
              <text x={t.x + 3} y={tipBand.y1 + 27} className="yr">
                {t.year}
              </text>
            )}
          </g>
        ))}
        <line className="base" x1={0} x2={width} y1={axisY} y2={axisY} />
        {placed.lanes.map((l) => (
          <g key={l.id} className={`l-${l.id}`}>
            <line className="rule" x1={0} x2={width} y1={l.y0} y2={l.y0} />
            <rect x={4} y={l.y0 + 4} width={width - 8} height={16} fill="var(--canvas, #fff)" opacity={0.85} />
            <Mark lane={l.id} x={placed.plot.x0 + 2} y={l.y0 + 12} r={4} />
            <text x={placed.plot.x0 + 12} y={l.y0 + 16} className="lt">
              {TIMELINE.lanes[l.id][lang]}
              <tspan className="mu" fontWeight={400}>
                {" · "}
                {l.count === 0 ? TIMELINE.noItems[lang] : l.count}
              </tspan>
            </text>
            <line className="base" x1={placed.plot.x0} x2={placed.plot.x1} y1={l.baseline} y2={l.baseline} />
          </g>
        ))}
      </g>

      <g>
        {/* Items stacked past the cap are reached through their "+N" badge. */}
        {placed.items.filter((p) => p.y !== null).map((p) => (
          <Item key={p.item.anchor} p={p} href={hrefFor(p.item.anchor)} baseline={laneOf.get(p.item.lane)?.baseline ?? 0} tipBottom={tipBand.y1} />
        ))}
        {placed.overflow.map((o) => (
          <a
            key={`${o.lane}-${o.x}`}
            className={`ob l-${o.lane}`}
            href={hrefFor(o.anchor)}
            aria-label={`+${o.count} ${TIMELINE.moreOn[lang]} ${o.name}, ${TIMELINE.listedBelow[lang]}`}
          >
            <rect x={o.x - 14} y={o.y - 10} width={28} height={14} rx={3} />
            <text x={o.x} y={o.y + 1} textAnchor="middle">
              {o.text}
            </text>
          </a>
        ))}
      </g>
    </svg>
  );
}

function Item({ p, href, baseline, tipBottom }: { p: PlacedItem; href: string; baseline: number; tipBottom: number }) {
  const hollow = p.item.precision !== "DAY";
  const y = p.y;
  const t = p.tip;
  return (
    <a className={`it l-${p.item.lane}`} href={href} aria-label={p.name}>
      {y !== null && (
        <>
          <circle className="ring" cx={p.x} cy={y} r={8} />
          <Mark lane={p.item.lane} x={p.x} y={y} hollow={hollow} />
        </>
      )}
      {p.label && (
        <>
          <line className="lead" x1={p.x} x2={p.x} y1={p.label.leader.y0 + 1} y2={p.label.leader.y1 + 3} />
          <text className="lb" x={p.label.x} y={p.label.y} textAnchor={p.label.anchor}>
            {p.label.text}
          </text>
        </>
      )}
      <g className="tip">
        <line className="guide" x1={p.x} x2={p.x} y1={tipBottom - 4} y2={(y ?? baseline) - 8} />
        <rect className="tipbox" x={t.x} y={t.y} width={t.w} height={t.h} rx={3} />
        <text x={t.x + 8} y={t.y + 14} className="mu">
          {t.meta}
        </text>
        {t.lines.map((line, i) => (
          <text key={i} x={t.x + 8} y={t.y + 29 + i * 13} className="tt">
            {line}
          </text>
        ))}
        <text x={t.x + 8} y={t.y + 29 + t.lines.length * 13} className="mu">
          {t.actors}
        </text>
      </g>
    </a>
  );
}
