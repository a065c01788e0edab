// Share previews for the public views: an Open Graph image of the view as it is shared (same
// filters and date, rendered by the embed pipeline), and the oEmbed discovery link.
import "server-only";
import type { Metadata } from "next";
import type { RawSearchParams } from "@/lib/schemas/search-params";
import { viewHref } from "@/lib/url";
import { chartById } from "@/lib/views/registry";
import type { ChartId } from "./model";
import { requestOrigin } from "./origin";
import { embedPath } from "./prepare";

/** The oEmbed endpoint's URL for a page. */
export function oembedHref(origin: string, pageUrl: string): string {
  return `${origin}/oembed?format=json&url=${encodeURIComponent(pageUrl)}`;
}

/** openGraph, twitter and the oEmbed `alternates` entry for a chart view; {} when its parameters are bad. */
export async function chartMetadata(id: ChartId, raw: RawSearchParams, title: string, code?: string): Promise<Metadata> {
  const bound = chartById(id)?.bind(code === undefined ? raw : { ...raw, code });
  if (!bound?.ok) return {};
  const origin = await requestOrigin();
  const lang = raw.lang === "uk" ? "uk" : undefined;
  const query = { ...bound.chart.viewQuery, lang };
  const pageUrl = origin + viewHref(bound.chart.viewPath, query);
  const image = origin + viewHref(`${embedPath(id, code)}.png`, { ...query, view: undefined, size: "og" });
  return {
    openGraph: { title, url: pageUrl, type: "website", siteName: "Security Guarantees Tracker", images: [{ url: image, width: 1200, height: 630, alt: title }] },
    twitter: { card: "summary_large_image", title, images: [image] },
    alternates: { types: { "application/json+oembed": oembedHref(origin, pageUrl) } },
  };
}
