import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Binding } from "@/components/charts/commitment-matrix";
import { CitationList } from "@/components/commitments/citation-list";
import { StageBadge } from "@/components/data/stage-badge";
import { AsOfControl } from "@/components/layout/as-of-control";
import { ParamError } from "@/components/layout/param-error";
import { actorName } from "@/lib/charts/commitment-matrix";
import { getCommitment } from "@/lib/db/commitments";
import { formatDate, formatQuantity } from "@/lib/format";
import { COMMON } from "@/lib/i18n/common";
import { CONDITION, CONFIDENCE, EVENT_KIND, KIND, PRECISION, SITE_KIND } from "@/lib/i18n/labels";
import { COMMITMENTS as T } from "@/lib/i18n/messages/commitments";
import { requestLang } from "@/lib/i18n/server";
import { stageAsOf } from "@/lib/lifecycle";
import { BaseViewParams, asOfDate, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

// Metadata and page share one query per request.
const load = cache(getCommitment);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const c = await load(slug);
  if (!c) return { title: "Not found" };
  return { title: c.title, description: c.summary.slice(0, 200) };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export default async function CommitmentPage({ params, searchParams }: Props) {
  const [{ slug }, raw, lang] = await Promise.all([params, searchParams, requestLang()]);
  const parsed = parseView(BaseViewParams, raw);
  const keepLang = lang === "uk" ? "uk" : undefined;
  if (!parsed.ok) return <ParamError lang={lang} errors={parsed.errors} resetHref={viewHref(`/commitments/${slug}`, { lang: keepLang })} />;
  const c = await load(slug);
  if (!c) notFound();
  const asOf = asOfDate(parsed.value.asOf);
  const keep = { asOf: parsed.value.asOf, lang: keepLang };
  const stage = stageAsOf(c.stages, asOf.end);
  // The stage record in force: the latest one of that stage on or before the date.
  const inForce = stage ? c.stages.filter((s) => s.stage === stage && s.date <= asOf.end).at(-1) : undefined;
  const qty = formatQuantity({ low: c.quantityLow, high: c.quantityHigh, qualifier: c.quantityQualifier, unit: c.quantityUnit }, lang);
  const basis = c.quantityBasis === "OFFICIAL" ? T.official[lang] : c.quantityBasis === "REPORTED_ESTIMATE" ? T.reported[lang] : T.basisUnknown[lang];
  const name = actorName(c.actor, lang);
  const actorHref = viewHref(`/countries/${(c.actor.iso2 ?? c.actor.slug).toLowerCase()}`, keep);

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-muted">
          <a href={viewHref("/commitments", keep)} className="underline">
            ← {T.backToAll[lang]}
          </a>
        </p>
        <p className="text-sm text-muted">
          <a href={actorHref} className="font-medium text-ink underline">
            {name}
          </a>{" "}
          · {KIND[c.kind][lang]}
        </p>
        <h1 className="max-w-4xl text-2xl font-semibold tracking-tight sm:text-3xl">{c.title}</h1>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="stage-as-of">
            <span className="text-muted">
              {T.stageOn[lang]} <time dateTime={asOf.iso}>{formatDate(asOf.end, "DAY", lang)}</time>:
            </span>
            {stage ? (
              <>
                <StageBadge stage={stage} lang={lang} />
                {inForce && (
                  <span className="text-muted">
                    {T.since[lang]} <time dateTime={iso(inForce.date)}>{formatDate(inForce.date, inForce.datePrecision, lang)}</time>
                  </span>
                )}
              </>
            ) : (
              <span>{T.nothing[lang]}</span>
            )}
          </p>
          <AsOfControl lang={lang} asOf={asOf.iso} keep={{ lang: keepLang }} />
        </div>
        {!stage && (
          <p role="note" className="rounded border border-rule bg-subtle p-3 text-sm">
            {T.notYet[lang]}
          </p>
        )}
        <p className="max-w-3xl">{c.summary}</p>
      </header>

      <section aria-labelledby="facts">
        <h2 id="facts" className="text-lg font-semibold">
          {T.facts[lang]}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-0.5 text-sm sm:grid-cols-[14rem_1fr] sm:gap-y-3 [&>dd]:mb-3 sm:[&>dd]:mb-0">
          <dt className="text-muted">{T.kind[lang]}</dt>
          <dd>{KIND[c.kind][lang]}</dd>

          <dt className="text-muted">{T.quantity[lang]}</dt>
          <dd data-testid="quantity">
            {qty ? (
              <>
                {qty} <span className="text-muted">({basis})</span>
              </>
            ) : (
              COMMON.unknown[lang]
            )}
          </dd>

          <dt className="text-muted">{T.conditions[lang]}</dt>
          <dd>
            {c.conditions.length === 0 ? (
              <span className="text-muted">{T.noConditions[lang]}</span>
            ) : (
              <ul className="flex flex-wrap gap-1.5">
                {c.conditions.map((t) => (
                  <li key={t} className="rounded border border-rule px-1.5 py-0.5">
                    {CONDITION[t][lang]}
                  </li>
                ))}
              </ul>
            )}
            {c.conditionNote && (
              <p className="mt-1.5 text-muted">
                <span className="sr-only">{T.conditionNote[lang]}: </span>
                {c.conditionNote}
              </p>
            )}
          </dd>

          <dt className="text-muted">{T.binding[lang]}</dt>
          <dd>
            <Binding form={c.legalForm} approval={c.parliamentaryApproval} lang={lang} />
          </dd>

          <dt className="text-muted">{T.requiredResponse[lang]}</dt>
          <dd>{c.requiredResponse ?? <span className="text-muted">{T.notStated[lang]}</span>}</dd>

          <dt className="text-muted">{T.confidence[lang]}</dt>
          <dd>
            {CONFIDENCE[c.confidence][lang]}
            {" · "}
            {c.singleSource ? <strong className="font-medium">{T.singleSource[lang]}</strong> : <span className="text-muted">{T.multiSource[lang]}</span>}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="lifecycle">
        <h2 id="lifecycle" className="text-lg font-semibold">
          {T.lifecycle[lang]}
        </h2>
        <p className="text-sm text-muted">{T.lifecycleNote[lang]}</p>
        <ol className="mt-3 space-y-4 border-l-2 border-rule pl-4" data-testid="lifecycle">
          {c.stages.map((s) => {
            const later = s.date > asOf.end;
            return (
              <li key={s.id} className="relative" data-later={later || undefined}>
                <span
                  aria-hidden="true"
                  className={`absolute top-1.5 -left-[calc(1rem+6px)] h-2.5 w-2.5 rounded-full border-2 ${later ? "border-muted bg-canvas" : "border-ink bg-ink"}`}
                />
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <time dateTime={iso(s.date)} className="font-medium tabular-nums">
                    {formatDate(s.date, s.datePrecision, lang)}
                  </time>
                  <StageBadge stage={s.stage} lang={lang} />
                  {later && <span className="rounded border border-dashed border-muted px-1.5 text-xs text-muted">{T.later[lang]}</span>}
                  {inForce?.id === s.id && <span className="text-xs text-muted">({T.inForce[lang]})</span>}
                </p>
                {s.note && <p className="mt-1 max-w-3xl text-sm">{s.note}</p>}
                <CitationList citations={s.citations} lang={lang} compact />
              </li>
            );
          })}
        </ol>
      </section>

      {c.sites.length > 0 && (
        <section aria-labelledby="sites">
          <h2 id="sites" className="text-lg font-semibold">
            {T.sites[lang]}
          </h2>
          <ul className="mt-3 space-y-2 text-sm">
            {c.sites.map((s) => (
              <li key={s.slug}>
                <span className="font-medium">{s.name}</span>{" "}
                <span className="text-muted">
                  · {SITE_KIND[s.kind][lang]} ·{" "}
                  {s.precision === "UNDISCLOSED"
                    ? PRECISION.UNDISCLOSED[lang]
                    : [s.city, s.region, s.countryIso2].filter(Boolean).join(", ") || PRECISION[s.precision][lang]}
                  {s.isContext && ` · ${T.context[lang]}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {c.events.length > 0 && (
        <section aria-labelledby="events">
          <h2 id="events" className="text-lg font-semibold">
            {T.events[lang]}
          </h2>
          <ol className="mt-3 space-y-3">
            {c.events.map((e) => {
              const later = e.date > asOf.end;
              return (
                <li key={e.slug} className={`border-l-2 pl-3 ${later ? "border-dashed border-muted" : "border-rule"}`}>
                  <p className="text-sm text-muted">
                    <time dateTime={iso(e.date)}>{formatDate(e.date, e.datePrecision, lang)}</time> · {EVENT_KIND[e.kind][lang]}
                    {later && ` · ${T.later[lang]}`}
                  </p>
                  <p className="font-medium">{e.title}</p>
                  <CitationList citations={e.citations} lang={lang} compact />
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <section aria-labelledby="citations">
        <h2 id="citations" className="text-lg font-semibold">
          {T.allCitations[lang]} ({c.allCitations.length})
        </h2>
        {c.allCitations.length === 0 ? <p className="text-muted">{T.noCitations[lang]}</p> : <CitationList citations={c.allCitations} lang={lang} />}
        <p className="mt-4 text-xs text-muted">
          {T.lastChanged[lang]}: <time dateTime={c.updatedAt.toISOString()}>{formatDate(c.updatedAt, "DAY", lang)}</time> ·{" "}
          <a href={actorHref} className="underline">
            {T.actorPage[lang]}
          </a>
        </p>
      </section>
    </article>
  );
}
