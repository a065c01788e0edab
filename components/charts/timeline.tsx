import type { LaneId, SceneGroup, SceneLink, SceneNode, TimelineScene } from "@/lib/charts/timeline";
import type { Lang } from "@/lib/i18n";
import { TIMELINE } from "@/lib/i18n/messages/timeline";

// Lane colours from the Okabe–Ito palette (distinct under the common colour-vision deficiencies),
// each also drawn with its own shape; lighter tints in dark mode. Focus and hover show details
// with CSS only, so the chart works without JavaScript and inside a no-JS embed.
const CSS = `
.tl,.tl-c{--tl-summits:#0072b2;--tl-pledges:#008f68;--tl-statements:#c85200;--tl-votes:#a8508e}
@media (prefers-color-scheme:dark){.tl,.tl-c{--tl-summits:#56b4e9;--tl-pledges:#3cc99f;--tl-statements:#f0a050;--tl-votes:#e59ccb}}
.tl{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:12px}
.tl-c .g-summits{color:var(--tl-summits)}
.tl-c .g-pledges{color:var(--tl-pledges)}
.tl-c .g-statements{color:var(--tl-statements)}
.tl-c .g-votes{color:var(--tl-votes)}
.tl text{fill:var(--ink,#1b2430)}
.tl .mu{fill:var(--muted,#5b6675)}
.tl .b{font-weight:600}
.tl .grid{stroke:var(--rule,#d5dbe2);stroke-width:1}
.tl .grid.minor{stroke-dasharray:2 3}
.tl .brk{stroke:var(--muted,#5b6675);stroke-width:1.5}
.tl .brk-l{stroke-dasharray:3 3}
.tl .rule{fill:var(--rule,#d5dbe2)}
.tl .base{fill:var(--muted,#5b6675)}
.tl .lead{stroke:var(--muted,#5b6675);stroke-width:.75}
.tl .l-summits{color:var(--tl-summits)}
.tl .l-pledges{color:var(--tl-pledges)}
.tl .l-statements{color:var(--tl-statements)}
.tl .l-votes{color:var(--tl-votes)}
.tl .mk{fill:currentColor;stroke:var(--canvas,#fff);stroke-width:1}
.tl .mk.h{fill:var(--canvas,#fff);stroke:currentColor;stroke-width:1.6}
.tl .bar{fill:currentColor;opacity:.85}
.tl .cell{fill:var(--subtle,#f4f6f8);stroke:currentColor;stroke-width:1}
.tl .row{fill:var(--subtle,#f4f6f8);stroke:var(--rule,#d5dbe2)}
.tl .it:focus{outline:none}
.tl .it:focus .mk,.tl .it:hover .mk,.tl .it:focus .bar,.tl .it:hover .bar{stroke:var(--accent,#0b57d0);stroke-width:2.5}
.tl .it:focus .cell,.tl .it:hover .cell,.tl .it:focus .row,.tl .it:hover .row{stroke:var(--accent,#0b57d0);stroke-width:2.5}
.tl .it:focus .lb,.tl .it:hover .lb{fill:var(--accent,#0b57d0);text-decoration:underline}
.tl .tip{display:none}
.tl .it:focus .tip,.tl .it:hover .tip{display:inline}
.tl:has(.it:focus) .hint,.tl:has(.it:hover) .hint{display:none}
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

function Node({ n, cls }: { n: SceneNode; cls?: string }) {
  switch (n.t) {
    case "text": {
      const c = [n.cls, n.bold ? "b" : "", cls].filter(Boolean).join(" ");
      return (
        <text x={n.x} y={n.y} fontSize={n.size === 12 ? undefined : n.size} textAnchor={n.anchor === "start" ? undefined : n.anchor} className={c || undefined}>
          {n.text}
        </text>
      );
    }
    case "mark":
      return (
        <g className={`l-${n.lane}`}>
          <Mark lane={n.lane} x={n.x} y={n.y} r={n.r} hollow={n.hollow} />
        </g>
      );
    case "rect":
      return <rect x={n.x} y={n.y} width={n.w} height={n.h} className={n.cls} />;
    case "line":
      return <line x1={n.x1} y1={n.y1} x2={n.x2} y2={n.y2} className={n.cls} />;
  }
}

/**
 * One width class's layout of the timeline as SVG: decoration hidden from assistive technology,
 * then one focusable link per item or count in reading order (name: date, kind and title, or the
 * period, lane and count), with details on focus or hover.
 */
export function TimelineChart({
  scene,
  lang,
  id = "tl",
  hrefFor,
  description,
  interactive = true,
}: {
  scene: TimelineScene;
  lang: Lang;
  id?: string;
  /** The chart's text alternative (describeTimeline). */
  description: string;
  hrefFor: (link: SceneLink) => string;
  /** Details on focus or hover (not in images). */
  interactive?: boolean;
}) {
  const { width, height } = scene;
  const key = `${id}-${scene.cls}`;
  return (
    <svg className="tl" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={`${key}-title`} aria-describedby={`${key}-desc`} data-mode={scene.mode}>
      <title id={`${key}-title`}>{TIMELINE.chartTitle[lang]}</title>
      <desc id={`${key}-desc`}>{description}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <g aria-hidden="true">
        {scene.nodes.map((n, i) => (
          <Node key={i} n={n} />
        ))}
        {interactive && scene.hint && <Node n={scene.hint} />}
      </g>
      {scene.groups.map((g, i) => (
        <Group key={i} g={g} href={hrefFor(g.link)} interactive={interactive} />
      ))}
    </svg>
  );
}

function Group({ g, href, interactive }: { g: SceneGroup; href: string; interactive: boolean }) {
  return (
    <a className={g.lane ? `it l-${g.lane}` : "it"} href={href} aria-label={g.name}>
      {g.nodes.map((n, i) => (
        <Node key={i} n={n} />
      ))}
      {interactive && g.detail.length > 0 && (
        <g className="tip">
          {g.detail.map((n, i) => (
            <Node key={i} n={n} />
          ))}
        </g>
      )}
    </a>
  );
}
