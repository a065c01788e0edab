import type { WordingClass } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { WORDING } from "@/lib/i18n/labels";
import { POLLS } from "@/lib/i18n/messages/polls";
import { todayIso } from "@/lib/schemas/common";

type Country = { iso2: string; label: string; polls: number };

/**
 * The polls filter: a plain GET form (works without JavaScript); the state lands in the URL. Each
 * option shows its polls under the other filters, and options with none are left out by the page.
 * The date stays empty unless one was chosen, so filtering never pins the view to today.
 */
export function PollFilters({
  lang,
  countries,
  classes,
  selected,
  asOf,
  resetHref,
}: {
  lang: Lang;
  countries: Country[];
  classes: readonly { wordingClass: WordingClass; polls: number }[];
  selected: { country: string[]; class: WordingClass[] };
  asOf: string;
  resetHref: string;
}) {
  return (
    <form method="get" className="space-y-3 rounded border border-rule bg-subtle p-3 text-sm print:hidden" aria-label={POLLS.filters[lang]}>
      {lang === "uk" && <input type="hidden" name="lang" value="uk" />}
      <div className="grid gap-3 md:grid-cols-[1fr_1fr_auto]">
        <fieldset>
          <legend className="mb-1 font-semibold">{POLLS.countries[lang]}</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {countries.map((c) => (
              <label key={c.iso2} className="inline-flex items-center gap-1.5">
                <input type="checkbox" name="country" value={c.iso2} defaultChecked={selected.country.includes(c.iso2)} className="accent-[var(--accent)]" />
                {c.label} <span className="text-xs text-muted">({c.polls})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1 font-semibold">{POLLS.classes[lang]}</legend>
          <div className="flex flex-col gap-1">
            {classes.map(({ wordingClass: wc, polls }) => (
              <label key={wc} className="inline-flex items-start gap-1.5">
                <input type="checkbox" name="class" value={wc} defaultChecked={selected.class.includes(wc)} className="mt-1 accent-[var(--accent)]" />
                <span>
                  {WORDING[wc][lang]} <span className="text-xs text-muted">({polls})</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-col gap-2">
          <label className="flex flex-col gap-1">
            <span className="font-semibold">{COMMON.asOf[lang]}</span>
            <input
              type="date"
              name="asOf"
              defaultValue={asOf}
              max={todayIso()}
              min="2025-01-01"
              aria-describedby="polls-asof-help"
              className="rounded border border-rule bg-surface px-2 py-1"
            />
            <span id="polls-asof-help" className="text-xs text-muted">
              {COMMON.asOfHelp[lang]} {POLLS.asOfToday[lang]}
            </span>
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="rounded border border-ink bg-ink px-3 py-1 font-medium text-canvas hover:opacity-90">
              {POLLS.apply[lang]}
            </button>
            <a href={resetHref} className="text-accent underline">
              {POLLS.clear[lang]}
            </a>
          </div>
        </div>
      </div>
    </form>
  );
}
