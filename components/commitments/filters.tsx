// The commitments view's filters: a plain GET form (works without JavaScript) with the current
// values ticked, facet counts beside each value, chips that remove one value, and sort links.
import { APPROVAL_ORDER, FILTER_KEYS, GROUP_ORDER, KIND_ORDER, LEGAL_FORM_ORDER, type FacetCounts } from "@/lib/charts/commitment-matrix";
import { CONDITION_FILTERS, NO_CONDITION, SORTS, type CommitmentsParams, type MatrixSort } from "@/lib/schemas/views/commitments";
import type { Lang } from "@/lib/i18n";
import { APPROVAL, CONDITION, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import { COMMITMENTS as T, CONDITION_ABBR, GROUP } from "@/lib/i18n/messages/commitments";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { viewHref, type Params } from "@/lib/url";

type Key = (typeof FILTER_KEYS)[number];

/** The label of one filter value in a language. */
export function filterValueLabel(key: Key, value: string, lang: Lang): string {
  switch (key) {
    case "kind":
      return KIND[value as keyof typeof KIND][lang];
    case "stage":
      return STAGE[value as keyof typeof STAGE][lang];
    case "condition":
      return value === NO_CONDITION ? T.noCondition[lang] : CONDITION[value as keyof typeof CONDITION][lang];
    case "legalForm":
      return LEGAL_FORM[value as keyof typeof LEGAL_FORM][lang];
    case "approval":
      return APPROVAL[value as keyof typeof APPROVAL][lang];
    case "group":
      return GROUP[value as keyof typeof GROUP][lang];
  }
}

const OPTIONS: Record<Key, readonly string[]> = {
  kind: KIND_ORDER,
  stage: STAGE_ORDER,
  condition: CONDITION_FILTERS,
  legalForm: LEGAL_FORM_ORDER,
  approval: APPROVAL_ORDER,
  group: GROUP_ORDER,
};

/** The URL parameters of a parsed view (lists joined with commas, empties dropped). */
export function viewParams(p: CommitmentsParams): Params {
  return {
    asOf: p.asOf,
    lang: p.lang === "uk" ? "uk" : undefined,
    sort: p.sort,
    ...Object.fromEntries(FILTER_KEYS.map((k) => [k, p[k]?.length ? p[k]!.join(",") : undefined])),
  };
}

export function CommitmentFilters({
  lang,
  params,
  counts,
  path = "/commitments",
}: {
  lang: Lang;
  params: CommitmentsParams;
  counts: FacetCounts;
  path?: string;
}) {
  const base = viewParams(params);
  const active = FILTER_KEYS.flatMap((k) => (params[k] ?? []).map((v) => ({ key: k, value: v as string })));
  const clearHref = viewHref(path, { asOf: base.asOf, lang: base.lang, sort: base.sort });

  return (
    <section aria-labelledby="filters-heading" className="space-y-3 print:hidden">
      <form method="get" action={path} className="rounded border border-rule bg-subtle p-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="filters-heading" className="font-semibold">
            {T.filters[lang]}
          </h2>
          <p id="filters-help" className="text-xs text-muted">
            {T.filtersHelp[lang]}
          </p>
        </div>
        {base.lang && <input type="hidden" name="lang" value="uk" />}
        {base.asOf && <input type="hidden" name="asOf" value={String(base.asOf)} />}
        {base.sort && <input type="hidden" name="sort" value={String(base.sort)} />}
        <div className="mt-2 grid items-start gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {FILTER_KEYS.map((key) => {
            const chosen = (params[key] ?? []) as string[];
            return (
              <details key={key} open={chosen.length > 0 || undefined} className="rounded border border-rule bg-surface">
                <summary className="cursor-pointer px-2 py-1.5 text-sm font-medium">
                  {T.filter[key][lang]}{" "}
                  <span className="font-normal text-muted">
                    ({chosen.length ? `${chosen.length} ${T.selected[lang]}` : T.any[lang]})
                  </span>
                </summary>
                <fieldset className="px-2 pb-2" aria-describedby="filters-help">
                  <legend className="sr-only">{T.filter[key][lang]}</legend>
                  <ul className="space-y-0.5 text-sm">
                    {OPTIONS[key].map((value) => {
                      const id = `f-${key}-${value}`;
                      const n = counts[key][value] ?? 0;
                      return (
                        <li key={value} className="flex items-start gap-2">
                          <input
                            id={id}
                            type="checkbox"
                            name={key}
                            value={value}
                            defaultChecked={chosen.includes(value)}
                            className="mt-1 accent-[var(--accent)]"
                          />
                          <label htmlFor={id} className={`flex-1 ${n === 0 && !chosen.includes(value) ? "text-muted" : ""}`}>
                            {filterValueLabel(key, value, lang)}
                            {key === "condition" && value !== NO_CONDITION && (
                              <span className="ml-1 font-mono text-xs text-muted">
                                {CONDITION_ABBR[value as keyof typeof CONDITION_ABBR][lang]}
                              </span>
                            )}
                          </label>
                          <span className="text-xs text-muted tabular-nums">{n}</span>
                        </li>
                      );
                    })}
                  </ul>
                </fieldset>
              </details>
            );
          })}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          <button type="submit" className="rounded border border-ink bg-ink px-3 py-1 font-medium text-canvas hover:opacity-90">
            {T.applyFilters[lang]}
          </button>
          {active.length > 0 && (
            <a href={clearHref} className="text-accent underline">
              {T.clearFilters[lang]}
            </a>
          )}
        </div>
      </form>

      {active.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <h3 className="text-muted">{T.activeFilters[lang]}:</h3>
          <ul className="flex flex-wrap gap-2" aria-label={T.activeFilters[lang]}>
            {active.map(({ key, value }) => {
              const rest = ((params[key] ?? []) as string[]).filter((v) => v !== value);
              const href = viewHref(path, base, { [key]: rest.length ? rest.join(",") : null });
              const text = `${T.filter[key][lang]}: ${filterValueLabel(key, value, lang)}`;
              return (
                <li key={`${key}-${value}`}>
                  <a
                    href={href}
                    aria-label={`${T.removeFilter[lang]} — ${text}`}
                    className="inline-flex items-center gap-1 rounded-full border border-rule bg-surface px-2 py-0.5 hover:border-ink"
                  >
                    {text} <span aria-hidden="true">×</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Sort links: each sets ?sort= and keeps everything else. */
export function SortLinks({ lang, params, current, path = "/commitments" }: { lang: Lang; params: CommitmentsParams; current: MatrixSort; path?: string }) {
  const base = viewParams(params);
  return (
    <nav aria-label={T.sort[lang]} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm print:hidden">
      <span className="text-muted" aria-hidden="true">
        {T.sort[lang]}:
      </span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {SORTS.map((s) => (
          <li key={s}>
            <a
              href={viewHref(path, base, { sort: s === "actor" ? null : s })}
              aria-current={s === current ? "true" : undefined}
              className="text-accent underline aria-[current=true]:font-semibold aria-[current=true]:text-ink aria-[current=true]:no-underline"
            >
              {T.sorts[s][lang]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
