// Citations in full: outlet (and the outlet a copy reproduces), title, date, link and the quote.
import { formatDate } from "@/lib/format";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";

export type FullCitation = {
  quote: string | null;
  note: string | null;
  source: {
    url: string;
    outlet: string;
    originalOutlet: string | null;
    title: string | null;
    publishedOn: Date | null;
    publishedPrecision: DatePrecision;
  };
};

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

export function CitationList({ citations, lang, compact = false }: { citations: FullCitation[]; lang: Lang; compact?: boolean }) {
  if (citations.length === 0) return null;
  return (
    <ol className={compact ? "mt-1 space-y-1 text-sm" : "mt-2 space-y-3 text-sm"}>
      {citations.map((c) => {
        const s = c.source;
        const outlet = s.originalOutlet ? `${s.originalOutlet} (${lang === "uk" ? "через" : "via"} ${s.outlet})` : s.outlet;
        return (
          <li key={s.url} className="break-words">
            <a href={s.url} className="font-medium text-accent underline" rel="noopener noreferrer nofollow">
              {outlet}
            </a>
            {!compact && s.title && <span>: {s.title}</span>}
            {s.publishedOn && (
              <span className="text-muted">
                {" "}
                · <time dateTime={s.publishedOn.toISOString().slice(0, 10)}>{formatDate(s.publishedOn, s.publishedPrecision, lang)}</time>
              </span>
            )}
            {!compact && <span className="text-muted"> · {host(s.url)}</span>}
            {c.quote && (
              <blockquote className="mt-0.5 border-l-2 border-rule pl-2 text-muted italic">“{c.quote}”</blockquote>
            )}
            {!compact && c.note && <p className="text-xs text-muted">{c.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
