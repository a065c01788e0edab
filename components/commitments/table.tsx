// The commitments table: one compact row per commitment on the chosen date, one page at a time.
// It takes the column's full width; the actor column stays in view while the rest scrolls sideways,
// and the condition key sits beside it (above it on phones). No client JavaScript.
import { Binding, ConditionCodes, Reliability, StageDate } from "@/components/charts/commitment-matrix";
import { StageBadge } from "@/components/data/stage-badge";
import { CONDITION_ORDER, LEGAL_FORM_STRENGTH, actorName, type ShownCommitment, type TablePage } from "@/lib/charts/commitment-matrix";
import type { LegalForm } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { CONDITION, KIND, LEGAL_FORM } from "@/lib/i18n/labels";
import { COMMITMENTS as T, CONDITION_ABBR, KIND_SHORT } from "@/lib/i18n/messages/commitments";
import { fill } from "@/lib/i18n/messages/map";
import { BindingBars } from "@/components/charts/commitment-matrix";

export type TableLinks = {
  /** URL of a commitment's page (keeping the view's date and language). */
  commitment: (slug: string) => string;
  /** URL of an actor's page. */
  actor: (a: { slug: string; iso2: string | null }) => string;
  /** URL of a page of the table (keeping every other parameter). */
  page: (n: number) => string;
};

const FORMS = (Object.keys(LEGAL_FORM_STRENGTH) as LegalForm[]).sort((a, b) => LEGAL_FORM_STRENGTH[b] - LEGAL_FORM_STRENGTH[a]);

/** Condition codes and binding bars, beside the table. */
export function ConditionKey({ lang }: { lang: Lang }) {
  return (
    <div className="space-y-3 text-xs" data-testid="condition-key">
      <div>
        <h3 className="text-sm font-medium">{T.legendConditions[lang]}</h3>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 sm:grid-cols-[auto_1fr_auto_1fr] lg:grid-cols-[auto_1fr]">
          {CONDITION_ORDER.map((c) => (
            <div key={c} className="contents">
              <dt className="font-mono">{CONDITION_ABBR[c][lang]}</dt>
              <dd>{CONDITION[c][lang]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div>
        <h3 className="text-sm font-medium">{T.binding[lang]}</h3>
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 lg:block lg:space-y-0.5">
          {FORMS.map((f) => (
            <li key={f} className="flex items-center gap-1.5">
              <BindingBars form={f} /> {LEGAL_FORM[f][lang]}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-muted">{T.legendBinding[lang]}</p>
      </div>
    </div>
  );
}

/** Previous/next and first/last links with stable URLs (?page=N). */
export function Pager({ page, pages, lang, href }: { page: number; pages: number; lang: Lang; href: (n: number) => string }) {
  if (pages <= 1) return null;
  const link = (n: number, text: string, rel?: string) => (
    <a href={href(n)} rel={rel} className="text-accent underline">
      {text}
    </a>
  );
  return (
    <nav aria-label={T.pages[lang]} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="pager">
      {page > 1 && link(1, `« ${T.firstPage[lang]}`)}
      {page > 1 && link(page - 1, `‹ ${T.prev[lang]}`, "prev")}
      <span className="text-muted" aria-current="page">
        {fill(T.pageOf[lang], { page, pages })}
      </span>
      {page < pages && link(page + 1, `${T.next[lang]} ›`, "next")}
      {page < pages && link(pages, `${T.lastPage[lang]} »`)}
    </nav>
  );
}

/** One page of the commitments table, with its key and pager. */
export function CommitmentsTable({ table, lang, links }: { table: TablePage<ShownCommitment>; lang: Lang; links: TableLinks }) {
  const to = table.from + table.rows.length;
  return (
    <section id="table" aria-labelledby="table-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="table-heading" className="text-lg font-semibold">
          {T.tableHeading[lang]}{" "}
          <span className="text-sm font-normal text-muted">({fill(T.tableRows[lang], { from: table.from + 1, to, total: table.total })})</span>
        </h2>
        <Pager page={table.page} pages={table.pages} lang={lang} href={links.page} />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_13rem]">
        <aside aria-label={T.legend[lang]} className="rounded border border-rule p-2 lg:order-2 lg:self-start">
          <ConditionKey lang={lang} />
        </aside>
        <div className="relative overflow-x-auto border-y border-rule" data-testid="commitments-table">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{T.tableCaption[lang]}</caption>
            <thead>
              <tr className="border-b border-rule text-left align-bottom text-xs text-muted">
                <th scope="col" className="sticky left-0 z-10 bg-canvas py-1.5 pr-2 pl-1 font-medium">
                  {T.actor[lang]}
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">{T.kind[lang]}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{T.stage[lang]}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{T.sinceCol[lang]}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{T.conditions[lang]}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{T.binding[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((c) => (
                <tr key={c.slug} className="border-b border-rule align-top last:border-b-0" data-commitment={c.slug} data-actor={c.actor.slug}>
                  <th scope="row" className="sticky left-0 z-10 max-w-[8rem] bg-canvas py-1 pr-2 pl-1 text-left font-medium sm:max-w-none sm:whitespace-nowrap">
                    <a href={links.actor(c.actor)} className="underline decoration-rule underline-offset-2 hover:decoration-ink">
                      {actorName(c.actor, lang)}
                    </a>
                  </th>
                  <td className="px-2 py-1 sm:whitespace-nowrap">
                    <a href={links.commitment(c.slug)} title={c.title} className="text-accent underline">
                      <abbr title={KIND[c.kind][lang]} className="no-underline">
                        {KIND_SHORT[c.kind][lang]}
                      </abbr>
                      <span className="sr-only"> — {c.title}</span>
                    </a>
                  </td>
                  <td className="px-2 py-1 whitespace-nowrap">
                    <StageBadge stage={c.stageAsOf} lang={lang} />
                    <Reliability c={c} lang={lang} />
                  </td>
                  <td className="px-2 py-1 whitespace-nowrap">
                    <StageDate c={c} lang={lang} bare />
                  </td>
                  <td className="px-2 py-1 text-xs">
                    <ConditionCodes tags={c.conditions} lang={lang} />
                  </td>
                  <td className="px-2 py-1 text-xs whitespace-nowrap">
                    <Binding form={c.legalForm} approval={c.parliamentaryApproval} lang={lang} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <Pager page={table.page} pages={table.pages} lang={lang} href={links.page} />
    </section>
  );
}
