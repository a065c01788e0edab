import { z } from "zod";
import { LangParam, first } from "../search-params";

const WHOLE = "Use a whole number from 1.";

/** /corrections?page=2 (page 1, the newest releases, when absent). */
export const CorrectionsParams = z.object({
  lang: LangParam,
  page: z.preprocess(first, z.coerce.number({ error: WHOLE }).int(WHOLE).min(1, WHOLE).max(1_000_000, "There is no such page.").default(1)),
});
