// The polls view's URL parameters (/polls, /embed/polls, /polls/download).
import { z } from "zod";
import { WordingClass as WordingClassEnum, type WordingClass } from "@/lib/generated/prisma/enums";
import { BaseViewParams, first, listParam } from "../search-params";

const WORDING_CLASSES = Object.values(WordingClassEnum) as [WordingClass, ...WordingClass[]];
const WHOLE = "Use a whole number from 1.";

/** `country=GB,FR` (or repeated): two-letter ISO codes, any case; existence is checked by the page. */
export const CountryListParam = z.preprocess(
  (v) => {
    if (v === undefined) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean);
    return parts.length ? parts : undefined;
  },
  z
    .array(z.string().regex(/^[A-Z]{2}$/, "Use two-letter ISO country codes such as GB or FR."))
    .max(60, "Too many countries.")
    .transform((xs) => [...new Set(xs)])
    .optional(),
);

/** /polls?country=GB,FR&class=OWN_TROOPS_PEACEKEEPING&asOf=2025-12-31&lang=uk */
export const PollsParams = BaseViewParams.extend({
  country: CountryListParam,
  class: listParam(WORDING_CLASSES, "wording class"),
  /** Page of the poll table (the chart is not paged); past the last page is checked by the loader. */
  page: z.preprocess(first, z.coerce.number({ error: WHOLE }).int(WHOLE).min(1, WHOLE).max(100_000, "There is no such page.").optional()),
});
export type PollsParams = z.infer<typeof PollsParams>;

/** Requested codes that are not among the known ones, as a ParamError message list. */
export function unknownCountryErrors(requested: string[] | undefined, known: readonly string[]): string[] {
  const missing = (requested ?? []).filter((c) => !known.includes(c));
  if (missing.length === 0) return [];
  return [`country: Unknown country code ${missing.join(", ")}. Use one of: ${[...known].sort().join(", ")}.`];
}

