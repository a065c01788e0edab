// Text width estimates for SVG layouts drawn without a browser to measure in: per-glyph-class
// advances (em) of common sans-serif system fonts, rounded up, so Cyrillic (wider than Latin)
// and capitals get the room they take.
const ADVANCE: [RegExp, number][] = [
  [/[\u0400-\u04ff]/, 0.66],
  [/[A-Z]/, 0.68],
  [/[a-z]/, 0.55],
  [/[0-9]/, 0.6],
  [/\s/, 0.3],
  [/[.,;:·'’()|!]/, 0.34],
];

/** Estimated width in px of `text` at `size` px (bold about 8 % wider). */
export function measure(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += ADVANCE.find(([re]) => re.test(ch))?.[1] ?? 0.62;
  return em * size * (bold ? 1.08 : 1);
}

/** How many characters of `text` fit in `width` px on average (for character-count wrapping). */
export function charsFor(text: string, width: number, size: number, bold = false): number {
  return Math.max(8, Math.floor((width * text.length) / Math.max(1, measure(text, size, bold))));
}
