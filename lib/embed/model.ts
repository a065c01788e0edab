// What an embed shows, independent of its format (HTML, SVG, PNG, CSV): built by a chart
// definition (lib/embed/charts/*) from the same loaders and transforms as the public view.
import type { PlacedMatrix } from "@/lib/charts/commitment-matrix";
import type { CountryRow, EuropeLayout } from "@/lib/charts/europe-map";
import type { PlacedOverview } from "@/lib/charts/overview";
import type { PollsLayout } from "@/lib/charts/polls";
import type { SceneLink, TimelineScene } from "@/lib/charts/timeline";
import type { MapSite, UkraineLayout } from "@/lib/charts/ukraine-map";
import type { CsvValue } from "@/lib/csv";
import type { Lang } from "@/lib/i18n";
import type { PerWidth } from "@/lib/charts/width";
import type { DrawnLayout } from "@/lib/charts/drawn";

export const CHART_IDS = ["commitments", "timeline", "europe-map", "ukraine-map", "polls", "country", "overview", "capacity"] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** Which renderer draws the chart, with its placed data (components/embed/chart.tsx). */
export type ChartSpec =
  | { kind: "commitments"; layouts: PerWidth<PlacedMatrix> }
  | { kind: "timeline"; scenes: PerWidth<TimelineScene>; href: (link: SceneLink) => string }
  | { kind: "europe-map"; layouts: PerWidth<EuropeLayout>; rows: CountryRow[]; dateLabel: string; href: (r: CountryRow) => string }
  | { kind: "ukraine-map"; layouts: PerWidth<UkraineLayout>; sites: MapSite[]; href: (slug: string) => string }
  | { kind: "polls"; layouts: PerWidth<PollsLayout>; href: (slug: string) => string }
  | { kind: "country"; layouts: PerWidth<DrawnLayout> }
  | { kind: "overview"; layouts: PerWidth<PlacedOverview> }
  | { kind: "capacity"; layouts: PerWidth<DrawnLayout> };

/** A legend swatch: a small shape with a class (styled by the chart's own CSS within `scope`) or colours. */
export type Swatch = {
  shape: "rect" | "circle" | "ring" | "diamond" | "triangle" | "square";
  className?: string;
  /** Class of a group around the shape (e.g. a timeline lane, which sets the colour). */
  group?: string;
  fill?: string;
  stroke?: string;
};
export type LegendItem = { label: string; swatch: Swatch };

export type SourceRef = { url: string; outlet: string; originalOutlet: string | null };

export type DataTable = { caption: string; columns: string[]; rows: string[][] };

export type EmbedModel = {
  title: string;
  /** One sentence generated from the data: the visible description, the SVG desc and the alt text. */
  description: string;
  spec: ChartSpec;
  /** The chart's own coordinate size (its viewBox) in each width class's layout. */
  sizes: PerWidth<{ width: number; height: number }>;
  /** Class that scopes the chart's CSS, put on the legend so its swatches use the chart's colours. */
  scope: string;
  legend: LegendItem[];
  notes: string[];
  /** Every source behind the shown data, once per citing record (so outlets can be ranked). */
  sources: SourceRef[];
  /** Outlets already ranked by the loader, most cited first (views too large to rank here); replaces ranking `sources`. */
  outlets?: string[];
  table: DataTable;
  csv: { columns: readonly string[]; rows: Record<string, CsvValue>[] };
  /** Base of download file names, e.g. "timeline-2026-11-28". */
  filename: string;
  /** The valid-time date the chart shows (YYYY-MM-DD). */
  asOf: string;
};

export type ModelContext = { lang: Lang; origin: string };
