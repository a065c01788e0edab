import type { Metadata } from "next";
import { DownloadLinks } from "@/components/layout/download-links";
import { ParamError } from "@/components/layout/param-error";
import { SourceLinks } from "@/components/data/source-links";
import { VerificationBadge } from "@/components/data/verification-badge";
import { notFound } from "next/navigation";
import { Pager } from "@/components/layout/pager";
import { claimsByVerification, listSourcesPage } from "@/lib/db/sources";
import { formatDate } from "@/lib/format";
import { fill } from "@/lib/i18n/messages/map";
import type { SourceKind, VerificationStatus } from "@/lib/generated/prisma/enums";
import { SOURCES } from "@/lib/i18n/messages/sources";
import { requestLang } from "@/lib/i18n/server";
import { plural } from "@/lib/i18n/plural";
import { VERIFICATION } from "@/lib/i18n/labels";
import { parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { SourcesParams } from "@/lib/schemas/views/sources";
import { viewHref } from "@/lib/url";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources and what we could not verify" };

const ORDER: VerificationStatus[] = ["UNVERIFIED", "DISPUTED", "REPORTED", "CONFIRMED"];
// Sources per page, and items citing a source listed before the rest are counted: at ×10 data
// (1,670 sources, some cited hundreds of times) a page stays well under 150 KB of gzipped HTML.
const PER_PAGE = 50;
const CITED_SHOWN = 8;

export default async function SourcesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [lang, raw] = await Promise.all([requestLang(), searchParams]);
  const parsed = parseView(SourcesParams, raw);
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref="/sources" />;
  const kinds = parsed.value.kind;
  const page = parsed.value.page ?? 1;
  const [{ total, rows: sources }, claims] = await Promise.all([listSourcesPage({ kinds, page, size: PER_PAGE }), claimsByVerification()]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  // A page past the end is a 404 (the not-found page of this route says so).
  if (page > pages) notFound();
  const base = { lang: lang === "uk" ? "uk" : undefined };
  const pageHref = (n: number) => `${viewHref("/sources", { ...base, kind: kinds }, { page: n === 1 ? undefined : String(n) })}#all-sources`;
  const paged = { items: sources, page, pages, total, size: PER_PAGE };

  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{SOURCES.title[lang]}</h1>
        <p className="mt-2 max-w-3xl text-muted">{SOURCES.intro[lang]}</p>
      </header>

      <section aria-labelledby="claims">
        <h2 id="claims" className="text-lg font-semibold">
          {SOURCES.claims[lang]}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-3 text-sm">
          {ORDER.map((v) => (
            <li key={v}>
              <a href={`#verification-${v.toLowerCase()}`} className="text-accent underline">
                {VERIFICATION[v][lang]} ({claims[v].length})
              </a>
            </li>
          ))}
        </ul>
        {ORDER.map((v) => (
          <div key={v} id={`verification-${v.toLowerCase()}`} className="mt-6">
            <h3 className="font-semibold">
              {v === "UNVERIFIED" ? SOURCES.couldNot[lang] : VERIFICATION[v][lang]}{" "}
              <span className="text-muted">({claims[v].length})</span>
            </h3>
            <ul className="mt-2 space-y-3">
              {claims[v].map((c) => (
                <li key={c.slug} id={`claim-${c.slug}`} className="border-l-2 border-rule pl-3">
                  <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <VerificationBadge status={c.verification} lang={lang} />
                    {c.actor && <span>{c.actor.name}</span>}
                    {c.asOf && <span>{formatDate(c.asOf, c.asOfPrecision, lang)}</span>}
                    {c.origin && <span>· {c.origin}</span>}
                  </p>
                  <p>{c.statement}</p>
                  {c.finding && (
                    <p className="text-sm">
                      <span className="text-muted">{SOURCES.finding[lang]}: </span>
                      {c.finding}
                    </p>
                  )}
                  {c.sources.length ? <SourceLinks sources={c.sources} lang={lang} /> : <p className="text-sm text-muted">{SOURCES.noSource[lang]}</p>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="all-sources" className="space-y-3">
        <h2 id="all-sources" className="text-lg font-semibold">
          {SOURCES.allSources[lang]} <span className="text-muted" data-testid="sources-total">({plural(total, SOURCES.sourceForms, lang)})</span>
        </h2>
        <nav aria-label={SOURCES.kindFilter[lang]} className="flex flex-wrap gap-2 text-sm">
          <a href={viewHref("/sources", base)} aria-current={!kinds ? "true" : undefined} className="rounded border border-rule px-2 py-0.5 aria-[current=true]:bg-subtle aria-[current=true]:font-semibold">
            {SOURCES.all[lang]}
          </a>
          {(Object.keys(SOURCES.kinds) as SourceKind[]).map((k) => (
            <a
              key={k}
              href={viewHref("/sources", base, { kind: k })}
              aria-current={kinds?.length === 1 && kinds[0] === k ? "true" : undefined}
              className="rounded border border-rule px-2 py-0.5 aria-[current=true]:bg-subtle aria-[current=true]:font-semibold"
            >
              {SOURCES.kinds[k][lang]}
            </a>
          ))}
        </nav>
        <DownloadLinks lang={lang} path="/sources/download" params={{ kind: kinds }} />
        <ul className="divide-y divide-rule border-y border-rule">
          {sources.map((s) => (
            <li key={s.url} id={`source-${s.slug}`} className="grid gap-1 py-3 sm:grid-cols-[16rem_1fr]">
              <div>
                <a href={s.url} className="font-medium text-accent underline" rel="noopener noreferrer nofollow">
                  {s.outlet}
                </a>
                <p className="text-xs text-muted">
                  {SOURCES.kinds[s.kind][lang]}
                  {s.originalOutlet && ` · ${SOURCES.copyOf[lang]} ${s.originalOutlet}`}
                  {s.publishedOn && ` · ${formatDate(s.publishedOn, s.publishedPrecision, lang)}`}
                  {s.language && ` · ${s.language}`}
                </p>
                {s.title && <p className="text-sm">{s.title}</p>}
              </div>
              <div className="text-sm">
                <span className="text-muted">{SOURCES.citedBy[lang]}: </span>
                {s.citedBy.length === 0
                  ? SOURCES.notCited[lang]
                  : s.citedBy.slice(0, CITED_SHOWN).map((c, i) => (
                      <span key={`${c.type}:${c.href}`}>
                        {i > 0 && "; "}
                        <a href={c.href} className="underline">
                          {c.label}
                        </a>
                      </span>
                    ))}
                {s.citedBy.length > CITED_SHOWN && <span className="text-muted"> {fill(SOURCES.citedMore[lang], { n: plural(s.citedBy.length - CITED_SHOWN, SOURCES.itemForms, lang) })}</span>}
              </div>
            </li>
          ))}
        </ul>
        <Pager paged={paged} href={pageHref} lang={lang} list={SOURCES.allSources[lang]} />
      </section>
    </div>
  );
}
