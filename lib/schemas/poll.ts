import { z } from "zod";
import { PollMode, WordingClass } from "@/lib/generated/prisma/enums";
import { Citations, DatePrecisionSchema, EditorialFields, Iso2, PastIsoDate, Percent, Slug, optionalText, text } from "./common";

export const WordingClassSchema = z.enum(WordingClass);

/** One poll result in one country. Results of different wording classes are never pooled. */
export const PollInput = z
  .strictObject({
    slug: Slug,
    pollster: text(160),
    client: optionalText(160),
    fieldworkStart: PastIsoDate.nullable().default(null),
    fieldworkEnd: PastIsoDate,
    fieldworkPrecision: DatePrecisionSchema.default("DAY"),
    country: Iso2,
    sampleSize: z.number().int("Use a whole number.").positive().max(10_000_000).nullable().default(null),
    mode: z.enum(PollMode).default("UNKNOWN"),
    question: text(1000),
    questionVerbatim: z.boolean().default(false),
    wordingClass: WordingClassSchema,
    support: Percent.nullable().default(null),
    oppose: Percent.nullable().default(null),
    dontKnow: Percent.nullable().default(null),
    note: optionalText(2000),
    ...EditorialFields,
    citations: Citations,
  })
  .superRefine((p, ctx) => {
    const total = (p.support ?? 0) + (p.oppose ?? 0) + (p.dontKnow ?? 0);
    if (total > 100.5) {
      ctx.addIssue({
        code: "custom",
        path: ["dontKnow"],
        message: `Support, oppose and don't know add up to ${total.toFixed(1)}, more than 100.`,
      });
    }
    if (p.fieldworkStart !== null && p.fieldworkStart > p.fieldworkEnd) {
      ctx.addIssue({ code: "custom", path: ["fieldworkStart"], message: "Fieldwork cannot start after it ends." });
    }
    if (p.support === null && p.oppose === null) {
      ctx.addIssue({ code: "custom", path: ["support"], message: "Record at least the support or the oppose share." });
    }
  });
export type PollInput = z.infer<typeof PollInput>;
