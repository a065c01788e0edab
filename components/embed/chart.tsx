// Draws an embed's chart with the public view's own SVG components (timeline, maps) or the
// embed's compact SVGs (matrix, polls, country card), all from the same transforms.
import { MatrixChart } from "@/components/charts/commitment-matrix";
import { EuropeMap } from "@/components/charts/europe-map";
import { TimelineChart } from "@/components/charts/timeline";
import { UkraineMap } from "@/components/charts/ukraine-map";
import { cellPath } from "@/lib/charts/commitment-matrix";
import type { EmbedModel } from "@/lib/embed/model";
import type { WidthClass } from "@/lib/charts/width";
import { Responsive } from "@/components/charts/responsive";
import type { Lang } from "@/lib/i18n";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { CountryCardSvg } from "./country-card";
import { PollsSvg } from "./polls-svg";

/**
 * The chart of a model: with `width`, the bare SVG of that width class's layout (downloads and
 * images); without, every class's layout switched by container queries (pages and embeds).
 * `interactive` adds hover and focus details (not in images).
 */
export function ChartSvg(props: { model: EmbedModel; lang: Lang; origin: string; interactive: boolean; width?: WidthClass }) {
  if (props.width) return <ChartLayout {...props} width={props.width} />;
  if (props.model.spec.kind === "commitments") {
    const at = (width: WidthClass) => <ChartLayout {...props} width={width} />;
    return <Responsive chart="commitments" layouts={{ narrow: at("narrow"), medium: at("medium"), wide: at("wide") }} />;
  }
  const node = <ChartLayout {...props} width="wide" />;
  return <Responsive chart={props.model.spec.kind} layouts={{ narrow: node, medium: node, wide: node }} />;
}

/** One width class's layout of a model. */
function ChartLayout({ model, lang, origin, interactive, width }: { model: EmbedModel; lang: Lang; origin: string; interactive: boolean; width: WidthClass }) {
  const s = model.spec;
  const q = lang === "uk" ? "?lang=uk" : "";
  const text = { title: model.title, desc: model.description };
  switch (s.kind) {
    case "timeline":
      return <TimelineChart placed={s.placed} lang={lang} hrefFor={s.href} hint={interactive ? TIMELINE.bandHint[lang] : undefined} />;
    case "europe-map":
      return <EuropeMap compact placed={s.placed} rows={s.rows} lang={lang} hrefFor={s.href} dateLabel={s.dateLabel} />;
    case "ukraine-map":
      return <UkraineMap compact placed={s.placed} lang={lang} />;
    case "commitments":
      return <MatrixChart placed={s.layouts[width]} {...text} href={(to) => `${origin}${cellPath(to)}${q}`} id={`mx-${width[0]}`} />;
    case "polls":
      return <PollsSvg layout={s.layout} {...text} href={(slug) => `${origin}/polls${q}#poll-${slug}`} />;
    case "country":
      return <CountryCardSvg layout={s.layout} {...text} href={(slug) => `${origin}/commitments/${slug}${q}`} />;
  }
}
