// The only JavaScript of the embed surface, both optional, and the embeds' Content-Security-Policy
// (imported by next.config.ts, so no "server-only" here).
import { createHash } from "node:crypto";

/**
 * Inside an embed (unless `resize=0`), after load: posts the embed's natural height to the host
 * page, again whenever it changes (the frame's width picks another layout, the data table opens),
 * and when the host script asks (it may load after the embed).
 */
export const RESIZE_SCRIPT =
  'addEventListener("load",function(){var e=document.querySelector(".sgt");if(!e)return;var l=0;' +
  'function p(f){var h=Math.ceil(e.getBoundingClientRect().height);if(h===l&&!f)return;l=h;parent.postMessage({type:"sgt-embed-resize",height:h},"*")}' +
  'p(1);if(window.ResizeObserver)new ResizeObserver(function(){p()}).observe(e);addEventListener("message",function(m){if(m.data&&m.data.type==="sgt-embed-ping")p(1)})})';

/**
 * /embed/resize.js, for the host page (<1 KB): applies a height only from a message whose origin
 * is the tracker's (the origin the script was loaded from), whose shape is exactly
 * {type: "sgt-embed-resize", height: number}, and only to the iframe that sent it. On load it asks
 * the tracker's frames already on the page for their height.
 */
export const HOST_SCRIPT = `(function(){var s=document.currentScript,o=s&&new URL(s.src).origin;if(!o)return;
addEventListener("message",function(e){var d=e.data;
if(e.origin!==o||!d||typeof d!=="object"||d.type!=="sgt-embed-resize"||typeof d.height!=="number"||!isFinite(d.height)||d.height<50||d.height>10000)return;
var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source){f[i].style.setProperty("height",Math.ceil(d.height)+"px","important");f[i].height=String(Math.ceil(d.height))}});
var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].src.indexOf(o+"/embed/")===0&&f[i].contentWindow)f[i].contentWindow.postMessage({type:"sgt-embed-ping"},o)})();`;

/**
 * The embeds' policy: any page may frame them; they load nothing from elsewhere, run no script
 * but the resize script (by its hash), and have no forms or plugins.
 */
export function embedCsp(): string {
  const hash = createHash("sha256").update(RESIZE_SCRIPT).digest("base64");
  return [
    "frame-ancestors *",
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    `script-src 'sha256-${hash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}
