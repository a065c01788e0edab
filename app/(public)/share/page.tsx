import type { Metadata } from "next";
import { CopyButton } from "@/components/embed/copy-button";
import { currentRelease } from "@/lib/db/release";
import { chartById } from "@/lib/views/registry";
import { oembedHref } from "@/lib/embed/metadata";
import { CHART_IDS, type ChartId } from "@/lib/embed/model";
import { requestOrigin } from "@/lib/embed/origin";
import { prepareEmbed } from "@/lib/embed/prepare";
import { citations, iframeSnippet } from "@/lib/embed/share";
import { rankOutlets } from "@/lib/embed/sources";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import { requestLang } from "@/lib/i18n/server";
import { first, type RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [lang, raw, origin] = await Promise.all([requestLang(), searchParams, requestOrigin()]);
  const href = origin + viewHref("/share", Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v])));
  return { title: EMBED.builder.title[lang], alternates: { types: { "application/json+oembed": oembedHref(origin, href) } } };
}

const B = EMBED.builder;
const field = "rounded border border-rule bg-surface px-2 py-1";

// /share?chart=<id>[&code=gb]&<the view's filters>&asOf=&theme=&lang=&title=0&notes=0&resize=1&mode=live|frozen
// – the embed builder: preview, options (a plain GET form), snippet, citations and downloads.
export default async function SharePage({ searchParams }: Props) {
  const [lang, raw, origin] = await Promise.all([requestLang(), searchParams, requestOrigin()]);
  const id = first(raw.chart);
  const chart = id ? chartById(id) : null;
  if (!chart) return <ChartChooser lang={lang} />;
  const code = chart.id === "country" ? (first(raw.code) ?? "").toLowerCase() : undefined;
  const frozenMode = first(raw.mode) === "frozen";
  // The builder's own keys are not embed options; a frozen embed pins the current release.
  const { chart: _c, code: _k, mode: _m, release: _r, ...query } = raw;
  void [_c, _k, _m, _r];
  const release = frozenMode ? (await currentRelease()).number : null;
  const p = await prepareEmbed(chart.id, release ? { ...query, release: String(release) } : query, origin, code);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{B.title[lang]}</h1>
        <p className="max-w-3xl text-muted">{B.intro[lang]}</p>
        <ChartLinks lang={lang} current={chart.id} />
      </header>
      {!p.ok ? (
        <div role="alert" className="rounded border border-stage-ruled-out bg-stage-ruled-out/30 p-4">
          <h2 className="text-lg font-semibold">{EMBED.cannotShow[lang]}</h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {p.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {chart.id === "country" && <CodeForm lang={lang} code={code ?? ""} />}
          <p className="mt-3 text-sm">
            <a href={viewHref("/share", { chart: chart.id, lang: lang === "uk" ? "uk" : undefined })} className="text-accent underline">
              {EMBED.openLive[lang]}
            </a>
          </p>
        </div>
      ) : (
        <Builder lang={lang} origin={origin} p={p} code={code} frozenMode={frozenMode} current={release ?? (await currentRelease()).number} />
      )}
    </div>
  );
}

function ChartLinks({ lang, current }: { lang: Lang; current: ChartId | null }) {
  return (
    <nav aria-label={B.chart[lang]} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {CHART_IDS.map((c) => (
        <a
          key={c}
          href={viewHref("/share", { chart: c, code: c === "country" ? "gb" : undefined, lang: lang === "uk" ? "uk" : undefined })}
          aria-current={c === current ? "page" : undefined}
          className="text-accent underline aria-[current=page]:font-semibold aria-[current=page]:text-ink aria-[current=page]:no-underline"
        >
          {EMBED.charts[c][lang]}
        </a>
      ))}
    </nav>
  );
}

function ChartChooser({ lang }: { lang: Lang }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{B.title[lang]}</h1>
      <p className="max-w-3xl text-muted">{B.intro[lang]}</p>
      <p>{B.unknownChart[lang]}</p>
      <ChartLinks lang={lang} current={null} />
    </div>
  );
}

function CodeForm({ lang, code }: { lang: Lang; code: string }) {
  return (
    <form method="get" className="mt-3 flex items-end gap-2 text-sm">
      <input type="hidden" name="chart" value="country" />
      {lang === "uk" && <input type="hidden" name="lang" value="uk" />}
      <label className="flex flex-col gap-1">
        <span className="text-muted">{B.code2[lang]}</span>
        <input name="code" defaultValue={code} className={field} size={8} />
      </label>
      <button type="submit" className={`${field} font-medium`}>
        {B.update[lang]}
      </button>
    </form>
  );
}

type Ok = Extract<Awaited<ReturnType<typeof prepareEmbed>>, { ok: true }>;

function Builder({ lang, origin, p, code, frozenMode, current }: { lang: Lang; origin: string; p: Ok; code?: string; frozenMode: boolean; current: number }) {
  const src = p.embedUrl();
  const o = p.pres;
  const snippet = iframeSnippet({ src, heights: p.heights, title: p.model.title, resize: o.resize ? { origin } : undefined });
  const cite = citations({
    title: p.model.title,
    url: p.frozen ? src : p.liveUrl,
    lang,
    frozen: p.frozen ? { release: p.frozen.release, publishedAt: p.frozen.publishedAt } : null,
    accessed: new Date(),
    outlets: p.model.outlets ?? rankOutlets(p.model.sources),
  });
  const filters = Object.entries(p.chart.viewQuery).filter(([k, v]) => k !== "asOf" && k !== "view" && v !== undefined && v !== null);
  const joined = (v: unknown) => (Array.isArray(v) ? v.join(",") : String(v));
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,40rem)_minmax(0,1fr)]">
      <section aria-labelledby="preview" className="space-y-2">
        <h2 id="preview" className="text-lg font-semibold">
          {B.preview[lang]}
        </h2>
        <p className="text-sm text-muted">{fill(B.heights[lang], { n: p.heights.narrow, m: p.heights.medium, w: p.heights.wide })}</p>
        {/* The snippet itself (its container query and, unless turned off, the resize script). */}
        <div className="border border-dashed border-rule" dangerouslySetInnerHTML={{ __html: snippet }} />
      </section>

      <div className="space-y-8">
        <section aria-labelledby="options" className="space-y-3">
          <h2 id="options" className="text-lg font-semibold">
            {B.options[lang]}
          </h2>
          <form method="get" className="space-y-3 text-sm">
            <input type="hidden" name="chart" value={p.chart.id} />
            {filters.map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={joined(v)} />
            ))}
            {code !== undefined && (
              <label className="flex flex-col gap-1">
                <span className="text-muted">{B.code2[lang]}</span>
                <input name="code" defaultValue={code} className={field} size={8} />
              </label>
            )}
            <p>
              <span className="text-muted">{B.filters[lang]}: </span>
              {filters.length ? filters.map(([k, v]) => `${k} = ${joined(v)}`).join("; ") : B.noFilters[lang]}{" "}
              <a href={p.liveUrl} className="text-accent underline">
                {B.changeFilters[lang]}
              </a>
            </p>
            <label className="flex flex-col gap-1">
              <span className="text-muted">{COMMON.asOf[lang]}</span>
              <input type="date" name="asOf" defaultValue={typeof p.chart.viewQuery.asOf === "string" ? p.chart.viewQuery.asOf : ""} className={`${field} w-fit`} />
            </label>
            <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
              <legend className="text-muted">{B.theme[lang]}</legend>
              {(["auto", "light", "dark"] as const).map((t) => (
                <label key={t} className="flex items-center gap-1.5">
                  <input type="radio" name="theme" value={t} defaultChecked={o.theme === t} /> {B.themes[t][lang]}
                </label>
              ))}
            </fieldset>
            <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
              <legend className="text-muted">{B.language[lang]}</legend>
              {(["en", "uk"] as const).map((l) => (
                <label key={l} className="flex items-center gap-1.5">
                  <input type="radio" name="lang" value={l} defaultChecked={o.lang === l} /> {l === "en" ? "English" : "Українська"}
                </label>
              ))}
            </fieldset>
            <fieldset className="space-y-1">
              <label className="flex items-center gap-1.5">
                <input type="checkbox" name="title" value="0" defaultChecked={!o.title} /> {B.hideTitle[lang]}
              </label>
              <label className="flex items-center gap-1.5">
                <input type="checkbox" name="notes" value="0" defaultChecked={!o.notes} /> {B.hideNotes[lang]}
              </label>
            </fieldset>
            <fieldset className="space-y-1">
              <legend className="text-muted">{B.heightMode[lang]}</legend>
              <label className="flex items-center gap-1.5">
                <input type="radio" name="resize" value="1" defaultChecked={o.resize} /> {B.autoHeight[lang]}
              </label>
              <label className="flex items-center gap-1.5">
                <input type="radio" name="resize" value="0" defaultChecked={!o.resize} /> {B.fixedHeight[lang]}
              </label>
            </fieldset>
            <fieldset className="space-y-1">
              <legend className="text-muted">{B.mode[lang]}</legend>
              <label className="flex items-center gap-1.5">
                <input type="radio" name="mode" value="live" defaultChecked={!frozenMode} /> {B.live[lang]}
              </label>
              <label className="flex items-center gap-1.5">
                <input type="radio" name="mode" value="frozen" defaultChecked={frozenMode} /> {fill(B.frozenMode[lang], { n: current })}
              </label>
            </fieldset>
            <button type="submit" className={`${field} font-medium hover:border-ink`}>
              {B.update[lang]}
            </button>
          </form>
        </section>

        <section aria-labelledby="code" className="space-y-2">
          <h2 id="code" className="text-lg font-semibold">
            {B.code[lang]}
          </h2>
          <p className="text-sm text-muted">{B.codeHelp[lang]}</p>
          {p.frozen && <p className="text-sm">{fill(B.frozenNow[lang], { n: p.frozen.release, date: formatDate(p.frozen.publishedAt, "DAY", lang) })}</p>}
          {p.status.notice && <p className="text-sm font-medium">{p.status.notice}</p>}
          <textarea id="snippet" readOnly rows={4} value={snippet} className={`${field} w-full font-mono text-xs`} data-testid="snippet" />
          <CopyButton target="snippet" label={B.copy[lang]} done={B.copied[lang]} />
          <p className="text-sm text-muted">{o.resize ? B.hostScript[lang] : B.fixedHelp[lang]}</p>
        </section>

        <section aria-labelledby="cite" className="space-y-2">
          <h2 id="cite" className="text-lg font-semibold">
            {B.cite[lang]}
          </h2>
          <dl className="space-y-2 text-sm">
            {(
              [
                ["APA", cite.apa],
                ["Chicago", cite.chicago],
                [B.plain[lang], cite.plain],
              ] as const
            ).map(([style, text]) => (
              <div key={style}>
                <dt className="font-medium">{style}</dt>
                <dd className="select-all break-words">{text}</dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="downloads" className="space-y-2">
          <h2 id="downloads" className="text-lg font-semibold">
            {B.downloads[lang]}
          </h2>
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
            <li>
              <a href={p.embedUrl(".svg")} download className="text-accent underline">
                {B.svg[lang]}
              </a>
            </li>
            <li>
              <a href={p.embedUrl(".png")} download className="text-accent underline">
                {B.png[lang]}
              </a>
            </li>
            <li>
              <a href={p.embedUrl(".csv")} download className="text-accent underline">
                {B.csv[lang]}
              </a>
            </li>
            <li>
              <a href={oembedHref(origin, src)} className="text-accent underline">
                {B.oembed[lang]}
              </a>
            </li>
          </ul>
          <p className="text-sm">
            <span className="text-muted">{B.alt[lang]}: </span>
            <span className="select-all" data-testid="alt-text">
              {p.model.description}
            </span>
          </p>
        </section>
      </div>
    </div>
  );
}
