// The commitments comparison as a table (actors × kinds) from sm up, and as a list per actor on
// phones. Stateless Server Component: it renders a Matrix from lib/charts/commitment-matrix, so
// the page and a later embed show the same thing. No client JavaScript.
import { StageBadge } from "@/components/data/stage-badge";
import {
  LEGAL_FORM_STRENGTH,
  actorName,
  type Matrix,
  type ShownCommitment,
} from "@/lib/charts/commitment-matrix";
import { formatDate } from "@/lib/format";
import type { ConditionTag, LegalForm, ParliamentaryApproval } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { APPROVAL, CONDITION, CONFIDENCE, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import {
  APPROVAL_SHORT,
  COMMITMENTS as T,
  CONDITION_ABBR,
  KIND_SHORT,
  LEGAL_FORM_SHORT,
  commitmentsCount,
} from "@/lib/i18n/messages/commitments";

export type MatrixLinks = {
  /** URL of a commitment's page (keeping the view's date and language). */
  commitment: (slug: string) => string;
  /** URL of an actor's page, or null for no link. */
  actor?: (a: { slug: string; iso2: string | null }) => string | null;
};

/** Condition tags as short codes; each carries its full label (tooltip and screen readers). */
export function ConditionCodes({ tags, lang }: { tags: ConditionTag[]; lang: Lang }) {
  if (tags.length === 0) {
    return <span className="text-muted">{T.noConditions[lang]}</span>;
  }
  return (
    <span className="inline-flex flex-wrap gap-1">
      {tags.map((t) => (
        <abbr key={t} title={CONDITION[t][lang]} className="rounded border border-rule px-1 font-mono text-[0.6875rem] leading-4 no-underline">
          <span aria-hidden="true">{CONDITION_ABBR[t][lang]}</span>
          <span className="sr-only">{CONDITION[t][lang]}</span>
        </abbr>
      ))}
    </span>
  );
}

/** Four bars for the legal form (statement 1 … treaty 4); decoration beside the text, never alone. */
export function BindingBars({ form }: { form: LegalForm }) {
  const n = LEGAL_FORM_STRENGTH[form];
  return (
    <span aria-hidden="true" className="inline-flex items-end gap-px align-middle">
      {[1, 2, 3, 4].map((i) => (
        <span
          key={i}
          className={`inline-block w-1 rounded-[1px] ${i <= n ? "bg-ink" : "border border-rule"}`}
          style={{ height: `${4 + i * 2}px` }}
        />
      ))}
    </span>
  );
}

/** How binding: legal form (bars + text) and the state of parliamentary approval. */
export function Binding({ form, approval, lang, compact = false }: { form: LegalForm; approval: ParliamentaryApproval; lang: Lang; compact?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      <BindingBars form={form} />
      {compact ? (
        <abbr title={`${LEGAL_FORM[form][lang]}; ${T.parliament[lang]}: ${APPROVAL[approval][lang]}`} className="no-underline">
          {LEGAL_FORM_SHORT[form][lang]}
          {approval !== "UNKNOWN" && <> · {APPROVAL_SHORT[approval][lang]}</>}
        </abbr>
      ) : (
        <span>
          {LEGAL_FORM[form][lang]} · {APPROVAL_SHORT[approval][lang]}
        </span>
      )}
    </span>
  );
}

function StageDate({ c, lang }: { c: ShownCommitment; lang: Lang }) {
  const iso = c.stageSince.date.toISOString().slice(0, 10);
  return (
    <span className="text-xs text-muted">
      {T.since[lang]} <time dateTime={iso}>{formatDate(c.stageSince.date, c.stageSince.datePrecision, lang)}</time>
    </span>
  );
}

/** Flags a single-source or low-confidence record in the cell itself, so nobody reads it as settled. */
function Reliability({ c, lang }: { c: ShownCommitment; lang: Lang }) {
  const weak = c.confidence === "LOW" || c.confidence === "UNVERIFIED";
  if (!c.singleSource && !weak) return null;
  const text = [c.singleSource ? T.singleSourceShort[lang] : null, weak ? CONFIDENCE[c.confidence][lang].toLowerCase() : null].filter(Boolean).join(", ");
  return <span className="ml-1 inline-block rounded border border-dashed border-muted px-1 text-[0.6875rem] whitespace-nowrap text-muted">{text}</span>;
}

/** The comparison table (from `sm`) and the per-actor list (below `sm`). */
export function CommitmentMatrix({ matrix, lang, links }: { matrix: Matrix; lang: Lang; links: MatrixLinks }) {
  const name = (a: Matrix["rows"][number]["actor"]) => actorName(a, lang);
  const actorLink = (a: Matrix["rows"][number]["actor"]) => {
    const href = links.actor?.(a) ?? null;
    return href ? (
      <a href={href} className="underline decoration-rule underline-offset-2 hover:decoration-ink">
        {name(a)}
      </a>
    ) : (
      name(a)
    );
  };

  return (
    <>
      {/* Phones: one block per actor, its commitments listed. */}
      <ul className="space-y-4 sm:hidden" aria-label={T.listLabel[lang]} data-testid="matrix-list">
        {matrix.rows.map((r) => (
          <li key={r.actor.slug} className="border-t border-rule pt-3" data-actor={r.actor.slug}>
            <h3 className="flex items-baseline justify-between gap-2 font-semibold">
              <span>{actorLink(r.actor)}</span>
              <span className="text-xs font-normal text-muted">
                {commitmentsCount(r.count, lang)}
              </span>
            </h3>
            <ul className="mt-2 space-y-3">
              {r.commitments.map((c) => (
                <li key={c.slug} data-commitment={c.slug} className="text-sm">
                  <a href={links.commitment(c.slug)} className="font-medium text-accent underline">
                    {KIND[c.kind][lang]}
                  </a>
                  <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
                    <StageBadge stage={c.stageAsOf} lang={lang} />
                    <StageDate c={c} lang={lang} />
                    <Reliability c={c} lang={lang} />
                  </div>
                  <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
                    <span className="text-muted">{T.conditions[lang]}:</span>
                    <ConditionCodes tags={c.conditions} lang={lang} />
                  </div>
                  <div className="mt-1 text-xs">
                    <Binding form={c.legalForm} approval={c.parliamentaryApproval} lang={lang} compact />
                  </div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>

      {/* From sm: actors × kinds. The actor column stays in view while the kinds scroll. */}
      <div className="hidden sm:block">
        {matrix.columns.length > 6 && (
          <p className="mb-1 text-right text-xs text-muted print:hidden" aria-hidden="true">
            {T.scrollHint[lang]} →
          </p>
        )}
        <div className="relative overflow-x-auto border-y border-rule" data-testid="matrix-table">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{T.tableCaption[lang]}</caption>
            <thead>
              <tr className="border-b border-rule text-left align-bottom">
                <th scope="col" className="sticky left-0 z-10 bg-canvas py-2 pr-3 pl-1 font-medium">
                  {T.actor[lang]}
                </th>
                {matrix.columns.map((k) => (
                  <th key={k} scope="col" className="min-w-[7.25rem] px-1.5 py-2 text-xs font-semibold tracking-wide text-muted uppercase">
                    <abbr title={KIND[k][lang]} aria-hidden="true" className="no-underline">
                      {KIND_SHORT[k][lang]}
                    </abbr>
                    <span className="sr-only">{KIND[k][lang]}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((r) => (
                <tr key={r.actor.slug} className="border-b border-rule align-top last:border-b-0" data-actor={r.actor.slug}>
                  <th scope="row" className="sticky left-0 z-10 bg-canvas py-2 pr-3 pl-1 text-left font-medium">
                    <span className="block whitespace-nowrap">{actorLink(r.actor)}</span>
                    <span className="block text-xs font-normal text-muted">
                      {r.actor.iso2 && <span className="font-mono">{r.actor.iso2} · </span>}
                      {commitmentsCount(r.count, lang)}
                    </span>
                  </th>
                  {matrix.columns.map((k) => {
                    const cell = r.cells[k];
                    if (!cell) {
                      return (
                        <td key={k} className="px-1.5 py-2 text-muted">
                          <span aria-hidden="true">–</span>
                          <span className="sr-only">{T.nothing[lang]}</span>
                        </td>
                      );
                    }
                    const c = cell.primary;
                    const more = cell.commitments.length - 1;
                    return (
                      <td key={k} className="px-1.5 py-2" data-commitment={c.slug}>
                        <a href={links.commitment(c.slug)} title={c.title} className="group inline-block rounded-sm">
                          <span className="sr-only">
                            {name(r.actor)}, {KIND[k][lang]}:{" "}
                          </span>
                          <span className="group-hover:underline">
                            <StageBadge stage={c.stageAsOf} lang={lang} />
                          </span>
                        </a>
                        <div className="mt-0.5">
                          <StageDate c={c} lang={lang} />
                          <Reliability c={c} lang={lang} />
                        </div>
                        <div className="mt-1 text-xs">
                          <ConditionCodes tags={c.conditions} lang={lang} />
                        </div>
                        <div className="mt-1 text-xs">
                          <Binding form={c.legalForm} approval={c.parliamentaryApproval} lang={lang} compact />
                        </div>
                        {more > 0 && (
                          <p className="mt-1 text-xs text-muted">
                            +{more} {T.more[lang]}:{" "}
                            {cell.commitments.slice(1).map((o, i) => (
                              <span key={o.slug}>
                                {i > 0 && ", "}
                                <a href={links.commitment(o.slug)} title={o.title} className="text-accent underline">
                                  {STAGE[o.stageAsOf][lang]}
                                  <span className="sr-only"> ({o.title})</span>
                                </a>
                              </span>
                            ))}
                          </p>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
