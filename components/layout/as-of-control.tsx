import { COMMON } from "@/lib/i18n/common";
import type { Lang } from "@/lib/i18n";
import { todayIso } from "@/lib/schemas/common";

/**
 * "As of" date control: a plain GET form, so it works without JavaScript and the date lands in
 * the URL. Other view parameters ride along as hidden fields.
 */
export function AsOfControl({ lang, asOf, keep }: { lang: Lang; asOf: string; keep: Record<string, string | undefined> }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 text-sm print:hidden">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <label className="flex flex-col gap-1">
        <span className="text-muted">{COMMON.asOf[lang]}</span>
        <input
          type="date"
          name="asOf"
          defaultValue={asOf}
          max={todayIso()}
          min="2025-01-01"
          aria-describedby="asof-help"
          className="rounded border border-rule bg-surface px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded border border-rule bg-surface px-3 py-1 font-medium hover:border-ink">
        {COMMON.apply[lang]}
      </button>
      <span id="asof-help" className="sr-only">
        {COMMON.asOfHelp[lang]}
      </span>
    </form>
  );
}
