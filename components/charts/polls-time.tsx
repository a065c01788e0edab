import { formatPercent, type TimeChart } from "@/lib/charts/polls";
import { formatDate } from "@/lib/format";
import { COUNTRY_FILL, COUNTRY_STROKE } from "./polls-palette";

export type TimeChartText = { title: string; desc: string; support: string; countryName: (iso2: string) => string; lang?: "en" | "uk" };

/**
 * Support over time within one wording class: a point per poll, coloured by country and
 * labelled with its ISO code; a line only joins one pollster's polls in one country. x in
 * percent, y in pixels; points link to the poll's table row.
 */
export function PollsTimeChart({ chart, text, id }: { chart: TimeChart; text: TimeChartText; id: string }) {
  const { plot } = chart;
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="text-sm">
      <figcaption className="sr-only">
        <span id={`${id}-title`}>{text.title}</span> <span id={`${id}-desc`}>{text.desc}</span>
      </figcaption>
      <div className="pl-9 pr-1">
        <svg width="100%" height={chart.height} overflow="visible" className="block">
          <g aria-hidden="true">
            {chart.yTicks.map((t) => (
              <g key={t.y}>
                <line x1={`${plot.left}%`} x2="100%" y1={t.y} y2={t.y} className={t.label === "0%" ? "stroke-muted" : "stroke-rule"} strokeWidth="1" />
                <text x="0%" dx="-6" y={t.y + 4} textAnchor="end" className="fill-current text-[11px] tabular-nums text-muted">
                  {t.label}
                </text>
              </g>
            ))}
            {chart.xTicks.map((t) => (
              <g key={t.x}>
                <line x1={`${t.x}%`} x2={`${t.x}%`} y1={plot.bottom} y2={plot.bottom + 5} className="stroke-muted" strokeWidth="1" />
                <text x={`${t.x}%`} y={plot.bottom + 18} textAnchor="middle" className="fill-current text-[11px] text-muted">
                  {t.label}
                </text>
              </g>
            ))}
          </g>
          {chart.series.map((s) => (
            <g key={s.key}>
              {s.segments.map((seg, i) => (
                <line
                  key={i}
                  x1={`${seg.x1}%`}
                  x2={`${seg.x2}%`}
                  y1={seg.y1}
                  y2={seg.y2}
                  className={COUNTRY_STROKE[s.colour % COUNTRY_STROKE.length]}
                  strokeWidth="2"
                  aria-hidden="true"
                />
              ))}
              {s.points.map((p) => {
                const tip = `${text.countryName(s.iso2)}, ${s.pollster}, ${formatDate(p.date, p.precision, text.lang)}: ${text.support} ${formatPercent(p.value)}`;
                return (
                  <a key={p.slug} href={`#poll-${p.slug}`} aria-label={tip}>
                    <title>{tip}</title>
                    <circle
                      cx={`${p.x}%`}
                      cy={p.y}
                      r="5.5"
                      className={`${COUNTRY_FILL[s.colour % COUNTRY_FILL.length]} stroke-canvas`}
                      strokeWidth="1.5"
                    />
                  </a>
                );
              })}
              {/* A nested SVG positions the label in percent and its key dot and text in pixels. */}
              <svg x={`${s.label.x}%`} y={s.label.y} overflow="visible" aria-hidden="true">
                <circle cx="13" cy="0" r="3.5" className={COUNTRY_FILL[s.colour % COUNTRY_FILL.length]} />
                <text x="20" y="4" className="fill-current text-[11px] font-semibold tabular-nums">
                  {s.label.text}
                </text>
              </svg>
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
