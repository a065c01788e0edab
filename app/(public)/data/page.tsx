import type { Metadata } from "next";
import { headers } from "next/headers";
import { CSV_TABLES, ENTITIES } from "@/lib/export/fields";
import { encodeCursor } from "@/lib/api/params";
import { getBundle } from "@/lib/db/api/bulk";
import { listPublicRecords } from "@/lib/db/api/records";
import { LICENCE, publicOrigin } from "@/lib/export/about";
import { ARCHIVE_NAME, type BundleFile } from "@/lib/export/bundle";
import { formatDate, formatNumber } from "@/lib/format";
import { CommitmentKind } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { KIND } from "@/lib/i18n/labels";
import { DATA } from "@/lib/i18n/messages/data";
import { requestLang } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Data & API",
  description: "Bulk CSV and JSON downloads with a data dictionary, a JSON API with an OpenAPI document, and Atom feeds of published changes. CC BY 4.0.",
};

const SECTIONS = ["downloads", "cite", "licence", "api", "feeds", "dictionary"] as const;
const FEED_COUNTRIES = ["gb", "fr", "de", "pl", "it", "us"];
const kb = (bytes: number, lang: Lang) => `${formatNumber(Math.round(bytes / 102.4) / 10, lang)} KB`;

function Code({ children }: { children: string }) {
  return (
    // Focusable, so that keyboard users can scroll a long line into view.
    <pre tabIndex={0} className="overflow-x-auto rounded border border-rule bg-subtle p-3 text-xs leading-relaxed">
      <code>{children}</code>
    </pre>
  );
}

export default async function DataPage() {
  const [lang, h, bundle] = await Promise.all([requestLang(), headers(), getBundle()]);
  const origin = publicOrigin() ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  const t = <K extends keyof typeof DATA>(k: K) => (DATA[k] as { en: string; uk: string })[lang];
  const file = (name: string) => bundle.files.find((f) => f.name === name) as BundleFile;
  const archive = file(ARCHIVE_NAME);
  const sample = await listPublicRecords("polls", { country: ["GB"], limit: 1 });
  const sampleBody = sample.ok
    ? {
        data: sample.records,
        next: sample.next === null ? null : encodeCursor(sample.next),
        meta: { release: bundle.release, dataAsOf: bundle.manifest.dataAsOf, asOf: null, count: sample.records.length, total: sample.total, limit: 1, licence: LICENCE.data.name },
      }
    : null;
  const bulkUrl = `${origin}/api/v1/bulk`;

  return (
    <article className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{t("intro")}</p>
        <p className="text-sm" data-testid="release">
          {t("release")} <strong>{bundle.release}</strong>
          {bundle.dataAsOf && (
            <>
              {", "}
              {t("dataAsOf")} <time dateTime={bundle.dataAsOf.toISOString()}>{formatDate(bundle.dataAsOf, "DAY", lang)}</time>
            </>
          )}
          {bundle.manifest.releaseNote && (
            <span className="text-muted">
              {" · "}
              {t("releaseNote")}: {bundle.manifest.releaseNote}
            </span>
          )}
        </p>
        <nav aria-label={t("contents")} className="text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {SECTIONS.map((s) => (
              <li key={s}>
                <a href={`#${s}`} className="text-accent underline">
                  {t(s)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section id="downloads" aria-labelledby="downloads-h" className="space-y-4">
        <h2 id="downloads-h" className="text-xl font-semibold">
          {t("downloads")}
        </h2>
        <p className="max-w-3xl text-sm text-muted">{t("regenerated")}</p>
        <p>
          <a href={`/api/v1/bulk/${ARCHIVE_NAME}`} className="font-semibold text-accent underline" download>
            {t("archive")}
          </a>{" "}
          <span className="text-sm text-muted">
            ({kb(archive.bytes.length, lang)}, SHA-256 <code className="break-all">{archive.sha256}</code>)
          </span>
        </p>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("files")}</caption>
          <thead>
            <tr className="border-b border-rule text-left">
              <th scope="col" className="py-1 pr-3 font-semibold">{t("table")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-semibold">{t("rows")}</th>
              <th scope="col" className="py-1 font-semibold">{t("files")}</th>
            </tr>
          </thead>
          <tbody>
            {CSV_TABLES.map((table) => {
              const csv = file(`${table}.csv`);
              const json = bundle.files.find((f) => f.name === `${table}.json`);
              return (
                <tr key={table} className="border-b border-rule align-top">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <a href={`#table-${table}`} className="underline">
                      {table}
                    </a>
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(csv.rows ?? 0, lang)}</td>
                  <td className="py-1">
                    <span className="mr-4 inline-block">
                      <a href={`/api/v1/bulk/${csv.name}`} className="text-accent underline" download>
                        CSV
                      </a>{" "}
                      <span className="text-muted">{kb(csv.bytes.length, lang)}</span>
                    </span>
                    {json ? (
                      <span className="inline-block">
                        <a href={`/api/v1/bulk/${json.name}`} className="text-accent underline">
                          JSON
                        </a>{" "}
                        <span className="text-muted">{kb(json.bytes.length, lang)}</span>
                      </span>
                    ) : (
                      <span className="inline-block text-muted">{t("nested")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            <a href="/api/v1/bulk/manifest.json" className="text-accent underline">manifest.json</a> — {t("manifest")}
          </li>
          <li>
            <a href="/api/v1/bulk/dictionary.json" className="text-accent underline">dictionary.json</a> — {t("dictionaryJson")}
          </li>
          <li>
            {/* A file served by the API, not a page: a plain link, no client-side navigation. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/api/v1/bulk/SHA256SUMS" className="text-accent underline">SHA256SUMS</a> — {t("checksums")}
          </li>
        </ul>
      </section>

      <section id="cite" aria-labelledby="cite-h" className="space-y-3">
        <h2 id="cite-h" className="text-xl font-semibold">
          {t("cite")}
        </h2>
        <p className="max-w-3xl text-sm">{t("citeText")}</p>
        <blockquote className="max-w-3xl border-l-4 border-accent bg-subtle p-3 text-sm" data-testid="citation">
          {bundle.manifest.citation}
        </blockquote>
        <p className="text-sm">
          <a href="/api/v1/bulk/CITATION.cff" className="text-accent underline">
            CITATION.cff
          </a>{" "}
          — {t("citationFile")}
        </p>
      </section>

      <section id="licence" aria-labelledby="licence-h" className="space-y-3">
        <h2 id="licence-h" className="text-xl font-semibold">
          {t("licence")}
        </h2>
        <p className="max-w-3xl text-sm">
          {t("licenceText")}{" "}
          <a href={LICENCE.data.url} className="text-accent underline" rel="license noopener">
            {LICENCE.data.name}
          </a>
        </p>
      </section>

      <section id="api" aria-labelledby="api-h" className="space-y-4">
        <h2 id="api-h" className="text-xl font-semibold">
          {t("api")}
        </h2>
        <p className="max-w-3xl text-sm">{t("apiIntro")}</p>
        <p className="text-sm">
          <a href="/api/v1/openapi.json" className="font-semibold text-accent underline">
            /api/v1/openapi.json
          </a>{" "}
          — {t("openapi")}
        </p>
        <h3 className="font-semibold">{t("endpoints")}</h3>
        <div>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-rule text-left">
                <th scope="col" className="py-1 pr-3 font-semibold">{t("endpoint")}</th>
                <th scope="col" className="py-1 font-semibold">{t("returns")}</th>
              </tr>
            </thead>
            <tbody>
              {ENTITIES.flatMap((e) => [
                <tr key={e} className="border-b border-rule">
                  <td className="py-1 pr-3 font-mono text-xs break-all">
                    <a href={`/api/v1/${e}`} className="text-accent underline">{`GET /api/v1/${e}`}</a>
                  </td>
                  <td className="py-1">{t("listOf")}</td>
                </tr>,
                <tr key={`${e}-one`} className="border-b border-rule">
                  <td className="py-1 pr-3 font-mono text-xs break-all">{`GET /api/v1/${e}/{idOrSlug}`}</td>
                  <td className="py-1">{t("oneOf")}</td>
                </tr>,
              ])}
            </tbody>
          </table>
        </div>
        <h3 className="font-semibold">{t("parameters")}</h3>
        <p className="max-w-3xl text-sm">{t("paramsText")}</p>
        <h3 className="font-semibold">{t("paging")}</h3>
        <p className="max-w-3xl text-sm">{t("pagingText")}</p>
        <h3 className="font-semibold">{t("examples")}</h3>
        <Code>{`# UK and French troop offers as they stood on 4 September 2025
curl "${origin}/api/v1/commitments?kind=TROOPS&actor=gb,fr&asOf=2025-09-04"

# Only re-download when something changed
curl -H 'If-None-Match: "<ETag of your last copy>"' "${origin}/api/v1/polls"`}</Code>
        <Code>{`# Python: every published commitment, page by page
import requests, pandas as pd

url, params, rows = "${origin}/api/v1/commitments", {"limit": 500}, []
while True:
    page = requests.get(url, params=params, timeout=30).json()
    rows += page["data"]
    if page["next"] is None:
        break
    params["cursor"] = page["next"]
commitments = pd.json_normalize(rows)

# or a whole table at once
polls = pd.read_csv("${bulkUrl}/polls.csv")`}</Code>
        <Code>{`# R
polls <- read.csv("${bulkUrl}/polls.csv", encoding = "UTF-8")
stages <- read.csv("${bulkUrl}/commitment_stages.csv", encoding = "UTF-8")`}</Code>
        {sampleBody && (
          <>
            <p className="text-sm text-muted">
              <code>GET /api/v1/polls?country=GB&amp;limit=1</code>
            </p>
            <Code>{JSON.stringify(sampleBody, null, 2)}</Code>
          </>
        )}
        <h3 className="font-semibold">{t("caching")}</h3>
        <p className="max-w-3xl text-sm">{t("cachingText")}</p>
        <p className="max-w-3xl text-sm" data-testid="rate-limit">
          {t("rateLimit")}
        </p>
      </section>

      <section id="feeds" aria-labelledby="feeds-h" className="space-y-3">
        <h2 id="feeds-h" className="text-xl font-semibold">
          {t("feeds")}
        </h2>
        <p className="max-w-3xl text-sm">{t("feedsText")}</p>
        <ul className="space-y-2 text-sm">
          <li>
            {t("allChanges")}:{" "}
            <a href="/api/v1/feeds/changes.atom" className="text-accent underline" type="application/atom+xml">
              /api/v1/feeds/changes.atom
            </a>
          </li>
          <li>
            {t("byCountry")} (<code>/api/v1/feeds/countries/&#123;iso2&#125;.atom</code>):{" "}
            {FEED_COUNTRIES.map((c, i) => (
              <span key={c}>
                {i > 0 && ", "}
                <a href={`/api/v1/feeds/countries/${c}.atom`} className="text-accent underline" type="application/atom+xml">
                  {c}.atom
                </a>
              </span>
            ))}
            , …
          </li>
          <li>
            {t("byKind")} (<code>/api/v1/feeds/kinds/&#123;kind&#125;.atom</code>):{" "}
            {(Object.values(CommitmentKind) as CommitmentKind[]).map((k, i) => (
              <span key={k}>
                {i > 0 && ", "}
                <a href={`/api/v1/feeds/kinds/${k}.atom`} className="text-accent underline" type="application/atom+xml">
                  {KIND[k][lang]}
                </a>
              </span>
            ))}
          </li>
        </ul>
      </section>

      <section id="dictionary" aria-labelledby="dictionary-h" className="space-y-4">
        <h2 id="dictionary-h" className="text-xl font-semibold">
          {t("dictionary")}
        </h2>
        <p className="max-w-3xl text-sm">{t("dictionaryText")}</p>
        <h3 className="font-semibold">{t("conventions")}</h3>
        <ul lang="en" className="max-w-3xl list-disc space-y-1 pl-5 text-sm">
          {bundle.dictionary.conventions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {bundle.dictionary.tables.map((table) => (
          <details key={table.name} id={`table-${table.name}`} className="rounded border border-rule" lang="en">
            <summary className="cursor-pointer px-3 py-2 font-semibold">
              {table.file} <span className="font-normal text-muted">— {table.rowIs}</span>
            </summary>
            <div className="space-y-2 px-3 pb-3">
              <p className="text-sm text-muted">
                {t("key")}: <code>{table.key.join(", ")}</code>
                {table.json && (
                  <>
                    {" · JSON: "}
                    <code>{table.json}</code>
                  </>
                )}
              </p>
              {/* On phones each column is a block (name and type, meaning, values) instead of a wide table row. */}
              <table className="w-full border-collapse text-sm max-sm:block">
                <thead className="max-sm:sr-only">
                  <tr className="border-b border-rule text-left align-bottom">
                    <th scope="col" className="py-1 pr-3 font-semibold">{t("column")}</th>
                    <th scope="col" className="py-1 pr-3 font-semibold">{t("type")}</th>
                    <th scope="col" className="py-1 pr-3 font-semibold">{t("meaning")}</th>
                    <th scope="col" className="py-1 font-semibold">{t("values")}</th>
                  </tr>
                </thead>
                <tbody className="max-sm:block">
                  {table.columns.map((c) => (
                    <tr key={c.name} className="border-b border-rule align-top max-sm:block max-sm:py-2">
                      <th scope="row" className="py-1 pr-3 text-left font-mono text-xs font-normal max-sm:inline max-sm:font-semibold">
                        {c.name}
                      </th>
                      <td className="py-1 pr-3 text-xs max-sm:inline max-sm:text-muted">
                        {c.type}
                        {c.nullable && (
                          <span className="block text-muted max-sm:inline">
                            <span className="sm:hidden"> · </span>
                            {t("optional")}
                          </span>
                        )}
                      </td>
                      <td className="py-1 pr-3 max-sm:block">{c.meaning}</td>
                      <td className="py-1 text-xs max-sm:block">
                        {c.values?.map((v) => (
                          <span key={v.value} className="block">
                            <code>{v.value}</code>
                            {v.label && <span className="text-muted"> {v.label}</span>}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))}
      </section>
    </article>
  );
}
