import type { z } from "zod";
import { BaseViewParams } from "../search-params";

/** /?asOf=YYYY-MM-DD&lang=uk — the overview and its lead chart take the as-of date only. */
export const OverviewParams = BaseViewParams;
export type OverviewParams = z.infer<typeof OverviewParams>;
