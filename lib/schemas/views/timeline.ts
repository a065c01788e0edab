import { z } from "zod";
import { ITEM_KINDS, LANE_IDS } from "@/lib/charts/timeline";
import { IsoDate } from "../common";
import { BaseViewParams, first, listParam } from "../search-params";

/** `actor=gb,fr` (or repeated): actor slugs, checked against the published actors by the loader. */
const ActorSlugs = z.preprocess(
  (v) => {
    if (v === undefined) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim().toLowerCase()).filter(Boolean);
    return parts.length ? parts : undefined;
  },
  z
    .array(z.string().max(80, "An actor slug is too long.").regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use actor slugs such as gb, fr or nato."))
    .max(60, "Too many actor values.")
    .transform((xs) => [...new Set(xs)])
    .optional(),
);

const DateParam = z.preprocess(first, IsoDate.optional());

/** `page=2`: a page of the list below the chart (checked against the page count by the view). */
const PageParam = z.preprocess(
  first,
  z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, "Use a page number such as 2.")
    .transform(Number)
    .optional(),
);

/** /timeline?actor=gb,fr&kind=SUMMIT,PLEDGE&lane=votes&from=2025-01-01&to=2025-12-31&asOf=…&page=2 */
export const TimelineParams = BaseViewParams.extend({
  actor: ActorSlugs,
  kind: listParam(ITEM_KINDS, "kind"),
  lane: listParam(LANE_IDS, "lane"),
  from: DateParam,
  to: DateParam,
  page: PageParam,
}).refine((p) => !p.from || !p.to || p.from <= p.to, { path: ["to"], message: "The end date is before the start date." });
export type TimelineParams = z.infer<typeof TimelineParams>;

/**
 * The query without empty parameters (`from=&to=` from a submitted form with blank dates), or
 * null when it has none: the view redirects to that normalised URL.
 */
export function withoutEmptyParams(search: URLSearchParams): string | null {
  const kept = [...search].filter(([, v]) => v.trim() !== "");
  if (kept.length === [...search].length) return null;
  return new URLSearchParams(kept).toString();
}
