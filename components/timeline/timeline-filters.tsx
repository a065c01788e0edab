import { LaneSwatch } from "@/components/timeline/lane-swatch";
import { LANES, actorName, type ItemKind, type TimelineActor } from "@/lib/charts/timeline";
import type { Lang } from "@/lib/i18n";
import { EVENT_KIND } from "@/lib/i18n/labels";
import { TIMELINE } from "@/lib/i18n/messages/timeline";

export type FilterValues = { actors: string[]; kinds: ItemKind[]; from?: string; to?: string; asOf?: string; lang?: string };

/**
 * The timeline's filters as one GET form (works without JavaScript): kinds grouped by lane,
 * actors, a date range. Current values are preselected; nothing ticked means everything.
 */
export function TimelineFilters({
  lang,
  actors,
  values,
  clearHref,
}: {
  lang: Lang;
  actors: TimelineActor[];
  values: FilterValues;
  clearHref: string;
}) {
  const chosen = new Set(values.actors);
  const kinds = new Set(values.kinds);
  const chosenNames = actors.filter((a) => chosen.has(a.slug)).map((a) => actorName(a, lang));
  return (
    <form method="get" action="/timeline" className="space-y-3 rounded border border-rule bg-subtle/50 p-3 text-sm print:hidden" aria-labelledby="filters-title">
      <h2 id="filters-title" className="sr-only">
        {TIMELINE.filters[lang]}
      </h2>
      {values.lang && <input type="hidden" name="lang" value={values.lang} />}
      {values.asOf && <input type="hidden" name="asOf" value={values.asOf} />}

      <fieldset className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <legend className="float-left mr-2 font-medium">
          {TIMELINE.kinds[lang]} <span className="sr-only">({TIMELINE.allWhenNone[lang]})</span>
        </legend>
        {LANES.map((lane) => (
          <div key={lane.id} role="group" aria-label={TIMELINE.lanes[lane.id][lang]} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <LaneSwatch lane={lane.id} />
            {lane.kinds.map((k) => (
              <label key={k} className="inline-flex items-center gap-1.5">
                <input type="checkbox" name="kind" value={k} defaultChecked={kinds.has(k)} className="size-4" />
                {k === "PLEDGE" ? TIMELINE.pledgeKind[lang] : EVENT_KIND[k][lang]}
              </label>
            ))}
          </div>
        ))}
      </fieldset>

      <details open={chosen.size > 0 ? true : undefined}>
        <summary className="cursor-pointer">
          <span className="font-medium">{TIMELINE.actors[lang]}:</span>{" "}
          <span className="text-muted">{chosenNames.length ? chosenNames.join(", ") : TIMELINE.anyActor[lang]}</span>
        </summary>
        <fieldset className="mt-2">
          <legend className="sr-only">{TIMELINE.actors[lang]}</legend>
          <ul className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-6">
            {actors.map((a) => (
              <li key={a.slug}>
                <label className="inline-flex items-center gap-1.5">
                  <input type="checkbox" name="actor" value={a.slug} defaultChecked={chosen.has(a.slug)} className="size-4" />
                  {actorName(a, lang)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </details>

      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-muted">{TIMELINE.from[lang]}</span>
          <input type="date" name="from" defaultValue={values.from} className="rounded border border-rule bg-surface px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-muted">{TIMELINE.to[lang]}</span>
          <input type="date" name="to" defaultValue={values.to} className="rounded border border-rule bg-surface px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-ink bg-ink px-3 py-1 font-medium text-canvas hover:opacity-90">
          {TIMELINE.apply[lang]}
        </button>
        <a href={clearHref} className="py-1 text-accent underline">
          {TIMELINE.clear[lang]}
        </a>
        <span className="py-1 text-muted">{TIMELINE.allWhenNoneNote[lang]}</span>
      </div>
    </form>
  );
}
