// oEmbed (https://oembed.com) for the tracker's public views, embeds and builder links: a "rich"
// response whose html is the same iframe snippet the builder gives, at its declared height.
import "server-only";
import { COMMON } from "@/lib/i18n/common";
import { queryRecord, type RawSearchParams } from "@/lib/schemas/search-params";
import { declaredHeight, REFERENCE_WIDTH } from "./height";
import { EMBED } from "@/lib/i18n/messages/embed";
import type { ChartId } from "./model";
import { CHART_IDS } from "./model";
import { prepareEmbed } from "./prepare";
import { iframeSnippet } from "./share";

/** The chart a tracker URL shows: a public view, an embed or a builder link; null for anything else. */
export function chartForUrl(u: URL): { id: ChartId; code?: string; query: RawSearchParams } | null {
  const query = queryRecord(u);
  const path = u.pathname.replace(/\/+$/, "") || "/";
  const views: Record<string, ChartId> = { "/commitments": "commitments", "/timeline": "timeline", "/polls": "polls" };
  if (views[path]) return { id: views[path], query };
  if (path === "/map") return { id: query.view === "ukraine" ? "ukraine-map" : "europe-map", query };
  let m = /^\/(?:countries|embed\/country)\/([^/.]+)$/.exec(path);
  if (m) return { id: "country", code: decodeURIComponent(m[1]), query };
  m = /^\/embed\/([a-z-]+)$/.exec(path);
  if (m && (CHART_IDS as readonly string[]).includes(m[1]) && m[1] !== "country") return { id: m[1] as ChartId, query };
  if (path === "/share" && typeof query.chart === "string" && (CHART_IDS as readonly string[]).includes(query.chart)) {
    return { id: query.chart as ChartId, code: typeof query.code === "string" ? query.code : undefined, query };
  }
  return null;
}

export type OEmbedResult = { status: 200; body: Record<string, unknown> } | { status: 404 | 501; message: string };

/** The oEmbed answer for ?url=&maxwidth=&maxheight=&format=, with `origin` the tracker's own. */
export async function oembed(params: URLSearchParams, origin: string): Promise<OEmbedResult> {
  const format = params.get("format") ?? "json";
  if (format !== "json") return { status: 501, message: "Only format=json is supported." };
  let u: URL;
  try {
    u = new URL(params.get("url") ?? "");
  } catch {
    return { status: 404, message: "Give the address of a tracker chart in url=." };
  }
  if (u.origin !== origin) return { status: 404, message: `Only addresses on ${origin} can be embedded.` };
  const target = chartForUrl(u);
  if (!target) return { status: 404, message: "This address is not a chart that can be embedded." };
  const p = await prepareEmbed(target.id, target.query, origin, target.code);
  if (!p.ok) return { status: 404, message: p.errors.join(" ") };
  const maxwidth = Number(params.get("maxwidth")) || Infinity;
  const maxheight = Number(params.get("maxheight")) || Infinity;
  const width = Math.max(240, Math.min(REFERENCE_WIDTH, maxwidth));
  const statusText = p.status.frozen ?? p.status.notice;
  const natural = declaredHeight(p.model, { title: p.pres.title, notes: p.pres.notes, status: statusText, sourceLine: p.sourceLine, liveLabel: EMBED.liveChart[p.pres.lang] }, width);
  const height = Math.max(150, Math.min(natural, maxheight));
  const thumb = maxwidth >= 1200 && maxheight >= 630;
  return {
    status: 200,
    body: {
      version: "1.0",
      type: "rich",
      provider_name: COMMON.siteName.en,
      provider_url: `${origin}/`,
      title: p.model.title,
      html: iframeSnippet({ src: p.embedUrl(), heights: height, title: p.model.title }),
      width,
      height,
      cache_age: 300,
      ...(thumb ? { thumbnail_url: p.embedUrl(".png", { size: "og" }), thumbnail_width: 1200, thumbnail_height: 630 } : {}),
    },
  };
}
