import type { Metadata } from "next";
import { ParamError } from "@/components/layout/param-error";
import { search, type SearchType } from "@/lib/db/search";
import { SEARCH } from "@/lib/i18n/messages/search";
import { requestLang } from "@/lib/i18n/server";
import { parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { SearchParams } from "@/lib/schemas/views/pages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

const TYPES: SearchType[] = ["actor", "commitment", "event", "claim", "source"];

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(SearchParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref="/search" />;
  const q = parsed.value.q ?? "";
  const hits = q ? await search(q) : null;
  const total = hits ? TYPES.reduce((n, t) => n + hits[t].length, 0) : 0;
  const suffix = lang === "uk" ? "?lang=uk" : "";

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{SEARCH.title[lang]}</h1>
      <form method="get" role="search" className="flex max-w-2xl flex-wrap gap-2">
        {lang === "uk" && <input type="hidden" name="lang" value="uk" />}
        <label htmlFor="q" className="sr-only">
          {SEARCH.label[lang]}
        </label>
        <input
          id="q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          placeholder={SEARCH.label[lang]}
          className="min-w-0 flex-1 rounded border border-rule bg-surface px-3 py-2"
        />
        <button type="submit" className="rounded border border-ink bg-ink px-4 py-2 font-medium text-canvas">
          {SEARCH.button[lang]}
        </button>
      </form>
      {!hits ? (
        <p className="text-muted">{SEARCH.prompt[lang]}</p>
      ) : total === 0 ? (
        <p role="status">
          {SEARCH.none[lang]} “{q}”.
        </p>
      ) : (
        <>
          <p role="status" className="text-sm text-muted">
            {total} {SEARCH.results[lang]}
          </p>
          {TYPES.filter((t) => hits[t].length > 0).map((t) => (
            <section key={t} aria-labelledby={`results-${t}`}>
              <h2 id={`results-${t}`} className="text-lg font-semibold">
                {SEARCH.types[t][lang]} <span className="text-muted">({hits[t].length})</span>
              </h2>
              <ul className="mt-2 divide-y divide-rule">
                {hits[t].map((h) => (
                  <li key={h.slug} className="py-2">
                    <a href={h.href.includes("#") ? h.href.replace("#", `${suffix}#`) : h.href + suffix} className="font-medium text-accent underline">
                      {h.title}
                    </a>
                    {h.snippet && t !== "source" && <p className="line-clamp-2 text-sm text-muted">{h.snippet}</p>}
                    {t === "source" && h.snippet && <p className="truncate text-xs text-muted">{h.snippet}</p>}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
