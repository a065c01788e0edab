// What a journalist copies from the embed builder: the iframe snippet, the host-side auto-height
// script tag and ready-made citations.
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { createHash } from "node:crypto";
import { WIDTH, type PerWidth } from "@/lib/charts/width";
import { escapeHtml } from "./document";
import { outletList } from "./sources";

/** Article column widths (CSS px) the fallback heights are computed for, one per width class. */
export const REFERENCE_WIDTHS: PerWidth<number> = { narrow: 360, medium: 640, wide: 1024 };

/**
 * The iframe: full column width, lazy, titled, with a height declared up front per width class
 * (no layout shift). A container query on the column picks the height of the layout the embed
 * will show there; where a site strips the <style>, the iframe's own height (the medium one)
 * applies. With `resize`, the host script then applies the exact height the embed posts.
 */
export function iframeSnippet(o: { src: string; heights: PerWidth<number> | number; title: string; resize?: { origin: string } }): string {
  const script = o.resize ? hostScriptTag(o.resize.origin) : "";
  // One known width (oEmbed's maxwidth): one height.
  if (typeof o.heights === "number") return `${plainIframe(o.src, o.title, o.heights)}${script}`;
  const h = o.heights;
  // A class name from the address, so that two embeds on one page keep their own heights.
  const id = `sgt-${createHash("sha256").update(o.src).digest("hex").slice(0, 8)}`;
  const frame = 24; // the embed's own horizontal padding: its chart is 24 px narrower than the frame
  const style =
    `<style>@container (max-width:${WIDTH.narrow.max + frame}px){iframe.${id}{height:${h.narrow}px!important}}` +
    `@container (min-width:${WIDTH.wide.min + frame}px){iframe.${id}{height:${h.wide}px!important}}</style>`;
  return `<div style="container-type:inline-size">${style}${plainIframe(o.src, o.title, h.medium, id)}</div>${script}`;
}

function plainIframe(src: string, title: string, height: number, className?: string): string {
  const cls = className ? `class="${className}" ` : "";
  return `<iframe ${cls}src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${height}" style="width:100%;height:${height}px;border:0" loading="lazy"></iframe>`;
}

/** The host-page script that applies the heights embeds post (on unless `resize=0`). */
export function hostScriptTag(origin: string): string {
  return `<script src="${escapeHtml(origin)}/embed/resize.js" async></script>`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const longDate = (d: Date, lang: Lang) =>
  lang === "uk" ? formatDate(d, "DAY", "uk") : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

export type Citations = { apa: string; chicago: string; plain: string };

/**
 * Citations in three styles. A frozen chart is cited by its release and publication date; a live
 * one by the date it was accessed. The plain style also credits the original outlets.
 */
export function citations(o: {
  title: string;
  url: string;
  lang: Lang;
  frozen: { release: number; publishedAt: Date } | null;
  accessed: Date;
  outlets: string[];
}): Citations {
  const site = COMMON.siteName[o.lang];
  const uk = o.lang === "uk";
  const dataset = uk ? "Набір даних" : "Data set";
  const release = uk ? "випуск" : "release";
  if (o.frozen) {
    const d = o.frozen.publishedAt;
    const apaDate = uk ? longDate(d, "uk") : `${d.getUTCFullYear()}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
    return {
      apa: `${site}. (${apaDate}). ${o.title} [${dataset}, ${release} ${o.frozen.release}]. ${o.url}`,
      chicago: `${site}. “${o.title}.” ${uk ? "Випуск" : "Release"} ${o.frozen.release}, ${longDate(d, o.lang)}. ${o.url}.`,
      plain: `${o.title}. ${site}, ${release} ${o.frozen.release} (${formatDate(d, "DAY", o.lang)})${o.outlets.length ? `; ${uk ? "за даними" : "compiled from"} ${outletList(o.outlets, 4, o.lang)}` : ""}. ${o.url}`,
    };
  }
  const accessed = longDate(o.accessed, o.lang);
  return {
    apa: `${site}. (${o.accessed.getUTCFullYear()}). ${o.title} [${dataset}]. ${uk ? "Переглянуто" : "Retrieved"} ${accessed}, ${uk ? "з" : "from"} ${o.url}`,
    chicago: `${site}. “${o.title}.” ${uk ? "Переглянуто" : "Accessed"} ${accessed}. ${o.url}.`,
    plain: `${o.title}. ${site} (${uk ? "актуальна версія, переглянуто" : "live chart, accessed"} ${formatDate(o.accessed, "DAY", o.lang)})${o.outlets.length ? `; ${uk ? "за даними" : "compiled from"} ${outletList(o.outlets, 4, o.lang)}` : ""}. ${o.url}`,
  };
}
