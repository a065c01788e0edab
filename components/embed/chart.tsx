// Draws an embed's chart with the public view's own SVG components (timeline, maps) or the
// embed's compact SVGs (matrix, polls, country card), all from the same transforms.
import { MatrixChart } from "@/components/charts/commitment-matrix";
import { EuropeMap } from "@/components/charts/europe-map";
import { OverviewChart } from "@/components/charts/overview";
import { TimelineChart } from "@/components/charts/timeline";
import { PollsChart } from "@/components/charts/polls-chart";
import { UkraineMap } from "@/components/charts/ukraine-map";
import { cellPath } from "@/lib/charts/commitment-matrix";
import type { EmbedModel } from "@/lib/embed/model";
import { perWidth, type WidthClass } from "@/lib/charts/width";
import { Responsive } from "@/components/charts/responsive";
import type { Lang } from "@/lib/i18n";
import { CountryCardSvg } from "@/components/charts/country-card";
import { CapacityRankingSvg } from "@/components/charts/capacity";

/**
 * The chart of a model: with `width`, the bare SVG of that width class's layout (downloads and
 * images); without, every class's layout switched by container queries (pages and embeds).
 * `interactive` adds hover and focus details (not in images).
 */
export function ChartSvg(props: { model: EmbedModel; lang: Lang; origin: string; interactive: boolean; width?: WidthClass }) {
  if (props.width) return <ChartLayout {...props} width={props.width} />;
  // Every view has a layout per width class; the container picks one.
  return <Responsive chart={props.model.spec.kind} layouts={perWidth((w) => <ChartLayout {...props} width={w} />)} />;
}

/** One width class's layout of a model. */
function ChartLayout({ model, lang, origin, interactive, width }: { model: EmbedModel; lang: Lang; origin: string; interactive: boolean; width: WidthClass }) {
  const s = model.spec;
  const q = lang === "uk" ? "?lang=uk" : "";
  const text = { title: model.title, desc: model.description };
  switch (s.kind) {
    case "timeline":
      return <TimelineChart scene={s.scenes[width]} lang={lang} hrefFor={s.href} description={model.description} interactive={interactive} />;
    case "europe-map":
      return <EuropeMap layout={s.layouts[width]} lang={lang} hrefFor={s.href} dateLabel={s.dateLabel} title={model.title} interactive={interactive} />;
    case "ukraine-map":
      return <UkraineMap layout={s.layouts[width]} lang={lang} title={model.title} href={s.href} />;
    case "commitments":
      return <MatrixChart placed={s.layouts[width]} {...text} href={(to) => `${origin}${cellPath(to)}${q}`} id={`mx-${width[0]}`} />;
    case "polls":
      return <PollsChart layout={s.layouts[width]} {...text} id={`pl-${width}`} href={s.href} />;
    case "country":
      return <CountryCardSvg layout={s.layouts[width]} {...text} id={`cc-${width}`} href={(path) => (path.startsWith("/") ? `${origin}${path}${q}` : path)} />;
    case "capacity":
      return <CapacityRankingSvg layout={s.layouts[width]} {...text} id={`cap-${width}`} href={(path) => (path.startsWith("/") ? `${origin}${path}${q}` : path)} />;
    case "overview":
      return <OverviewChart placed={s.layouts[width]} {...text} id={`ov-${width}`} />;
  }
}
