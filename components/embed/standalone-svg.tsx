// A chart as one self-contained SVG file (download, PNG source, social image): its title and
// generated description as <title>/<desc> and as text, the chart, legend, notes and source line.
import type { StandaloneLayout, TextBlock } from "@/lib/embed/layout/standalone";
import { SwatchShape } from "./legend";

const CSS = `.sa{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
.sa .bgc{fill:var(--canvas)}
.sa .tx{fill:var(--ink)}
.sa .ti{fill:var(--ink);font-weight:700}
.sa .mu{fill:var(--muted)}
.sa .ac{fill:var(--accent)}`;

function Text({ b, className, x }: { b: TextBlock | null; className: string; x: number }) {
  if (!b) return null;
  return (
    <>
      {b.lines.map((line, i) => (
        <text key={i} className={className} x={x} y={b.y + i * b.lineH} fontSize={b.size}>
          {line}
        </text>
      ))}
    </>
  );
}

export function StandaloneSvg({
  l,
  title,
  description,
  chartMarkup,
  scope,
}: {
  l: StandaloneLayout;
  title: string;
  description: string;
  /** The chart as nested SVG markup, already placed in l.chart (lib/embed/document.ts nestChart). */
  chartMarkup: string;
  scope: string;
}) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" className="sa" width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-labelledby="sa-t sa-d">
      <title id="sa-t">{title}</title>
      <desc id="sa-d">{description}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <rect className="bgc" width={l.width} height={l.height} />
      <Text b={l.title} className="ti" x={l.pad} />
      <Text b={l.desc} className="mu" x={l.pad} />
      <Text b={l.status} className="tx" x={l.pad} />
      <g dangerouslySetInnerHTML={{ __html: chartMarkup }} />
      <g className={scope}>
        {l.legend.map(({ x, y, item }) => (
          <g key={item.label}>
            <SwatchShape s={item.swatch} x={x} y={y - l.legendSize + 2} />
            <text className="tx" x={x + 20} y={y} fontSize={l.legendSize}>
              {item.label}
            </text>
          </g>
        ))}
      </g>
      <Text b={l.notes} className="mu" x={l.pad} />
      <Text b={l.source} className="mu" x={l.pad} />
      <Text b={l.url} className="ac" x={l.pad} />
    </svg>
  );
}
