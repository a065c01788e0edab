import type { Lang } from "@/lib/i18n";
import { POLLS } from "@/lib/i18n/messages/polls";
import { OPPOSE_FILL, SUPPORT_FILL } from "@/components/charts/polls-palette";

/** Key of the polls chart: the bar's colours with their words (the figures are also written out). */
export function PollLegend({ lang }: { lang: Lang }) {
  const item = (cls: string, label: string) => (
    <span className="inline-flex items-center gap-1.5">
      <svg width="14" height="12" aria-hidden="true">
        <rect x="0" y="0" width="14" height="12" className={cls} />
      </svg>
      {label}
    </span>
  );
  return (
    <p className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
      {item(SUPPORT_FILL, POLLS.support[lang])}
      {item(OPPOSE_FILL, POLLS.oppose[lang])}
      {item("fill-[#8d96a3] dark:fill-[#6f7988]", POLLS.dontKnow[lang])}
      {item("fill-canvas stroke-rule", POLLS.notPublished[lang])}
    </p>
  );
}
