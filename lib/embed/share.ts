// What a journalist copies from the embed builder: the iframe snippet, the host-side auto-height
// script tag and ready-made citations.
import { formatDate } from "@/lib/format";
import type { Lang } from "@/lib/i18n";
import { COMMON } from "@/lib/i18n/common";
import { escapeHtml } from "./document";
import { outletList } from "./sources";

/** The iframe: full column width, the declared height up front (no layout shift), lazy, titled. */
export function iframeSnippet(o: { src: string; height: number; title: string }): string {
  return `<iframe src="${escapeHtml(o.src)}" title="${escapeHtml(o.title)}" width="100%" height="${o.height}" style="width:100%;height:${o.height}px;border:0" loading="lazy"></iframe>`;
}

/** The optional host-page script that applies the heights embeds post (with `resize=1`). */
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
