import type { Lang } from "@/lib/i18n";
import { fill } from "@/lib/i18n/messages/map";
import { PAGER } from "@/lib/i18n/messages/pager";
import type { Paged } from "@/lib/schemas/page";

/** Links to the pages of a list (first, neighbours, last), with stable URLs from `href`. Nothing when one page. */
export function Pager({ paged, href, lang, list }: { paged: Paged<unknown>; href: (page: number) => string; lang: Lang; list: string }) {
  if (paged.pages <= 1) return null;
  const { page, pages, total, size } = paged;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const link = "rounded px-2 py-1 text-accent underline";
  return (
    <nav aria-label={fill(PAGER.label[lang], { list })} className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm print:hidden">
      <span className="text-muted">
        {fill(PAGER.pageOf[lang], { page, pages })} · {fill(PAGER.showing[lang], { from: (page - 1) * size + 1, to: Math.min(total, page * size), total })}
      </span>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev" className={link}>
          ← {PAGER.prev[lang]}
        </a>
      )}
      {shown.map((n, i) => (
        <span key={n} className="inline-flex items-center gap-1">
          {i > 0 && n - shown[i - 1] > 1 && <span aria-hidden="true">…</span>}
          {n === page ? (
            <span aria-current="page" className="rounded bg-subtle px-2 py-1 font-semibold">
              {n}
            </span>
          ) : (
            <a href={href(n)} aria-label={fill(PAGER.page[lang], { n })} className={link}>
              {n}
            </a>
          )}
        </span>
      ))}
      {page < pages && (
        <a href={href(page + 1)} rel="next" className={link}>
          {PAGER.next[lang]} →
        </a>
      )}
    </nav>
  );
}
