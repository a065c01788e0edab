// The per-country commitment card as one SVG per width class (lib/charts/country-card.ts): each
// commitment with its stage chip (colour and words), date, conditions, how binding (bars and
// words), parliamentary approval and its sources. Used by the country page and its embed.
import type { DrawnLayout } from "@/lib/charts/drawn";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { DrawnSvg } from "./drawn-svg";

const STAGE_VAR = ["floated", "announced", "conditional", "formalised", "approved", "deployed", "ruled-out", "withdrawn"];

const CSS = `.cc{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.cc text{fill:var(--ink)}
.cc .m{fill:var(--muted)}
.cc .bd{fill:var(--color-stage-ink)}
.cc .gr{fill:var(--rule)}
.cc .on{fill:var(--ink)}
.cc .off{fill:none;stroke:var(--muted);stroke-width:.6}
.cc .ln{fill:var(--accent)}
.cc a:hover text,.cc a:focus text{text-decoration:underline}
.cc a:focus{outline:none}
${STAGE_ORDER.map((_, i) => `.cc .s${i}{fill:var(--color-stage-${STAGE_VAR[i]})}`).join("")}`;

/** One width class's card; `href` turns a layout link (a path or a source URL) into a URL. */
export function CountryCardSvg({ layout, title, desc, href, id = "cc" }: { layout: DrawnLayout; title: string; desc: string; href: (path: string) => string; id?: string }) {
  return <DrawnSvg layout={layout} scope="cc" css={CSS} title={title} desc={desc} id={id} href={href} />;
}
