// Draws an embed's chart with the public view's own SVG components (timeline, maps) or the
// embed's compact SVGs (matrix, polls, country card), all from the same transforms.
import { EuropeMap } from "@/components/charts/europe-map";
import { TimelineChart } from "@/components/charts/timeline";
import { UkraineMap } from "@/components/charts/ukraine-map";
import type { EmbedModel } from "@/lib/embed/model";
import { perWidth, type WidthClass } from "@/lib/charts/width";
import { CapacityRankingSvg } from "@/components/charts/capacity";
import { Responsive } from "@/components/charts/responsive";
import type { Lang } from "@/lib/i18n";
import { TIMELINE } from "@/lib/i18n/messages/timeline";
import { CountryCardSvg } from "@/components/charts/country-card";
import { MatrixSvg } from "./matrix-svg";
import { PollsSvg } from "./polls-svg";

/**
 * The chart of a model: with `width`, the bare SVG of that width class's layout (downloads and
 * images); without, every class's layout switched by container queries (pages and embeds).
 * `interactive` adds hover and focus details (not in images).
 */
export function ChartSvg(props: { model: EmbedModel; lang: Lang; origin: string; interactive: boolean; width?: WidthClass }) {
  if (props.width) return <ChartLayout {...props} width={props.width} />;
  const kind = props.model.spec.kind;
  if (kind === "capacity" || kind === "country") return <Responsive chart={kind} layouts={perWidth((w) => <ChartLayout {...props} width={w} />)} />;
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
      return <MatrixSvg layout={s.layout} {...text} href={(slug) => `${origin}/commitments/${slug}${q}`} />;
    case "polls":
      return <PollsSvg layout={s.layout} {...text} href={(slug) => `${origin}/polls${q}#poll-${slug}`} />;
    case "country":
      return <CountryCardSvg layout={s.layouts[width]} {...text} id={`cc-${width}`} href={(path) => (path.startsWith("/") ? `${origin}${path}${q}` : path)} />;
    case "capacity":
      return <CapacityRankingSvg layout={s.layouts[width]} {...text} id={`cap-${width}`} href={(path) => (path.startsWith("/") ? `${origin}${path}${q}` : path)} />;
  }
}
