import { z } from "zod";
import { SourceKind } from "@/lib/generated/prisma/enums";
import { DatePrecisionSchema, HttpUrl, IsoDate, PastIsoDate, Slug, optionalText, text } from "./common";

export const SourceKindSchema = z.enum(SourceKind);

/** A source any record can cite: outlet, author, title, URL, date and kind. */
export const SourceInput = z
  .strictObject({
    slug: Slug,
    url: HttpUrl,
    outlet: text(200),
    originalOutlet: optionalText(200),
    author: optionalText(200),
    title: optionalText(400),
    publishedOn: PastIsoDate.nullable().default(null),
    publishedPrecision: DatePrecisionSchema.default("DAY"),
    kind: SourceKindSchema,
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/, "Use a language tag such as en or uk.")
      .nullable()
      .default(null),
    accessedOn: IsoDate.nullable().default(null),
  })
  .refine((s) => s.kind !== "COPY" || s.originalOutlet !== null, {
    path: ["originalOutlet"],
    message: "A copy or mirror must name the outlet whose text it reproduces.",
  });
export type SourceInput = z.infer<typeof SourceInput>;
