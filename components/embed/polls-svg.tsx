// Polls by country as one SVG (embeds, SVG/PNG downloads, social images): a dot plot per question
// wording, a row per poll, support filled and opposition open, in the /polls page's colours.
import { OPPOSE_STROKE, SUPPORT_FILL } from "@/components/charts/polls-palette";
import type { PollsLayout } from "@/lib/embed/layout/polls";

// The page's palette is written as Tailwind classes ("fill-[#1f5fa8] dark:fill-[#7fb2f0]"): take
// the light and dark colours from there so both surfaces stay one palette.
const [SU, SU_DARK] = SUPPORT_FILL.match(/#[0-9a-f]{6}/gi) ?? ["#1f5fa8", "#7fb2f0"];
const [OP, OP_DARK] = OPPOSE_STROKE.match(/#[0-9a-f]{6}/gi) ?? ["#b85400", "#f2a154"];

const CSS = `.pl{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:12px}
.pl text{fill:var(--ink)}
.pl .mu{fill:var(--muted);font-size:10.5px}
.pl .hd{font-size:13px;font-weight:600}
.pl .ct{font-weight:600}
.pl .tk{fill:var(--muted);font-size:10.5px;text-anchor:middle}
.pl .gr{stroke:var(--rule);stroke-width:1}
.pl .sp{stroke:var(--muted);stroke-opacity:.5;stroke-width:2}
.pl .su{fill:${SU};stroke:${SU}}
.pl .op{fill:var(--canvas);stroke:${OP};stroke-width:2.5}
.pl .v{font-size:11px;font-weight:600}
.pl .vo{font-size:10.5px;fill:var(--muted)}
.pl a:focus{outline:none}
.pl a:hover circle,.pl a:focus circle{stroke:var(--accent);stroke-width:3}
@media (prefers-color-scheme:dark){.pl .su{fill:${SU_DARK};stroke:${SU_DARK}}.pl .op{stroke:${OP_DARK}}}`;

export function PollsSvg({ layout: l, title, desc, href, id = "pl" }: { layout: PollsLayout; title: string; desc: string; href: (slug: string) => string; id?: string }) {
  return (
    <svg className="pl" width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} role="group" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      {l.sections.map((s) => {
        const bottom = s.rows.length ? s.rows[s.rows.length - 1].y + 30 : s.tickY;
        return (
          <g key={s.wordingClass}>
            <text className="hd" x={0} y={s.y + 15}>
              {s.title}
            </text>
            <g aria-hidden="true">
              {l.ticks.map((t) => (
                <g key={t.x}>
                  <text className="tk" x={t.x} y={s.tickY}>
                    {t.label}
                  </text>
                  <line className="gr" x1={t.x} x2={t.x} y1={s.tickY + 4} y2={bottom} />
                </g>
              ))}
            </g>
            {s.rows.map((r) => {
              const cy = r.y + 15;
              return (
                <g key={r.slug}>
                  <g aria-hidden="true">
                    {r.rule && <line className="gr" x1={0} x2={l.width} y1={r.y} y2={r.y} />}
                    {r.country && (
                      <text className="ct" x={0} y={r.y + 12}>
                        {r.country}
                      </text>
                    )}
                    <text className="mu" x={0} y={r.y + 25}>
                      {r.meta}
                    </text>
                    <line className="gr" x1={l.track.x0} x2={l.track.x1} y1={cy} y2={cy} />
                    {r.support && r.oppose && <line className="sp" x1={r.support.x} x2={r.oppose.x} y1={cy} y2={cy} />}
                  </g>
                  <a href={href(r.slug)} aria-label={r.name}>
                    <title>{r.name}</title>
                    {r.oppose && <circle className="op" cx={r.oppose.x} cy={cy} r={5.5} />}
                    {r.support && <circle className="su" cx={r.support.x} cy={cy} r={6} />}
                  </a>
                  <g aria-hidden="true">
                    {r.oppose && (
                      <text className="vo" x={r.oppose.x + r.oppose.dx} y={cy + 4} textAnchor={r.oppose.anchor}>
                        {r.oppose.label}
                      </text>
                    )}
                    {r.support && (
                      <text className="v" x={r.support.x + r.support.dx} y={cy + 4} textAnchor={r.support.anchor}>
                        {r.support.label}
                      </text>
                    )}
                  </g>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
