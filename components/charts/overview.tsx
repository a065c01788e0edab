// The overview's lead chart as server-rendered SVG (no client JavaScript): draws one width class's
// placed layout (lib/charts/overview.ts). Stage colours are the shared tokens (--color-stage-*),
// always beside their stage's name; each month's bar carries its counts in words as a tooltip.
import type { PlacedOverview } from "@/lib/charts/overview";

const STAGE_VAR = ["floated", "announced", "conditional", "formalised", "approved", "deployed"];

const CSS = `.ov{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:12px}
.ov text{fill:var(--ink)}
.ov .mu{fill:var(--muted)}
.ov .in{fill:var(--color-stage-ink)}
.ov .gr{stroke:var(--rule);stroke-width:1}
.ov .ax{stroke:var(--muted);stroke-width:1}
.ov .ld{stroke:var(--muted);stroke-width:.75}
.ov .sg{stroke:var(--muted);stroke-width:1;stroke-dasharray:1 3;opacity:.7}
.ov .sm,.ov .skey{fill:var(--ink)}
.ov .em{fill:none;stroke:var(--rule);stroke-dasharray:3 3}
.ov .sp{fill:var(--accent);fill-opacity:.18}
.ov .spl{fill:none;stroke:var(--accent);stroke-width:1.5}
.ov .seg,.ov .sw{stroke:var(--color-stage-ink);stroke-opacity:.45;stroke-width:.6}
.ov .rf{fill:var(--color-stage-ruled-out);stroke:var(--color-stage-ink);stroke-opacity:.7;stroke-width:.8;stroke-dasharray:2 1.5}
.ov g.bar:hover .seg{stroke:var(--accent);stroke-opacity:1;stroke-width:1.5}
${STAGE_VAR.map((v, i) => `.ov .s${i}{fill:var(--color-stage-${v})}`).join("")}`;

const diamond = (x: number, y: number, r = 4.5) => `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`;

/** One width class's layout of the overview chart. `id` keeps ids unique when several are on a page. */
export function OverviewChart({ placed: p, title, desc, id }: { placed: PlacedOverview; title: string; desc: string; id: string }) {
  return (
    <svg className="ov" width={p.width} height={p.height} viewBox={`0 0 ${p.width} ${p.height}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      {p.lines.map((l, i) => (
        <line key={`l${i}`} className={l.cls} x1={r1(l.x1)} y1={r1(l.y1)} x2={r1(l.x2)} y2={r1(l.y2)} />
      ))}
      {p.spark && <path className="sp" d={p.spark.d} />}
      {p.spark && <path className="spl" d={p.spark.line} />}
      {p.bars.map((b, i) => (
        <g key={`b${i}`} className="bar">
          <title>{b.title}</title>
          {b.segments.map((s, j) => (
            <rect key={j} className={s.cls === "rf" ? "rf" : `seg ${s.cls}`} x={r1(s.x)} y={r1(s.y)} width={r1(s.w)} height={r1(s.h)} />
          ))}
        </g>
      ))}
      {p.rects.map((r, i) =>
        r.cls === "skey" ? (
          <polygon key={`r${i}`} className="skey" points={diamond(r.x + r.w / 2, r.y + r.h / 2)} />
        ) : (
          <rect key={`r${i}`} className={r.cls === "rf" || r.cls === "em" ? r.cls : `sw ${r.cls}`} x={r1(r.x)} y={r1(r.y)} width={r1(r.w)} height={r1(r.h)} />
        ),
      )}
      {p.summits.map((s, i) => (
        <polygon key={`s${i}`} className="sm" points={diamond(r1(s.x), r1(s.y))}>
          <title>{s.title}</title>
        </polygon>
      ))}
      {p.texts.map((t, i) => (
        <text
          key={`t${i}`}
          className={t.cls}
          x={r1(t.x)}
          y={r1(t.y)}
          textAnchor={t.anchor === "start" ? undefined : t.anchor}
          fontSize={t.size === 12 ? undefined : t.size}
          fontWeight={t.bold ? 600 : undefined}
        >
          {t.title && !t.text.includes(t.title) ? <title>{t.title}</title> : null}
          {t.text}
        </text>
      ))}
    </svg>
  );
}

const r1 = (n: number) => Math.round(n * 10) / 10;
