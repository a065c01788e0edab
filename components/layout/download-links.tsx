import { COMMON } from "@/lib/i18n/common";
import type { Lang } from "@/lib/i18n";
import { viewHref, type Params } from "@/lib/url";

/** "Download this view" as CSV and JSON: the same parameters, served by the view's download route. */
export function DownloadLinks({ lang, path, params }: { lang: Lang; path: string; params: Params }) {
  return (
    <p className="text-sm print:hidden">
      <span className="text-muted">{COMMON.download[lang]}:</span>{" "}
      <a href={viewHref(path, params, { format: "csv", lang: null })} className="text-accent underline" download>
        CSV
      </a>
      {" · "}
      <a href={viewHref(path, params, { format: "json", lang: null })} className="text-accent underline" download>
        JSON
      </a>
    </p>
  );
}
