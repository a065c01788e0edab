// Every public page's parameters by path, for proxy.ts: a page whose parameters do not parse is
// answered 400 with its own message (the page parses them again and explains what is wrong).
import type { z } from "zod";
import { PageParam } from "../page";
import { BaseViewParams, QueryParam } from "../search-params";
import { CommitmentsParams } from "./commitments";
import { CorrectionsParams } from "./corrections";
import { MapParams } from "./map";
import { OverviewParams } from "./overview";
import { PollsParams } from "./polls";
import { SourcesParams } from "./sources";
import { TimelineParams } from "./timeline";

/** /capacity: the date, the language and the page of per-country details. */
export const CapacityPageParams = BaseViewParams.extend({ page: PageParam });
/** /countries/[code]: the date, the language, and one page number per long list. */
export const CountryPageParams = BaseViewParams.extend({ page: PageParam, pollsPage: PageParam, eventsPage: PageParam, sourcesPage: PageParam });
/** /search?q= */
export const SearchParams = BaseViewParams.extend({ q: QueryParam });

const PAGES: [RegExp, z.ZodType][] = [
  [/^\/$/, OverviewParams],
  [/^\/commitments$/, CommitmentsParams],
  [/^\/commitments\/[^/]+$/, BaseViewParams],
  [/^\/timeline$/, TimelineParams],
  [/^\/map$/, MapParams],
  [/^\/polls$/, PollsParams],
  [/^\/capacity$/, CapacityPageParams],
  [/^\/countries\/[^/]+$/, CountryPageParams],
  [/^\/sources$/, SourcesParams],
  [/^\/corrections$/, CorrectionsParams],
  [/^\/search$/, SearchParams],
];

/** The parameter schema of the public page at `pathname`, or null when it is not a view. */
export function pageParams(pathname: string): z.ZodType | null {
  return PAGES.find(([re]) => re.test(pathname))?.[1] ?? null;
}
