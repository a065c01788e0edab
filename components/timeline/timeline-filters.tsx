import { LaneSwatch } from "@/components/timeline/lane-swatch";
import { LANES, actorName, type ItemKind, type TimelineActor } from "@/lib/charts/timeline";
import type { Lang } from "@/lib/i18n";
import { EVENT_KIND } from "@/lib/i18n/labels";
import { TIMELINE } from "@/lib/i18n/messages/timeline";

export type FilterValues = { actors: string[]; kinds: ItemKind[]; from?: string; to?: string; asOf?: string; lang?: string };

/**
 * The timeline's filters as one GET form (works without JavaScript): actors, kinds grouped by
 * lane, a date range. Current values are preselected; nothing ticked means everything.
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
    <form method="get" action="/timeline" className="space-y-4 rounded border border-rule p-4 text-sm print:hidden" aria-labelledby="filters-title">
      <h2 id="filters-title" className="text-base font-semibold">
        {TIMELINE.filters[lang]}
      </h2>
      {values.lang && <input type="hidden" name="lang" value={values.lang} />}
      {values.asOf && <input type="hidden" name="asOf" value={values.asOf} />}

      <details open={chosen.size > 0 ? true : undefined} className="group">
        <summary className="cursor-pointer font-medium">
          {TIMELINE.actors[lang]}:{" "}
          <span className="font-normal text-muted">{chosenNames.length ? chosenNames.join(", ") : TIMELINE.anyActor[lang]}</span>
        </summary>
        <fieldset className="mt-2">
          <legend className="sr-only">{TIMELINE.actors[lang]}</legend>
          <ul className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-5">
            {actors.map((a) => (
              <li key={a.slug}>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" name="actor" value={a.slug} defaultChecked={chosen.has(a.slug)} className="size-4" />
                  {actorName(a, lang)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </details>

      <fieldset>
        <legend className="font-medium">
          {TIMELINE.kinds[lang]} <span className="font-normal text-muted">({TIMELINE.allWhenNone[lang]})</span>
        </legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {LANES.map((lane) => (
            <div key={lane.id} className="l-group">
              <p className="flex items-center gap-1.5 text-muted">
                <LaneSwatch lane={lane.id} />
                {TIMELINE.lanes[lane.id][lang]}
              </p>
              <ul className="mt-1 space-y-1">
                {lane.kinds.map((k) => (
                  <li key={k}>
                    <label className="inline-flex items-center gap-2">
                      <input type="checkbox" name="kind" value={k} defaultChecked={kinds.has(k)} className="size-4" />
                      {k === "PLEDGE" ? TIMELINE.pledgeKind[lang] : EVENT_KIND[k][lang]}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </fieldset>

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
      </div>
    </form>
  );
}
