import "server-only";
import type { Chart } from "./define";
import { CHART_IDS, type ChartId } from "@/lib/embed/model";
import { commitmentsChart } from "./commitments";
import { capacityViewChart } from "./capacity";
import { countryChart } from "./country";
import { europeMapChart, ukraineMapChart } from "./maps";
import { overviewChart } from "./overview";
import { pollsChart } from "./polls";
import { timelineChart } from "./timeline";

/** Every embeddable chart by id (the path segment after /embed/). */
export const CHARTS: Record<ChartId, Chart> = {
  commitments: commitmentsChart,
  timeline: timelineChart,
  "europe-map": europeMapChart,
  "ukraine-map": ukraineMapChart,
  polls: pollsChart,
  country: countryChart,
  overview: overviewChart,
  capacity: capacityViewChart,
};

/** The chart with this id, or null. */
export function chartById(id: string): Chart | null {
  return (CHART_IDS as readonly string[]).includes(id) ? CHARTS[id as ChartId] : null;
}
