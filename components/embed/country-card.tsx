// The per-country commitment card as one SVG: each commitment with its stage badge (colour and
// words), date, conditions, how binding (bars and words), parliamentary approval and its sources.
import type { CardLayout } from "@/lib/embed/layout/card";
import { STAGE_FILL_CSS } from "@/components/charts/commitment-matrix";

const CSS = `.cc{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:12.5px}
.cc text{fill:var(--ink)}
.cc .m,.cc .mt{fill:var(--muted);font-size:11.5px}
.cc .k{font-weight:600;font-size:13px}
.cc .bd{font-size:11px;font-weight:500;fill:var(--color-stage-ink)}
.cc .gr{stroke:var(--rule);stroke-width:1}
.cc .on{fill:var(--ink)}
.cc .off{fill:none;stroke:var(--muted);stroke-width:.6}
.cc .ln{fill:var(--accent)}
.cc a:hover text,.cc a:focus text,.cc a:hover tspan,.cc a:focus tspan{text-decoration:underline}
.cc a:focus{outline:none}
${STAGE_FILL_CSS("cc")}`;

export function CountryCardSvg({ layout: l, title, desc, href, id = "cc" }: { layout: CardLayout; title: string; desc: string; href: (slug: string) => string; id?: string }) {
  const x = l.pad;
  return (
    <svg className="cc" width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} role="group" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <text className="mt" x={x} y={17}>
        {l.meta}
      </text>
      {l.empty && (
        <text className="m" x={x} y={52}>
          {l.empty}
        </text>
      )}
      {l.rows.map((r) => (
        <g key={r.slug}>
          <line className="gr" x1={0} x2={l.width} y1={r.y} y2={r.y} />
          {r.kindLines.map((t, i) => (
            <text key={i} className="k" x={x} y={r.y + 18 + i * 16}>
              {t}
            </text>
          ))}
          <rect className={`s${r.badge.stageIndex}`} x={r.badge.x} y={r.y + 5} width={r.badge.w} height={18} rx={3} />
          <text className="bd" x={r.badge.x + 6} y={r.y + 18}>
            {r.badge.label}
          </text>
          <a href={href(r.slug)}>
            {r.titleLines.map((t, i) => (
              <text key={i} className="ln" x={x} y={t.y}>
                {t.text}
              </text>
            ))}
          </a>
          {r.lines.map((line, i) => (
            <text key={i} className={line.cls} x={x} y={line.y}>
              {line.text}
            </text>
          ))}
          <g aria-hidden="true">
            {[1, 2, 3, 4].map((i) => (
              <rect key={i} className={i <= r.binding.strength ? "on" : "off"} x={x + (i - 1) * 5} y={r.binding.y - 2 - i * 2} width={3.5} height={2 + i * 2} rx={0.5} />
            ))}
          </g>
          <text className="m" x={x + 24} y={r.binding.y}>
            {r.binding.text}
          </text>
          <text className="m" x={x} y={r.sources.y}>
            {r.sources.items.length || r.sources.more ? `${l.sourcesLabel}: ` : ""}
            {r.sources.items.map((s, i) => (
              <a key={s.url} href={s.url}>
                <tspan className="ln">{(i > 0 ? ", " : "") + (s.originalOutlet ?? s.outlet)}</tspan>
              </a>
            ))}
            {r.sources.more > 0 ? ` +${r.sources.more}` : ""}
          </text>
        </g>
      ))}
    </svg>
  );
}
