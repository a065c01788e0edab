// The commitments comparison as one SVG grid (embeds, SVG/PNG downloads, social images): stage
// colour plus a two-letter code per cell, never colour alone; each cell links to its commitment
// and carries its full description as accessible name and tooltip. No client JavaScript.
import type { MatrixLayout } from "@/lib/embed/layout/matrix";
import { STAGE_ORDER } from "@/lib/lifecycle";

const STAGE_VAR = ["floated", "announced", "conditional", "formalised", "approved", "deployed", "ruled-out", "withdrawn"];

/** Stage fill classes s0…s7 (STAGE_ORDER), shared with the card and the legends. */
export const STAGE_FILL_CSS = (scope: string) =>
  STAGE_ORDER.map((_, i) => `.${scope} .s${i}{fill:var(--color-stage-${STAGE_VAR[i]})}`).join("");

const CSS = `.mx{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:12px}
.mx text{fill:var(--ink)}
.mx .hd{fill:var(--muted);font-size:11px}
.mx .gr{stroke:var(--rule);stroke-width:1}
.mx .cd{font-size:10px;font-weight:600;fill:var(--color-stage-ink);text-anchor:middle;pointer-events:none}
.mx .wk{fill:none;stroke:var(--color-stage-ink);stroke-width:1;stroke-dasharray:2 2}
.mx .wl{stroke:var(--muted)}
.mx a:focus{outline:none}
.mx a:hover .cell,.mx a:focus .cell{stroke:var(--accent);stroke-width:2.5}
${STAGE_FILL_CSS("mx")}`;

export function MatrixSvg({ layout: l, title, desc, href, id = "mx" }: { layout: MatrixLayout; title: string; desc: string; href: (slug: string) => string; id?: string }) {
  return (
    <svg className="mx" width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} role="group" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <g aria-hidden="true">
        {l.columns.map((c) => (
          <g key={c.kind}>
            <line className="gr" x1={c.x} x2={c.x} y1={l.headH - 4} y2={l.height - 4} />
            <text className="hd" transform={`translate(${c.x + l.colW / 2 + 2} ${l.headH - 7}) rotate(45)`} textAnchor="end">
              {c.label}
            </text>
          </g>
        ))}
        {l.rows.map((r) => (
          <g key={r.slug}>
            <line className="gr" x1={0} x2={l.width} y1={r.y} y2={r.y} />
            <text x={l.labelW - 8} y={r.y + l.rowH / 2 + 4} textAnchor="end">
              {r.name}
            </text>
          </g>
        ))}
      </g>
      {l.rows.map((r) =>
        r.cells.map((c) => (
          <a key={`${r.slug}-${c.kind}`} href={href(c.slug)} aria-label={c.name}>
            <title>{c.name}</title>
            <rect className={`cell s${c.stageIndex}`} x={c.x + 2} y={r.y + 2} width={l.colW - 4} height={l.rowH - 4} rx={2} />
            {c.weak && <rect className="wk" x={c.x + 4} y={r.y + 4} width={l.colW - 8} height={l.rowH - 8} rx={1} />}
            <text className="cd" x={c.x + l.colW / 2} y={r.y + l.rowH / 2 + 3.5}>
              {c.code}
            </text>
          </a>
        )),
      )}
    </svg>
  );
}
