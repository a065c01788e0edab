import type { Metadata } from "next";
import Link from "next/link";
import { ParamError } from "@/components/layout/param-error";
import type { EntityKey } from "@/lib/admin/entities";
import { correctionsLog, type CorrectionRecord, type CorrectionRelease } from "@/lib/db/history";
import { formatDateTime } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { CORRECTIONS as T } from "@/lib/i18n/messages/corrections";
import { requestLang } from "@/lib/i18n/server";
import { parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { CorrectionsParams } from "@/lib/schemas/views/corrections";
import { viewHref } from "@/lib/url";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Corrections and changes" };

/** Releases with more records than this show a summary and a collapsed list (the seed has hundreds). */
const LIST_LIMIT = 12;

export default async function CorrectionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(CorrectionsParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={lang === "uk" ? "/corrections?lang=uk" : "/corrections"} />;
  const log = await correctionsLog(parsed.value.page);
  const pageHref = (page: number) => viewHref("/corrections", { lang: lang === "uk" ? "uk" : undefined, page: page > 1 ? String(page) : undefined });

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{T.title[lang]}</h1>
        <p className="mt-2 max-w-3xl text-muted">{T.intro[lang]}</p>
        <p className="mt-1 max-w-3xl text-sm text-muted">{T.gaps[lang]}</p>
      </header>

      {log.releases.length === 0 ? (
        <p>
          {T.empty[lang]}{" "}
          <Link href={pageHref(1)} className="text-accent underline">
            {T.first[lang]}
          </Link>
        </p>
      ) : (
        <ol className="space-y-6" aria-label={T.title[lang]}>
          {log.releases.map((r) => (
            <li key={r.number}>
              <Release release={r} lang={lang} />
            </li>
          ))}
        </ol>
      )}

      {log.pages > 1 ? (
        <nav aria-label={T.pages[lang]} className="flex flex-wrap items-center gap-4 border-t border-rule pt-4 text-sm">
          {log.page > 1 ? (
            <Link href={pageHref(Math.min(log.page - 1, log.pages))} rel="prev" className="text-accent underline">
              ← {T.newer[lang]}
            </Link>
          ) : null}
          <span className="text-muted">{T.pageOf[lang](log.page, log.pages)}</span>
          {log.page < log.pages ? (
            <Link href={pageHref(log.page + 1)} rel="next" className="text-accent underline">
              {T.older[lang]} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function Release({ release: r, lang }: { release: CorrectionRelease; lang: Lang }) {
  const types = Object.entries(r.counts) as [EntityKey, number][];
  const summary = types.map(([type, n]) => T.typeCount[lang](n, T.entitiesPlural[type][lang])).join(", ");
  // In the seed release every record was added the same way: say it once, not on every line.
  const kinds = new Set(r.records.map((x) => x.kind));
  return (
    <article id={`release-${r.number}`} aria-labelledby={`release-${r.number}-title`} className="scroll-mt-24 border-l-2 border-rule pl-4">
      <h2 id={`release-${r.number}-title`} className="text-lg font-semibold">
        {T.release[lang]} {r.number}{" "}
        <span className="text-sm font-normal text-muted">
          · <time dateTime={r.publishedAt.toISOString()}>{formatDateTime(r.publishedAt, lang)}</time>
        </span>
      </h2>
      <p className="mt-1 max-w-3xl">
        <span className="sr-only">{T.note[lang]}: </span>
        {r.note}
      </p>
      {r.records.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{T.noRecords[lang]}</p>
      ) : r.records.length <= LIST_LIMIT ? (
        <RecordList records={r.records} lang={lang} />
      ) : (
        <details className="group mt-2 text-sm">
          <summary className="cursor-pointer">
            {kinds.size === 1 ? `${T.kinds[r.records[0].kind][lang]}: ` : ""}
            {T.count[lang](r.records.length)}
            {summary ? ` (${summary})` : ""}
            <span className="group-open:hidden">
              {" · "}
              <span className="text-accent underline">{T.showAll[lang]}</span>
            </span>
          </summary>
          {types.map(([type]) => (
            <section key={type} aria-label={T.entitiesPlural[type][lang]} className="mt-3">
              <h3 className="font-semibold">
                {capitalise(T.entitiesPlural[type][lang])} ({r.counts[type]})
              </h3>
              <RecordList records={r.records.filter((x) => x.entity === type)} lang={lang} showType={false} showKind={kinds.size > 1} />
            </section>
          ))}
        </details>
      )}
    </article>
  );
}

function RecordList({ records, lang, showType = true, showKind = true }: { records: CorrectionRecord[]; lang: Lang; showType?: boolean; showKind?: boolean }) {
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {records.map((x) => (
        <li key={`${x.entity}:${x.slug}:${x.kind}`} className="[overflow-wrap:anywhere]">
          {showKind || showType ? (
            <span className="text-muted">{[showKind ? T.kinds[x.kind][lang] : null, showType ? T.entities[x.entity][lang] : null].filter(Boolean).join(" · ")}: </span>
          ) : null}
          {x.href ? (
            <Link href={lang === "uk" ? withLang(x.href) : x.href} className="text-accent underline">
              {x.title}
            </Link>
          ) : (
            <span>{x.title}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Adds ?lang=uk before a link's #fragment. */
function withLang(href: string): string {
  const [path, hash] = href.split("#");
  return `${path}${path.includes("?") ? "&" : "?"}lang=uk${hash ? `#${hash}` : ""}`;
}
