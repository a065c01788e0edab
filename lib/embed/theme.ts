// Colours and dark mode for embeds and their SVG/PNG downloads. Embeds carry no site stylesheet,
// so the site's colour tokens (app/globals.css, kept in step by tests/unit/embed-theme.test.ts)
// are declared here. Every chart switches to dark with `@media (prefers-color-scheme: dark)`;
// `theme=light|dark` resolves those blocks on the server (dropped or always applied), so a forced
// theme needs no JavaScript. resvg knows neither custom properties nor color-mix(), so static
// renders substitute them too.

export const THEMES = ["light", "dark", "auto"] as const;
export type Theme = (typeof THEMES)[number];

/** The site's semantic tokens, light and dark (app/globals.css :root). */
export const TOKENS = {
  light: { ink: "#1b2430", muted: "#5b6675", rule: "#d5dbe2", accent: "#0b57d0", surface: "#ffffff", canvas: "#ffffff", subtle: "#f4f6f8" },
  dark: { ink: "#e8ecf1", muted: "#a3adba", rule: "#39424e", accent: "#8ab4f8", surface: "#1d232b", canvas: "#14181d", subtle: "#1d232b" },
} as const;

/** The lifecycle stage scale (app/globals.css @theme): lightness follows the stage order. */
export const STAGE_COLOURS = {
  "stage-floated": "#f9f6c8",
  "stage-announced": "#c4edbb",
  "stage-conditional": "#8ae0c9",
  "stage-formalised": "#60ccd7",
  "stage-approved": "#59b1e1",
  "stage-deployed": "#6794dd",
  "stage-ruled-out": "#f9aea2",
  "stage-withdrawn": "#e8b0d5",
  "stage-ink": "#1b2430",
  "stage-none": "#d1d1d1",
  "stage-none-line": "#b4b4b4",
} as const;

/** The same scale for dark pages (app/globals.css, dark :root after @theme): same order, dimmed. */
export const STAGE_COLOURS_DARK: Record<keyof typeof STAGE_COLOURS, string> = {
  "stage-floated": "#dfddb7",
  "stage-announced": "#b3d6ab",
  "stage-conditional": "#82ccb8",
  "stage-formalised": "#5dbbc6",
  "stage-approved": "#57a5d0",
  "stage-deployed": "#648ccf",
  "stage-ruled-out": "#de9589",
  "stage-withdrawn": "#ce97bb",
  "stage-ink": "#14181d",
  "stage-none": "#3b3b3b",
  "stage-none-line": "#555555",
};

const decls = (o: Record<string, string>, prefix = "") =>
  Object.entries(o)
    .map(([k, v]) => `--${prefix}${k}:${v}`)
    .join(";");

/** Root custom properties: light tokens, dark tokens under the dark media query, stage colours. */
export function rootVariables(): string {
  return (
    `:root{${decls(TOKENS.light)};${decls(STAGE_COLOURS, "color-")};color-scheme:light dark}` +
    `@media (prefers-color-scheme:dark){:root{${decls(TOKENS.dark)};${decls(STAGE_COLOURS_DARK, "color-")}}}`
  );
}

const SCHEME = /@media\s*\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)\s*\{/g;

/** Index just after the brace that closes the block opened at `open` (the index of "{"). */
function closing(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === "{") depth++;
    else if (css[i] === "}" && --depth === 0) return i + 1;
  }
  return css.length;
}

/**
 * Resolves colour-scheme media blocks for a theme: `auto` keeps them; `light` and `dark` keep the
 * matching blocks' rules in place (unwrapped) and drop the others.
 */
export function applyTheme(css: string, theme: Theme): string {
  if (theme === "auto") return css;
  let out = "";
  let last = 0;
  for (const m of css.matchAll(SCHEME)) {
    const start = m.index;
    if (start < last) continue;
    const open = start + m[0].length - 1;
    const end = closing(css, open);
    out += css.slice(last, start);
    if (m[1] === theme) out += css.slice(open + 1, end - 1);
    last = end;
  }
  out += css.slice(last);
  return out.replace(/color-scheme:light dark/g, `color-scheme:${theme}`);
}

/** Custom properties declared in a style sheet, the last declaration winning (as in a cascade without scoping). */
export function customProperties(css: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const m of css.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;}]+)/gi)) props.set(m[1], m[2].trim());
  return props;
}

const VAR = /var\(\s*(--[a-z0-9-]+)\s*(?:,\s*([^()]*))?\)/gi;

function hex(c: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(c.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((x) => x + x).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** `color-mix(in srgb, #aaa 74%, #bbb)` of two hex colours, as hex; other forms are left alone. */
function mix(expr: string): string {
  const m = /^color-mix\(\s*in srgb\s*,\s*(#[0-9a-f]{3,6})\s+([\d.]+)%\s*,\s*(#[0-9a-f]{3,6})\s*\)$/i.exec(expr);
  const a = m && hex(m[1]);
  const b = m && hex(m[3]);
  if (!m || !a || !b) return expr;
  const p = Number(m[2]) / 100;
  return `#${a.map((v, i) => Math.round(v * p + b[i] * (1 - p)).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * An SVG document for renderers without CSS custom properties or colour-scheme queries (resvg,
 * and SVG editors): the theme applied, every var() replaced by its value, color-mix() computed.
 */
export function staticColours(svg: string, theme: Exclude<Theme, "auto">): string {
  let s = applyTheme(svg, theme);
  const props = customProperties(`${decls(TOKENS[theme])};${decls(theme === "dark" ? STAGE_COLOURS_DARK : STAGE_COLOURS, "color-")};${s}`);
  for (let i = 0; i < 5 && VAR.test(s); i++) {
    VAR.lastIndex = 0;
    s = s.replace(VAR, (_, name: string, fallback?: string) => props.get(name) ?? fallback?.trim() ?? "currentColor");
  }
  // Declarations of custom properties are meaningless to the renderer; color-mix() is computed.
  return s.replace(/color-mix\([^()]*\)/gi, (m) => mix(m));
}
