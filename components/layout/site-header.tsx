import Link from "next/link";
import { COMMON } from "@/lib/i18n/common";
import type { Lang } from "@/lib/i18n";

const NAV = [
  ["/", "overview"],
  ["/commitments", "commitments"],
  ["/timeline", "timeline"],
  ["/map", "map"],
  ["/polls", "polls"],
  ["/capacity", "capacity"],
  ["/countries", "countries"],
  ["/sources", "sources"],
  ["/search", "search"],
  ["/data", "data"],
] as const;

/** Site header: name, navigation (keeping language and as-of date) and the language switch. */
export function SiteHeader({ lang, url }: { lang: Lang; url: URL }) {
  const keep = new URLSearchParams();
  if (lang === "uk") keep.set("lang", "uk");
  const asOf = url.searchParams.get("asOf");
  if (asOf) keep.set("asOf", asOf);
  const suffix = keep.toString() ? `?${keep}` : "";
  const switched = new URLSearchParams(url.searchParams);
  if (lang === "uk") switched.delete("lang");
  else switched.set("lang", "uk");
  const switchHref = url.pathname + (switched.toString() ? `?${switched}` : "");
  const current = (href: string) => (href === "/" ? url.pathname === "/" : url.pathname.startsWith(href));

  return (
    <header className="border-b border-rule print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href={`/${suffix}`} className="font-semibold tracking-tight">
          {COMMON.siteName[lang]}
        </Link>
        <a href={switchHref} hrefLang={lang === "uk" ? "en" : "uk"} lang={lang === "uk" ? "en" : "uk"} className="text-sm text-accent underline">
          {COMMON.switchTo[lang]}
        </a>
      </div>
      <nav aria-label={lang === "uk" ? "Розділи" : "Sections"} className="mx-auto max-w-6xl px-4 pb-2">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {NAV.map(([href, key]) => (
            <li key={href} className="shrink-0">
              <Link
                href={`${href}${suffix}`}
                aria-current={current(href) ? "page" : undefined}
                className="inline-block py-1 text-muted hover:text-ink aria-[current=page]:font-semibold aria-[current=page]:text-ink"
              >
                {COMMON.nav[key][lang]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
