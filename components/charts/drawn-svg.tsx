// Draws a DrawnLayout (lib/charts/drawn.ts) as one SVG at its design width: text runs and
// rectangles exactly where the layout placed them, links resolved by the caller.
import type { DrawnLayout } from "@/lib/charts/drawn";

/** The SVG of a layout; `css` styles its classes within `scope`, `href` turns layout paths into URLs. */
export function DrawnSvg({ layout: l, scope, css, title, desc, id, href }: { layout: DrawnLayout; scope: string; css: string; title: string; desc: string; id: string; href: (path: string) => string }) {
  return (
    <svg className={scope} width={l.width} height={l.height} viewBox={`0 0 ${l.width} ${l.height}`} role="group" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <style dangerouslySetInnerHTML={{ __html: css }} />
      {l.items.map((d, i) => {
        if (d.kind === "rect")
          return (
            <rect key={i} className={d.cls} x={round(d.x)} y={round(d.y)} width={round(d.w)} height={round(d.h)} rx={d.rx}>
              {d.title && <title>{d.title}</title>}
            </rect>
          );
        const t = (
          <text key={i} className={d.cls} x={round(d.x)} y={round(d.y)} fontSize={d.size} fontWeight={d.bold ? 600 : undefined} textAnchor={d.anchor === "end" ? "end" : undefined}>
            {d.title && d.title !== d.text && <title>{d.title}</title>}
            {d.text}
            {d.links?.map((l, j) => (
              <a key={j} href={href(l.href)}>
                <tspan className="ln">{l.text}</tspan>
              </a>
            ))}
          </text>
        );
        return d.href ? (
          <a key={i} href={href(d.href)}>
            {t}
          </a>
        ) : (
          t
        );
      })}
    </svg>
  );
}

const round = (v: number) => Math.round(v * 10) / 10;
