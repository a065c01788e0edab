// Finished documents for embeds: static HTML (inline CSS and SVG, no client runtime) and
// standalone SVG. React renders the markup on the server; every <style> the chart components
// carry is lifted into one style sheet, deduplicated, themed and minified.
import "server-only";
import type { ReactElement } from "react";
import { RESIZE_SCRIPT } from "./scripts";
import { applyTheme, rootVariables, type Theme } from "./theme";

/** Static markup of a React element (react-dom/server is imported lazily: Next refuses it under app/). */
export async function renderMarkup(node: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup(node);
}

const STYLE = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g;

/** Removes every <style> element from markup; returns the markup and the distinct style sheets in order. */
export function extractStyles(markup: string): { markup: string; css: string[] } {
  const css: string[] = [];
  const out = markup.replace(STYLE, (_, body: string) => {
    if (!css.includes(body)) css.push(body);
    return "";
  });
  return { markup: out, css };
}

/** Collapses whitespace in CSS (comments are not used in these style sheets). */
export function minifyCss(css: string): string {
  return css
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}

/**
 * The embed's own chrome: a column at its natural height. The chart is as wide as the column and
 * shows the layout of its width class (never shrunk to fit a height); the resize script tells the
 * host page that height, and the snippet declares it per width class up front.
 */
export const FRAME_CSS = `
*{box-sizing:border-box}
html,body{margin:0}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:var(--canvas);-webkit-text-size-adjust:100%}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.sgt{position:relative;display:flex;flex-direction:column;gap:4px;padding:10px 12px 8px}
h1{margin:0;font-size:17px;line-height:1.25;font-weight:650}
.sgt-d{margin:0;font-size:13px;color:var(--muted)}
.sgt-st{margin:0;font-size:12px;color:var(--muted)}
.sgt-c{margin:0;width:100%}
ul.sgt-lg{display:flex;flex-wrap:wrap;gap:1px 12px;margin:0;padding:0;list-style:none;font-size:12px;line-height:1.35}
.sgt-lg li{display:flex;align-items:center;gap:5px}
.sgt-lg svg{flex:none}
.sgt-n{margin:0;font-size:11.5px;line-height:1.35;color:var(--muted)}
footer{font-size:11.5px;line-height:1.35;color:var(--muted);padding-right:86px}
details{position:absolute;right:12px;bottom:8px;font-size:11.5px;line-height:1.35}
summary{cursor:pointer;color:var(--accent)}
.sgt-dt{position:fixed;left:0;right:0;top:0;bottom:28px;overflow:auto;padding:10px 12px;background:var(--canvas);border-bottom:1px solid var(--rule)}
table{border-collapse:collapse;font-size:12px}
caption{text-align:left;font-weight:600;padding-bottom:4px}
th,td{border-bottom:1px solid var(--rule);padding:3px 6px;text-align:left;vertical-align:top}
.sgt-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sgt-msg{border:1px solid var(--rule);border-left:4px solid #c5221f;padding:10px 12px;border-radius:4px}
.sgt-msg h1{font-size:16px}
.sgt-msg ul{margin:6px 0;padding-left:18px;font-size:13px}
`;

/** A complete embed page: one style sheet (themed), the body, and the optional resize script. */
export function htmlDocument(o: { lang: string; title: string; theme: Theme; body: string; canonical: string; resize: boolean }): string {
  const { markup, css } = extractStyles(o.body);
  const style = minifyCss(applyTheme([rootVariables(), FRAME_CSS, ...css].join("\n"), o.theme));
  return (
    `<!doctype html><html lang="${o.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(o.title)}</title><link rel="canonical" href="${escapeHtml(o.canonical)}">` +
    // Links open outside the frame, never inside the host's article.
    `<base target="_blank"><meta name="robots" content="noindex">` +
    `<style>${style}</style></head><body>${markup}` +
    (o.resize ? `<script>${RESIZE_SCRIPT}</script>` : "") +
    `</body></html>`
  );
}

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Places a chart's markup (an <svg>, possibly inside an HTML wrapper such as a <figure>) into a
 * box of an SVG document: the outer SVG element gets the box, and a group with the chart's scope
 * class keeps its scoped styles applying.
 */
export function nestChart(markup: string, scope: string, box: { x: number; y: number; width: number; height: number }): string {
  const start = markup.indexOf("<svg");
  const end = markup.lastIndexOf("</svg>");
  if (start < 0 || end < 0) return "";
  const svg = markup.slice(start, end + 6).replace(/^<svg\b([^>]*)>/, (_, attrs: string) => {
    const rest = attrs.replace(/\s(?:width|height|x|y)="[^"]*"/g, "");
    return `<svg x="${r1(box.x)}" y="${r1(box.y)}" width="${r1(box.width)}" height="${r1(box.height)}"${rest}>`;
  });
  return `<g class="${scope}">${svg}</g>`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
