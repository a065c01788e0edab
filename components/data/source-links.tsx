import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";

export type SourceRef = { url: string; outlet: string; originalOutlet?: string | null; quote?: string | null };

/** "Sources: Reuters (via CNA); TASS" as links; a copy names the outlet it reproduces. */
export function SourceLinks({ sources, lang = "en", label = true }: { sources: SourceRef[]; lang?: Lang; label?: boolean }) {
  if (sources.length === 0) return null;
  return (
    <p className="text-sm text-muted">
      {label && <>{COMMON.sources[lang]}: </>}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 && "; "}
          <a href={s.url} className="text-accent underline" rel="noopener noreferrer nofollow">
            {s.originalOutlet ? `${s.originalOutlet} (${lang === "uk" ? "через" : "via"} ${s.outlet})` : s.outlet}
          </a>
        </span>
      ))}
      {sources.length === 1 && <span> · {lang === "uk" ? "одне джерело" : "single source"}</span>}
    </p>
  );
}
