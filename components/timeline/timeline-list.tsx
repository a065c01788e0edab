import { SourceLinks } from "@/components/data/source-links";
import { StageBadge } from "@/components/data/stage-badge";
import { actorName, groupByMonth, itemTitle, type TimelineItem } from "@/lib/charts/timeline";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { EVENT_KIND, KIND } from "@/lib/i18n/labels";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { viewHref, type Params } from "@/lib/url";

// Lane glyphs (filled: day known; hollow: month only), matching the chart's marks.
const GLYPH = { summits: ["◆", "◇"], pledges: ["●", "○"], statements: ["▲", "△"], votes: ["■", "□"] } as const;

/**
 * One page of the chart's items, newest first, grouped by month: the phone-friendly reading path
 * and the target of the chart's links (#event-…, #pledge-…), with actors and sources.
 */
export function TimelineList({ items, lang, keep, zoomParams }: { items: TimelineItem[]; lang: Lang; keep: Params; zoomParams: Params }) {
  const months = groupByMonth(items);
  return (
    <div className="space-y-8">
      {months.map((m) => {
        const [y, mo] = m.month.split("-").map(Number);
        const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
        return (
          <section key={m.month} aria-labelledby={`month-${m.month}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 border-b border-ink pb-1">
              <h3 id={`month-${m.month}`} className="text-base font-semibold">
                {TIMELINE.months[lang][mo - 1]} {y}
              </h3>
              <a href={viewHref("/timeline", zoomParams, { from: `${m.month}-01`, to: `${m.month}-${String(last).padStart(2, "0")}` }) + "#list"} className="text-sm text-accent underline print:hidden">
                {TIMELINE.zoom[lang]}
              </a>
            </div>
            <ol className="divide-y divide-rule">
              {m.items.map((it) => (
                <Entry key={it.anchor} it={it} lang={lang} keep={keep} />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function Entry({ it, lang, keep }: { it: TimelineItem; lang: Lang; keep: Params }) {
  return (
    <li id={it.anchor} className="grid scroll-mt-4 gap-1 py-3 target:bg-subtle sm:grid-cols-[9rem_1fr] sm:gap-4">
      <p className="text-sm">
        <time dateTime={it.date.toISOString().slice(0, it.precision === "DAY" ? 10 : it.precision === "MONTH" ? 7 : 4)} className="font-medium tabular-nums">
          {formatDate(it.date, it.precision, lang)}
        </time>
        <span className="mt-0.5 flex items-center gap-1.5 text-muted">
          <span aria-hidden="true" className={`g-${it.lane} text-xs`}>
            {GLYPH[it.lane][it.precision === "DAY" ? 0 : 1]}
          </span>
          {TIMELINE.lanes[it.lane][lang]}
        </span>
      </p>
      <div className="min-w-0 space-y-1">
        <p className="text-sm">
          {it.kind === "PLEDGE" && it.stage ? (
            <StageBadge stage={it.stage} lang={lang} />
          ) : (
            <span className="inline-block rounded border border-rule px-1.5 py-0.5 text-xs font-medium">{it.kind === "PLEDGE" ? "" : EVENT_KIND[it.kind][lang]}</span>
          )}
          {it.location && <span className="text-muted"> · {it.location}</span>}
        </p>
        <p className="font-medium">{itemTitle(it, lang)}</p>
        {it.commitment && (
          <p className="text-sm">
            <span className="text-muted">{TIMELINE.commitment[lang]} ({KIND[it.commitment.kind][lang]}): </span>
            <a href={viewHref(`/commitments/${it.commitment.slug}`, keep)} className="text-accent underline">
              {it.commitment.title}
            </a>
          </p>
        )}
        {it.summary && <p className="text-sm">{it.summary}</p>}
        {it.actors.length > 0 && (
          <p className="text-sm">
            <span className="text-muted">{TIMELINE.actors[lang]}: </span>
            {it.actors.map((a, i) => (
              <span key={a.slug}>
                {i > 0 && ", "}
                <a href={viewHref(`/countries/${a.slug}`, keep)} className="underline">
                  {actorName(a, lang)}
                </a>
              </span>
            ))}
          </p>
        )}
        {it.sources.length ? <SourceLinks sources={it.sources} lang={lang} /> : <p className="text-sm text-muted">{TIMELINE.noSources[lang]}</p>}
      </div>
    </li>
  );
}
