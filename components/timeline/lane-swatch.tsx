import { Mark } from "@/components/charts/timeline";
import type { LaneId } from "@/lib/charts/timeline";

/** A lane's mark as a small inline SVG, for the key, the form and the list (decorative). */
export function LaneSwatch({ lane, hollow = false }: { lane: LaneId; hollow?: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="tl inline-block shrink-0 align-[-1px]">
      <g className={`l-${lane}`}>
        <Mark lane={lane} x={6} y={6} r={3.8} hollow={hollow} />
      </g>
    </svg>
  );
}
