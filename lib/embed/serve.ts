// The /embed/<chart>[.svg|.png|.csv] responses: finished HTML (or a download) with cache headers
// a CDN can honour, a strong ETag (If-None-Match → 304), and nothing that depends on the reader:
// no cookies are read or set, so every reader gets the same bytes.
import "server-only";
import { createHash } from "node:crypto";
import { createElement } from "react";
import { ChartSvg } from "@/components/embed/chart";
import { EmbedFrame, EmbedMessage } from "@/components/embed/embed-frame";
import { StandaloneSvg } from "@/components/embed/standalone-svg";
import { toCsv } from "@/lib/csv";
import { jsonError } from "@/lib/http";
import { EMBED } from "@/lib/i18n/messages/embed";
import { queryRecord } from "@/lib/schemas/search-params";
import { extractStyles, htmlDocument, minifyCss, nestChart, renderMarkup } from "./document";
import { layoutDownload, layoutSocial } from "./layout/standalone";
import { svgToPng } from "./png";
import { currentRelease } from "@/lib/db/release";
import { prepareEmbed, type PreparedOk } from "./prepare";
import { staticColours } from "./theme";

/** Live embeds: browsers re-check after a minute, CDNs after five, stale copies serve a day. */
export const LIVE_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";
/** Frozen embeds whose bytes can no longer change. */
export const FROZEN_CACHE = "public, max-age=31536000, immutable";

type Format = "html" | "svg" | "png" | "csv";
const TYPES: Record<Format, string> = {
  html: "text/html; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
  csv: "text/csv; charset=utf-8",
};

/** The origin used in links and snippets: PUBLIC_URL when set, else the request's own. */
export function siteOrigin(url: URL): string {
  return (process.env.PUBLIC_URL ?? url.origin).replace(/\/$/, "");
}

/** A strong ETag of a body. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function respond(request: Request, body: string | Uint8Array, o: { format: Format; status?: number; cache: string; filename?: string }): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = { "Content-Type": TYPES[o.format], "Cache-Control": o.cache, ETag: etag };
  if (o.filename) headers["Content-Disposition"] = `${o.format === "csv" ? "attachment" : "inline"}; filename="${o.filename}"`;
  const status = o.status ?? 200;
  const match = request.headers.get("if-none-match");
  if (status === 200 && match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers: { "Cache-Control": o.cache, ETag: etag } });
  }
  return new Response(body as BodyInit, { status, headers });
}

/**
 * A frozen embed's bytes change at most once: when newer data first exists, it gains its
 * "updated since" notice. Until then it is cached like a live embed (so the notice appears within
 * s-maxage); afterwards, and for frozen downloads (which carry no notice), it is immutable.
 */
function cacheFor(p: PreparedOk, format: Format): string {
  if (!p.frozen) return LIVE_CACHE;
  return format !== "html" || p.frozen.updatedSince ? FROZEN_CACHE : LIVE_CACHE;
}

/** The embed page. */
export async function embedHtml(p: PreparedOk, origin: string): Promise<string> {
  const { model, pres } = p;
  const chart = createElement(ChartSvg, { model, lang: pres.lang, origin, interactive: true });
  const body = await renderMarkup(
    createElement(EmbedFrame, { model, lang: pres.lang, chart, show: { title: pres.title, notes: pres.notes }, status: p.status, sourceLine: p.sourceLine, liveUrl: p.liveUrl }),
  );
  return htmlDocument({ lang: pres.lang, title: model.title, theme: pres.theme, body, canonical: p.liveUrl, resize: pres.resize });
}

/** The chart as one self-contained SVG document with static colours (download or social image). */
export async function standaloneSvg(p: PreparedOk, origin: string, variant: "download" | "social"): Promise<string> {
  const { model, pres } = p;
  const status = p.status.frozen ?? p.status.notice;
  const text = { status, source: `${p.sourceLine}.`, url: p.liveUrl };
  const width = pres.width ?? "wide";
  const sized = { ...model, size: model.sizes[width] };
  const l = variant === "social" ? layoutSocial(sized, text) : layoutDownload(sized, text);
  const chart = extractStyles(await renderMarkup(createElement(ChartSvg, { model, lang: pres.lang, origin, interactive: false, width })));
  const doc = extractStyles(
    await renderMarkup(
      createElement(StandaloneSvg, { l, title: model.title, description: model.description, chartMarkup: nestChart(chart.markup, model.scope, l.chart), scope: model.scope }),
    ),
  );
  // One style sheet for the whole document, at its top (as SVG editors expect).
  const body = doc.markup.replace(/^(<svg[^>]*>)/, `$1<style>${minifyCss([...doc.css, ...chart.css].join("\n"))}</style>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${staticColours(body, pres.theme === "dark" ? "dark" : "light")}`;
}

/**
 * Finished embed responses of this process, by dataset release and request: an embed's bytes
 * depend only on its URL, the origin and the data, so a repeat of a request within one release is
 * answered without reading or rendering anything (a CDN in front does the same across processes).
 */
const finished = new Map<string, { body: string | Uint8Array; format: Format; cache: string; filename?: string }>();
const FINISHED_MAX = 300;
// Only inside the Next.js server, whose data reads are keyed by release too (lib/db/cache.ts);
// scripts and tests read the database directly, and SGT_DATA_CACHE=off measures uncached work.
const memoise = () => Boolean(process.env.NEXT_RUNTIME) && process.env.SGT_DATA_CACHE !== "off";

function finishedKey(release: number, origin: string, chartId: string | undefined, segment: string, url: URL): string {
  const params = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([release, origin, chartId ?? "", segment, params]);
}

function remember(key: string, value: { body: string | Uint8Array; format: Format; cache: string; filename?: string }) {
  if (finished.size >= FINISHED_MAX) finished.delete(finished.keys().next().value!);
  finished.set(key, value);
}

/** GET /embed/<segment> (and /embed/country/<segment> with `chartId` "country"). */
export async function serveEmbed(request: Request, segment: string, chartId?: string): Promise<Response> {
  // Next.js passes the path segment already decoded.
  const m = /^(.*?)(?:\.(svg|png|csv))?$/.exec(segment)!;
  const format = (m[2] ?? "html") as Format;
  const url = new URL(request.url);
  const origin = siteOrigin(url);
  const key = memoise() ? finishedKey((await currentRelease()).number, origin, chartId, segment, url) : null;
  const hit = key ? finished.get(key) : undefined;
  if (hit) return respond(request, hit.body, hit);
  const rendered = await renderEmbed(url, origin, m[1], format, chartId);
  if (rendered instanceof Response) return rendered;
  if (key && rendered.ok) remember(key, rendered);
  return respond(request, rendered.body, rendered);
}

type Rendered = { ok: boolean; body: string | Uint8Array; format: Format; status?: number; cache: string; filename?: string };

async function renderEmbed(url: URL, origin: string, name: string, format: Format, chartId?: string): Promise<Rendered | Response> {
  const query = queryRecord(url);
  const p = chartId ? await prepareEmbed(chartId, query, origin, name) : await prepareEmbed(name, query, origin);
  if (!p.ok) {
    if (format !== "html") return jsonError(p.status, p.status === 404 ? "not_found" : "invalid_parameters", EMBED.cannotShow.en, p.errors);
    const body = await renderMarkup(createElement(EmbedMessage, { lang: p.lang, errors: p.errors, liveUrl: p.liveUrl }));
    const html = htmlDocument({ lang: p.lang, title: EMBED.cannotShow[p.lang], theme: p.theme, body, canonical: p.liveUrl, resize: false });
    return { ok: false, body: html, format, status: p.status, cache: "public, max-age=60" };
  }
  const cache = cacheFor(p, format);
  const name2 = `${p.model.filename}${p.frozen ? `-release-${p.frozen.release}` : ""}`;
  if (format === "csv") return { ok: true, body: toCsv(p.model.csv.rows, p.model.csv.columns), format, cache, filename: `${name2}.csv` };
  if (format === "html") return { ok: true, body: await embedHtml(p, origin), format, cache };
  const social = query.size === "og";
  const svg = await standaloneSvg(p, origin, social ? "social" : "download");
  if (format === "svg") return { ok: true, body: svg, format, cache, filename: `${name2}.svg` };
  const width = social ? 1200 : Math.min(2400, 2 * Number(/width="(\d+)"/.exec(svg)?.[1] ?? 800));
  return { ok: true, body: svgToPng(svg, width), format, cache, filename: `${name2}${social ? "-social" : ""}.png` };
}
