// One pipeline for every format of a chart (embed HTML, SVG, PNG, CSV, builder, oEmbed, social
// image): parse the chart's view parameters and the embed options, resolve live or frozen data,
// build the model and the declared height.
import "server-only";
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import type { RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";
import { chartById } from "@/lib/views/registry";
import { viewUrl, type BoundChart } from "@/lib/views/define";
import { declaredHeight } from "./height";
import { CHART_IDS, type ChartId, type EmbedModel } from "./model";
import { parsePresentation, presentationQuery, type Presentation } from "./options";
import { resolveData, type Frozen } from "./resolve";
import { perWidth, type PerWidth } from "@/lib/charts/width";
import { REFERENCE_WIDTHS } from "./share";
import { rankOutlets, sourceLine } from "./sources";

export type PreparedOk = {
  ok: true;
  chart: BoundChart;
  pres: Presentation;
  model: EmbedModel;
  frozen: Frozen | null;
  /** The status line: "As published on … (release N)" or why a frozen embed shows live data. */
  status: { frozen: string | null; updatedSince: boolean; notice: string | null };
  sourceLine: string;
  /** The public view of this chart (absolute). */
  liveUrl: string;
  /** The height declared for the embed at a typical column of each width class (lib/embed/share.ts). */
  heights: PerWidth<number>;
  /** Absolute URL of this embed (HTML) with its options; `ext` adds .svg, .png or .csv. */
  embedUrl: (ext?: "" | ".svg" | ".png" | ".csv", extra?: Record<string, string>) => string;
};
export type PreparedError = {
  ok: false;
  status: 404 | 422;
  errors: string[];
  lang: Lang;
  theme: Presentation["theme"];
  liveUrl: string;
};
export type Prepared = PreparedOk | PreparedError;

/** Path of an embed for a chart id (and, for the country card, the actor code). */
export function embedPath(id: ChartId, code?: string): string {
  return id === "country" ? `/embed/country/${encodeURIComponent(code ?? "")}` : `/embed/${id}`;
}

/** Runs the pipeline for /embed/<id>?<query> (the country card's code comes from its path). */
export async function prepareEmbed(id: string, query: RawSearchParams, origin: string, code?: string): Promise<Prepared> {
  const chart = chartById(id);
  const lang: Lang = query.lang === "uk" ? "uk" : "en";
  const home = `${origin}/${lang === "uk" ? "?lang=uk" : ""}`;
  const theme = typeof query.theme === "string" && ["light", "dark"].includes(query.theme) ? (query.theme as "light" | "dark") : "auto";
  if (!chart) return { ok: false, status: 404, errors: [fill(EMBED.unknownChart[lang], { name: id, list: CHART_IDS.join(", ") })], lang, theme, liveUrl: home };
  const pres = parsePresentation(query);
  const bound = chart.bind(code === undefined ? query : { ...query, code });
  const errors = [...(pres.ok ? [] : pres.errors), ...(bound.ok ? [] : bound.errors)];
  if (!pres.ok || !bound.ok) return { ok: false, status: 422, errors, lang, theme, liveUrl: bound.ok ? viewUrl(bound.chart, lang, origin) : home };
  const c = bound.chart;
  const p = pres.value;
  const liveUrl = viewUrl(c, p.lang, origin);
  const resolved = await resolveData(c, p.release, p.lang);
  if (!resolved.ok) return { ok: false, status: resolved.status, errors: resolved.errors, lang, theme: p.theme, liveUrl };

  const model = c.model(resolved.data, { lang: p.lang, origin });
  const updated = resolved.release.publishedAt ? formatDate(resolved.release.publishedAt, "DAY", p.lang) : "–";
  const f = resolved.frozen;
  const status = {
    frozen: f ? fill(EMBED.frozen[p.lang], { date: formatDate(f.publishedAt, "DAY", p.lang), n: f.release }) : null,
    updatedSince: f?.updatedSince ?? false,
    notice: resolved.notice ? fill(EMBED[resolved.notice][p.lang], { n: p.release ?? 0 }) : null,
  };
  const line = sourceLine(model.outlets ?? rankOutlets(model.sources), updated, p.lang);
  const statusText = status.frozen ? `${status.frozen}${status.updatedSince ? ` · ${EMBED.updatedSince[p.lang]}` : ""}` : status.notice;
  const text = { title: p.title, notes: p.notes, status: statusText, sourceLine: line, liveLabel: EMBED.liveChart[p.lang] };
  const heights = perWidth((w) => declaredHeight(model, text, REFERENCE_WIDTHS[w]));
  const path = embedPath(c.id, c.id === "country" ? c.viewPath.split("/").pop() : undefined);
  return {
    ok: true,
    chart: c,
    pres: p,
    model,
    frozen: f,
    status,
    sourceLine: line,
    liveUrl,
    heights,
    embedUrl: (ext = "", extra = {}) => origin + viewHref(path + ext, { ...c.viewQuery, ...presentationQuery(p), ...extra }),
  };
}
