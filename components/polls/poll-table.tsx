import { SourceLinks } from "@/components/data/source-links";
import { formatFieldwork, formatPercent, sortPolls, type PollRecord } from "@/lib/charts/polls";
import { formatNumber } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { CONFIDENCE, WORDING } from "@/lib/i18n/labels";
import { fill } from "@/lib/i18n/messages/map";
import { POLLS } from "@/lib/i18n/messages/polls";

/** Where the table is in the list of matching polls, with links to the pages either side (`?page=N`). */
export function PollPager({ lang, page, pages, total, size, shown, href }: { lang: Lang; page: number; pages: number; total: number; size: number; shown: number; href: (page: number) => string }) {
  const nf = (n: number) => n.toLocaleString(lang === "uk" ? "uk-UA" : "en-GB");
  const from = (page - 1) * size + 1;
  return (
    <nav aria-label={POLLS.pages[lang]} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="text-muted" data-testid="poll-rows">
        {fill(POLLS.rowsOf[lang], { from: nf(from), to: nf(from + shown - 1), total: nf(total) })}
        {pages > 1 && ` · ${fill(POLLS.pageOf[lang], { page: nf(page), pages: nf(pages) })}`}
      </span>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev" className="text-accent underline">
          ← {POLLS.prev[lang]}
        </a>
      )}
      {page < pages && (
        <a href={href(page + 1)} rel="next" className="text-accent underline">
          {POLLS.next[lang]} →
        </a>
      )}
    </nav>
  );
}

/** One page of the polls, one row each (`#poll-<slug>`), grouped by wording class in its own tbody. */
export function PollTable({ polls, lang, countryName }: { polls: PollRecord[]; lang: Lang; countryName: (p: PollRecord) => string }) {
  const sorted = sortPolls(polls);
  const classes = [...new Set(sorted.map((p) => p.wordingClass))];
  const t = (k: keyof typeof POLLS) => (POLLS[k] as { en: string; uk: string })[lang];
  return (
    <div className="overflow-x-auto" role="region" aria-labelledby="poll-table-caption" tabIndex={0}>
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption id="poll-table-caption" className="sr-only">
          {t("tableCaption")}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink align-bottom text-xs uppercase tracking-wide text-muted">
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("country")}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("pollster")}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("fieldwork")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              {t("sample")}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("mode")}
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("question")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              {t("support")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              {t("oppose")}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              {t("dontKnow")}
            </th>
          </tr>
        </thead>
        {classes.map((wc) => (
          <tbody key={wc}>
            <tr className="border-b border-rule bg-subtle">
              <th scope="colgroup" colSpan={9} className="px-2 py-1.5 text-left font-semibold">
                {WORDING[wc][lang]}
              </th>
            </tr>
            {sorted
              .filter((p) => p.wordingClass === wc)
              .map((p) => (
                <tr key={p.slug} id={`poll-${p.slug}`} className="scroll-mt-24 border-b border-rule align-top target:bg-subtle target:outline-2 target:outline-accent">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {countryName(p)}
                  </th>
                  <td className="py-2 pr-3">
                    {p.pollster}
                    {p.client && (
                      <span className="block text-xs text-muted">
                        {t("client")} {p.client}
                      </span>
                    )}
                  </td>
                  <td className="whitespace-nowrap py-2 pr-3 tabular-nums">{formatFieldwork(p.fieldworkStart, p.fieldworkEnd, p.fieldworkPrecision)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {p.sampleSize === null ? <span className="text-muted">{COMMON.unknown[lang]}</span> : formatNumber(p.sampleSize, lang)}
                  </td>
                  <td className="py-2 pr-3">{p.mode === "UNKNOWN" ? <span className="text-muted">{POLLS.modes.UNKNOWN[lang]}</span> : POLLS.modes[p.mode][lang]}</td>
                  <td className="max-w-[26rem] py-2 pr-3">
                    <q className={p.questionVerbatim ? "" : "italic"}>
                      {p.question}
                    </q>
                    <span className="mt-0.5 block text-xs text-muted">
                      {p.questionVerbatim ? t("verbatim") : <strong className="font-semibold text-ink">{t("paraphrase")}</strong>}
                      {" · "}
                      {CONFIDENCE[p.confidence as keyof typeof CONFIDENCE]?.[lang] ?? p.confidence}
                    </span>
                    {p.note && (
                      <span className="mt-0.5 block text-xs text-muted">
                        {t("note")}: {p.note}
                      </span>
                    )}
                    <SourceLinks sources={p.sources} lang={lang} />
                  </td>
                  <Pct v={p.support} lang={lang} strong />
                  <Pct v={p.oppose} lang={lang} />
                  <Pct v={p.dontKnow} lang={lang} />
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function Pct({ v, lang, strong = false }: { v: number | null; lang: Lang; strong?: boolean }) {
  return (
    <td className={`py-2 pr-3 text-right tabular-nums ${strong ? "font-semibold" : ""}`}>
      {v === null ? <span className="text-xs font-normal text-muted">{POLLS.notPublished[lang]}</span> : formatPercent(v)}
    </td>
  );
}
