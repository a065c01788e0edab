import { z } from "zod";
import { EventKind } from "@/lib/generated/prisma/enums";
import { Citations, DatePrecisionSchema, EditorialFields, PastIsoDate, Slug, optionalText, text } from "./common";

export const EventKindSchema = z.enum(EventKind);

/** A dated summit, declaration, statement, vote, threat or rejection. */
export const EventInput = z
  .strictObject({
    slug: Slug,
    kind: EventKindSchema,
    date: PastIsoDate,
    datePrecision: DatePrecisionSchema.default("DAY"),
    title: text(200),
    summary: text(3000),
    location: optionalText(160),
    speaker: optionalText(160),
    actors: z.array(Slug).max(80).default([]),
    commitments: z.array(Slug).max(80).default([]),
    ...EditorialFields,
    citations: Citations,
  })
  .refine((e) => new Set(e.actors).size === e.actors.length, { path: ["actors"], message: "Each actor only once." });
export type EventInput = z.infer<typeof EventInput>;
