// The Europe map's data as an accessible table (and the list of actors beyond the map).
import { actorName, rowSummary } from "@/lib/charts/europe-map";
import { SourceLinks } from "@/components/data/source-links";
import { StageBadge } from "@/components/data/stage-badge";
import type { CountryRow } from "@/lib/charts/europe-map";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { MAP, fill } from "@/lib/i18n/messages/map";

const MAX_SOURCES = 3;

type Links = { country: (r: CountryRow) => string; commitments: (r: CountryRow) => string };

function Stage({ row, lang }: { row: CountryRow; lang: Lang }) {
  if (!row.stage) return <span className="text-muted">{MAP.participantNone[lang]}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <StageBadge stage={row.stage} lang={lang} />
      {row.alsoRefused && <span className="text-xs text-muted">({MAP.alsoRefused[lang]})</span>}
    </span>
  );
}

/** Participants (and, below, actors with positions who are not participants) with their strongest stage. */
export function ParticipantsTable({ rows, lang, links }: { rows: readonly CountryRow[]; lang: Lang; links: Links }) {
  const participants = rows.filter((r) => r.participant);
  const others = rows.filter((r) => !r.participant && r.actor.kind !== "COALITION");
  const whole = rows.filter((r) => !r.participant && r.actor.kind === "COALITION");
  return (
    <div className="space-y-4">
      {participants.length === 0 ? (
        <p>{MAP.noParticipants[lang]}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="participants-table">
            <caption className="sr-only">{MAP.tableTitle[lang]}</caption>
            <thead>
              <tr className="border-b border-rule text-left align-bottom">
                <th scope="col" className="py-2 pr-3 font-medium">
                  {MAP.country[lang]}
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  {MAP.stage[lang]}
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  {MAP.count[lang]}
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  {MAP.since[lang]}
                </th>
                <th scope="col" className="py-2 pl-2 font-medium">
                  {MAP.sourcesCol[lang]}
                </th>
              </tr>
            </thead>
            <tbody>
              {participants.map((r) => (
                <Row key={r.actor.slug} row={r} lang={lang} links={links} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {whole.map((r) => (
        <p key={r.actor.slug} className="text-sm">
          <span className="font-semibold">{MAP.coalitionWhole[lang]}:</span>{" "}
          <a href={links.commitments(r)} className="underline">
            {rowSummary(r, lang)}
          </a>
        </p>
      ))}
      {others.length > 0 && (
        <div>
          <h3 className="font-semibold">{MAP.others[lang]}</h3>
          <p className="text-sm text-muted">{MAP.othersNote[lang]}</p>
          <ul className="mt-2 space-y-1 text-sm" data-testid="non-participants">
            {others.map((r) => (
              <li key={r.actor.slug} className="flex flex-wrap items-center gap-2">
                <a href={links.country(r)} className="text-accent underline">
                  {actorName(r.actor, lang)}
                </a>
                <Stage row={r} lang={lang} />
                <a href={links.commitments(r)} className="text-muted underline">
                  {r.commitments} {r.commitments === 1 ? MAP.commitmentOne[lang] : MAP.commitments[lang]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Row({ row: r, lang, links }: { row: CountryRow; lang: Lang; links: Links }) {
  return (
    <tr className="border-b border-rule align-top" data-actor={r.actor.slug}>
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        <a href={links.country(r)} className="text-accent underline">
          {actorName(r.actor, lang)}
        </a>
      </th>
      <td className="px-2 py-2">
        <Stage row={r} lang={lang} />
      </td>
      <td className="px-2 py-2 text-right tabular-nums">
        {r.commitments > 0 ? (
          <a href={links.commitments(r)} className="underline" aria-label={`${actorName(r.actor, lang)}: ${rowSummary(r, lang)}`}>
            {r.commitments}
          </a>
        ) : (
          0
        )}
      </td>
      <td className="px-2 py-2 whitespace-nowrap">{r.firstRecorded ? formatDate(r.firstRecorded, "DAY", lang) : "–"}</td>
      <td className="py-2 pl-2">
        {/* A few sources per row keep the page small at any size; the country page lists them all. */}
        <SourceLinks sources={r.sources.slice(0, MAX_SOURCES)} lang={lang} label={false} />
        {r.sources.length > MAX_SOURCES && (
          <a href={links.country(r)} className="text-sm text-accent underline">
            {fill(MAP.moreSources[lang], { n: r.sources.length - MAX_SOURCES })}
          </a>
        )}
      </td>
    </tr>
  );
}

/** Participants the Europe projection cannot show: organisations and far-away partners. */
export function BeyondList({ rows, lang, links }: { rows: readonly CountryRow[]; lang: Lang; links: Links }) {
  if (rows.length === 0) return null;
  return (
    <aside aria-labelledby="beyond-title" className="rounded border border-rule p-3 text-sm" data-testid="beyond-map">
      <h3 id="beyond-title" className="font-semibold">
        {MAP.beyond[lang]}
      </h3>
      <p className="text-xs text-muted">{MAP.beyondNote[lang]}</p>
      <ul className="mt-2 space-y-1.5">
        {rows.map((r) => (
          <li key={r.actor.slug} className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
            <a href={links.country(r)} className="text-accent underline" aria-label={`${actorName(r.actor, lang)}: ${rowSummary(r, lang)}`}>
              {actorName(r.actor, lang)}
            </a>
            {r.stage ? <StageBadge stage={r.stage} lang={lang} /> : <span className="text-xs text-muted">{MAP.noCommitment[lang]}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
