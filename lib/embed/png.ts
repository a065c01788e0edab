// PNG from SVG on the server, without a browser: resvg (Rust, prebuilt for the platform as an npm
// package). It has no system-ui font stack, so a sans-serif family with Cyrillic is loaded from
// the usual Debian/Ubuntu font folders (DejaVu, Liberation or Noto); if none is installed, resvg
// falls back to any system font it finds, and text without a font is left out rather than failing.
import "server-only";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { Resvg } from "@resvg/resvg-js";

const FAMILIES: { family: string; files: string[] }[] = [
  { family: "DejaVu Sans", files: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"] },
  { family: "Liberation Sans", files: ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"] },
  { family: "Liberation Sans", files: ["/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"] },
  { family: "Noto Sans", files: ["/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"] },
];

let fontChoice: { family: string; files: string[] } | null | undefined;

/** The first installed sans-serif family (regular, plus bold when present), or null. */
export function pngFont(): { family: string; files: string[] } | null {
  if (fontChoice === undefined) {
    const f = FAMILIES.find((c) => existsSync(c.files[0]));
    fontChoice = f ? { family: f.family, files: f.files.filter((p) => existsSync(p)) } : null;
  }
  return fontChoice;
}

// Rendering takes tens of milliseconds: identical SVGs (same data, same options) reuse the PNG.
const cache = new Map<string, Uint8Array>();
const CACHE_MAX = 64;

/** Renders an SVG document (colours already static) to PNG at `width` pixels. */
export function svgToPng(svg: string, width: number): Uint8Array {
  const key = createHash("sha256").update(svg).update(String(width)).digest("hex");
  const hit = cache.get(key);
  if (hit) return hit;
  const font = pngFont();
  const r = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(width) },
    font: font
      ? { loadSystemFonts: false, fontFiles: font.files, defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { loadSystemFonts: true },
  });
  const png = new Uint8Array(r.render().asPng());
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, png);
  return png;
}
