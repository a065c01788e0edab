import type { Lang } from "@/lib/i18n";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { viewHref, type Params } from "@/lib/url";

/** Previous/next links and "page 2 of 7" for the list below the chart (stable ?page= URLs). */
export function TimelinePager({ lang, page, pages, params }: { lang: Lang; page: number; pages: number; params: Params }) {
  if (pages <= 1) return null;
  const href = (n: number) => viewHref("/timeline", params, { page: n > 1 ? String(n) : null }) + "#list";
  return (
    <nav aria-label={TIMELINE.pages[lang]} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm print:hidden">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev" className="text-accent underline">
          ← {TIMELINE.newer[lang]}
        </a>
      ) : (
        <span className="text-muted">← {TIMELINE.newer[lang]}</span>
      )}
      <span aria-current="page">{TIMELINE.pageOf[lang].replace("{page}", String(page)).replace("{pages}", String(pages))}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next" className="text-accent underline">
          {TIMELINE.older[lang]} →
        </a>
      ) : (
        <span className="text-muted">{TIMELINE.older[lang]} →</span>
      )}
    </nav>
  );
}
