import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { applyTheme, rootVariables, STAGE_COLOURS, STAGE_COLOURS_DARK, staticColours, TOKENS } from "@/lib/embed/theme";

const globals = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
const block = (re: RegExp) => Object.fromEntries([...(re.exec(globals)?.[1] ?? "").matchAll(/--([a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));

describe("embed colours", () => {
  it("are the site's colour tokens and stage scale (app/globals.css)", () => {
    expect(block(/:root\s*\{([^}]*)\}/)).toEqual(TOKENS.light);
    expect(block(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/)).toEqual(TOKENS.dark);
    const theme = block(/@theme\s*\{([^}]*)\}/);
    for (const [k, v] of Object.entries(STAGE_COLOURS)) expect(theme[`color-${k}`]).toBe(v);
    const dark = block(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*--color-stage[^}]*)\}/);
    for (const [k, v] of Object.entries(STAGE_COLOURS_DARK)) expect(dark[`color-${k}`]).toBe(v);
  });

  it("orders the stage scale by lightness in both themes, darkest last, ink readable on each", () => {
    const lum = (h: string) => {
      const c = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const steps = ["floated", "announced", "conditional", "formalised", "approved", "deployed"];
    for (const scale of [STAGE_COLOURS, STAGE_COLOURS_DARK] as Record<string, string>[]) {
      const l = steps.map((s) => lum(scale[`stage-${s}`]));
      for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]);
      const ink = lum(scale["stage-ink"]);
      for (const s of [...steps, "ruled-out", "withdrawn"]) expect((lum(scale[`stage-${s}`]) + 0.05) / (ink + 0.05)).toBeGreaterThanOrEqual(4.5);
      // "Not a participant" is a neutral grey no stage uses.
      const none = scale["stage-none"];
      expect(none.slice(1, 3)).toBe(none.slice(3, 5));
      expect(Object.entries(scale).filter(([k, v]) => v === none && k !== "stage-none")).toEqual([]);
    }
  });

  it("resolves colour-scheme blocks for a forced theme and keeps them for auto", () => {
    const css = ".a{fill:#fff}@media (prefers-color-scheme:dark){.a{fill:#000}.b{x:1}}.c{y:2}@media (prefers-color-scheme: light){.d{z:3}}";
    expect(applyTheme(css, "auto")).toBe(css);
    expect(applyTheme(css, "light")).toBe(".a{fill:#fff}.c{y:2}.d{z:3}");
    expect(applyTheme(css, "dark")).toBe(".a{fill:#fff}.a{fill:#000}.b{x:1}.c{y:2}");
    expect(applyTheme(rootVariables(), "dark")).toContain("color-scheme:dark");
    expect(applyTheme(rootVariables(), "light")).not.toContain(TOKENS.dark.canvas);
  });

  it("makes a document resvg can colour: no var() or color-mix() left, dark when asked", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><style>.m{--land:#d9dee5;--edge:var(--canvas,#fff)}@media (prefers-color-scheme:dark){.m{--land:#2c343e}}.m .l{fill:var(--land)}.m .k{fill:color-mix(in srgb,var(--color-stage-formalised) 74%,#14181d)}</style><g class="m"><rect class="l" width="20" height="20"/><rect class="k" x="20" width="20" height="20" stroke="var(--edge)"/></g></svg>`;
    const light = staticColours(svg, "light");
    const dark = staticColours(svg, "dark");
    for (const s of [light, dark]) expect(s).not.toMatch(/var\(|color-mix|prefers-color-scheme/);
    expect(dark).toContain(`stroke="${TOKENS.dark.canvas}"`);
    const px = (doc: string, x: number) => {
      const img = new Resvg(doc).render();
      return Array.from(img.pixels.slice((10 * img.width + x) * 4, (10 * img.width + x) * 4 + 3));
    };
    expect(px(light, 5)).toEqual([0xd9, 0xde, 0xe5]);
    expect(px(dark, 5)).toEqual([0x2c, 0x34, 0x3e]);
    // 74 % of the dark formalised #5dbbc6 with 26 % of #14181d.
    expect(px(dark, 30)).toEqual([74, 145, 154]);
  });
});
