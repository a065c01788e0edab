import { COMMON } from "@/lib/i18n/common";
import { EMBED } from "@/lib/i18n/messages/embed";
import type { Lang } from "@/lib/i18n";
import { viewHref, type Params } from "@/lib/url";

/**
 * "Download this view" as CSV and JSON: the same parameters, served by the view's download route;
 * with `embedHref`, also an "Embed this" link to the embed builder for the view.
 */
export function DownloadLinks({ lang, path, params, embedHref }: { lang: Lang; path: string; params: Params; embedHref?: string }) {
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
      {embedHref && (
        <>
          {" · "}
          <a href={embedHref} className="text-accent underline">
            {EMBED.embedThis[lang]}
          </a>
        </>
      )}
    </p>
  );
}
