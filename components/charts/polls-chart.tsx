// The polls chart as SVG, for the page, the embed and the SVG/PNG downloads: draws a layout of
// lib/charts/polls.ts (one per width class) as placed, so what the layout tests check is what is
// drawn. Each poll is one link (to its table row) named with every figure in words.
import type { PText, PollsLayout } from "@/lib/charts/polls";
import { OPPOSE_FILL, SUPPORT_FILL } from "./polls-palette";

// The palette is written as Tailwind classes for the HTML legend: take its light and dark colours
// so the chart, the legend and the embed stay one palette.
const [SU, SU_DARK] = SUPPORT_FILL.match(/#[0-9a-f]{6}/gi) ?? ["#1f5fa8", "#7fb2f0"];
const [OP, OP_DARK] = OPPOSE_FILL.match(/#[0-9a-f]{6}/gi) ?? ["#b85400", "#f2a154"];

const CSS = `.pl{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:12px}
.pl .hd{font-size:13px}
.pl .tk{font-size:11px}
.pl text{fill:var(--ink);font-variant-numeric:tabular-nums}
.pl .mu,.pl .tk{fill:var(--muted)}
.pl .hd,.pl .b{font-weight:600}
.pl .gr{stroke:var(--rule);stroke-width:1}
.pl .su{fill:${SU}}
.pl .op{fill:${OP}}
.pl .dk{fill:#8d96a3}
.pl .na{fill:var(--canvas);stroke:var(--rule);stroke-width:1}
.pl a:focus{outline:none}
.pl a:focus .hit,.pl a:hover .hit{stroke:var(--accent);stroke-width:2;fill:none}
.pl .hit{fill:transparent;stroke:none}
@media (prefers-color-scheme:dark){.pl .su{fill:${SU_DARK}}.pl .op{fill:${OP_DARK}}.pl .dk{fill:#6f7988}}`;

// Font sizes the style sheet gives each class; a text drawn at another size says so.
const SIZE: Record<PText["cls"], number> = { t: 12, mu: 12, b: 12, hd: 13, tk: 11 };

/** A placed text; `dy` moves it into its row's coordinates (rows are translated groups). */
function Text({ t, dy = 0 }: { t: PText; dy?: number }) {
  return (
    <text
      className={t.cls}
      x={t.x || undefined}
      y={Math.round((t.y - dy) * 10) / 10}
      fontSize={t.size === SIZE[t.cls] ? undefined : t.size}
      textAnchor={t.anchor === "start" ? undefined : t.anchor}
    >
      {t.title && <title>{t.title}</title>}
      {t.text}
    </text>
  );
}

/** One width class's polls chart. `href` links a poll to its detail (the table row). */
export function PollsChart({ layout: l, title, desc, href, id }: { layout: PollsLayout; title: string; desc: string; href?: (slug: string) => string; id: string }) {
  return (
    <svg className="pl" width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} role="group" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      {l.sections.map((s, i) => (
        <g key={`${s.wordingClass}-${i}`}>
          <g aria-hidden="true">
            {s.lines.map((ln, j) => (
              <line key={j} className={ln.cls} x1={ln.x1} y1={ln.y1} x2={ln.x2} y2={ln.y2} />
            ))}
            {s.texts.map((t, j) => (
              <Text key={j} t={t} />
            ))}
          </g>
          {s.rows.map((r) => {
            // Each row in its own coordinates: rows differ only in their data, which compresses well.
            const dy = r.y0;
            const at = (v: number) => Math.round((v - dy) * 10) / 10;
            const marks = (
              <g transform={`translate(0 ${dy})`}>
                <rect className="hit" x={-1} width={l.width + 2} height={at(r.y1)} />
                {r.lines.map((ln, j) => (
                  <line key={`l${j}`} className={ln.cls} x1={ln.x1} y1={at(ln.y1)} x2={ln.x2} y2={at(ln.y2)} />
                ))}
                {r.rects.map((b, j) => (
                  <rect key={`r${j}`} className={b.cls} x={b.x || undefined} y={at(b.y)} width={b.w} height={b.h} />
                ))}
                {r.texts.map((t, j) => (
                  <Text key={`t${j}`} t={t} dy={dy} />
                ))}
              </g>
            );
            return href ? (
              <a key={r.slug} href={href(r.slug)} aria-label={r.name}>
                {marks}
              </a>
            ) : (
              <g key={r.slug} role="img" aria-label={r.name}>
                {marks}
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
