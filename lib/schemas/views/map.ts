import { z } from "zod";
import { BaseViewParams, first } from "../search-params";

/** /map?view=europe|ukraine&asOf=YYYY-MM-DD&lang=uk — `view` puts one map first (both are always shown). */
export const MapParams = BaseViewParams.extend({
  view: z.preprocess(first, z.enum(["europe", "ukraine"], { message: "Unknown view. Use europe or ukraine." }).optional()),
});
export type MapParams = z.infer<typeof MapParams>;
