// Shows one of a chart's layouts per width class, chosen by CSS container queries on the box the
// chart is placed in (the page's column or the embed's frame): no JavaScript, no layout shift.
// Each layout is drawn 1:1 at its class's design width and grows with its container; it never
// shrinks below it (lib/charts/width.ts), so its text stays at the size it was laid out at.
import type { ReactNode } from "react";
import { WIDTH, type PerWidth } from "@/lib/charts/width";

const CSS =
  `.rc{container-type:inline-size;width:100%}` +
  `.rc>.rc-l{display:none}` +
  `.rc>.rc-l>svg{display:block;width:100%;height:auto}` +
  `@container (max-width:${WIDTH.narrow.max}px){.rc>.rc-n{display:block}}` +
  `@container (min-width:${WIDTH.medium.min}px) and (max-width:${WIDTH.medium.max}px){.rc>.rc-m{display:block}}` +
  `@container (min-width:${WIDTH.wide.min}px){.rc>.rc-w{display:block}}`;

const CLASS = { narrow: "n", medium: "m", wide: "w" } as const;

/**
 * The layouts of one chart, one per width class. Pass the same element for two classes to send it
 * once (e.g. one HTML list for narrow and medium): classes that share an element share its box.
 */
export function Responsive({ layouts, chart, className }: { layouts: PerWidth<ReactNode>; chart: string; className?: string }) {
  const groups: { node: ReactNode; classes: string[] }[] = [];
  for (const w of ["narrow", "medium", "wide"] as const) {
    const g = groups.find((x) => x.node === layouts[w]);
    if (g) g.classes.push(CLASS[w]);
    else groups.push({ node: layouts[w], classes: [CLASS[w]] });
  }
  return (
    <div className={className ? `rc ${className}` : "rc"} data-chart={chart}>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      {groups.map((g) => (
        <div key={g.classes.join("")} className={["rc-l", ...g.classes.map((c) => `rc-${c}`)].join(" ")} data-width={g.classes.join("")}>
          {g.node}
        </div>
      ))}
    </div>
  );
}
