import { LaneSwatch } from "@/components/timeline/lane-swatch";
import { LANES } from "@/lib/charts/timeline";
import type { Lang } from "@/lib/i18n";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { viewHref, type Params } from "@/lib/url";

/** The chart's key: lane marks (each with an "only this lane" link) and what a hollow mark means. */
export function TimelineLegend({ lang, params }: { lang: Lang; params: Params }) {
  return (
    <div className="text-sm">
      <h3 className="sr-only">{TIMELINE.legend[lang]}</h3>
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {LANES.map((l) => (
          <li key={l.id} className="flex items-center gap-1.5">
            <LaneSwatch lane={l.id} />
            <span>{TIMELINE.lanes[l.id][lang]}</span>
            <a href={viewHref("/timeline", params, { lane: l.id, kind: null }) + "#chart"} className="text-xs text-accent underline print:hidden">
              ({TIMELINE.onlyLane[lang]})
            </a>
          </li>
        ))}
        <li className="flex items-center gap-1.5 text-muted">
          <LaneSwatch lane="pledges" /> {TIMELINE.exactDay[lang]} <LaneSwatch lane="pledges" hollow /> {TIMELINE.monthOnly[lang]}
        </li>
      </ul>
    </div>
  );
}
