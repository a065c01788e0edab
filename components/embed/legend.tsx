// Legend swatches for embeds: the same shapes and classes as the chart, so they take the chart's
// colours (and its dark mode) from its own style sheet.
import type { LegendItem, Swatch } from "@/lib/embed/model";

/** A swatch drawn in a 14 × 12 box at (x, y). */
export function SwatchShape({ s, x = 0, y = 0 }: { s: Swatch; x?: number; y?: number }) {
  const cx = x + 7;
  const cy = y + 6;
  const p = { className: s.className, fill: s.fill, stroke: s.stroke };
  const shape =
    s.shape === "rect" ? (
      <rect {...p} x={x + 1} y={y + 1} width={12} height={10} rx={1.5} />
    ) : s.shape === "circle" ? (
      <circle {...p} cx={cx} cy={cy} r={4.5} />
    ) : s.shape === "ring" ? (
      <circle {...p} cx={cx} cy={cy} r={4} />
    ) : s.shape === "diamond" ? (
      <path {...p} d={`M${cx} ${cy - 5.5}L${cx + 5.5} ${cy}L${cx} ${cy + 5.5}L${cx - 5.5} ${cy}Z`} />
    ) : s.shape === "triangle" ? (
      <path {...p} d={`M${cx} ${cy - 5.5}L${cx + 5.5} ${cy + 4.5}L${cx - 5.5} ${cy + 4.5}Z`} />
    ) : (
      <rect {...p} x={cx - 4.5} y={cy - 4.5} width={9} height={9} />
    );
  return s.group ? <g className={s.group}>{shape}</g> : shape;
}

/** The legend as a wrapping HTML list (embeds). */
export function Legend({ items, scope }: { items: LegendItem[]; scope: string }) {
  if (!items.length) return null;
  return (
    <ul className={`sgt-lg ${scope}`}>
      {items.map((it) => (
        <li key={it.label}>
          <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
            <SwatchShape s={it.swatch} />
          </svg>
          {it.label}
        </li>
      ))}
    </ul>
  );
}
