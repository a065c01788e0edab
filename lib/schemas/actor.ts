import { z } from "zod";
import { ActorGroup, ActorKind, ParticipationRole } from "@/lib/generated/prisma/enums";
import { Citations, EditorialFields, Iso2, PastIsoDate, Slug, optionalText, text } from "./common";

export const ActorKindSchema = z.enum(ActorKind);
export const ActorGroupSchema = z.enum(ActorGroup);

/** A country (ISO 3166-1 alpha-2) or an organisation. */
export const ActorInput = z
  .strictObject({
    slug: Slug,
    kind: ActorKindSchema,
    iso2: Iso2.nullable().default(null),
    name: text(120),
    nameUk: optionalText(120),
    groups: z.array(ActorGroupSchema).max(4).default([]),
    summary: optionalText(1000),
    ...EditorialFields,
    citations: Citations,
  })
  .refine((a) => a.kind !== "COUNTRY" || a.iso2 !== null, {
    path: ["iso2"],
    message: "A country needs its ISO 3166-1 alpha-2 code.",
  })
  .refine((a) => a.kind === "COUNTRY" || a.iso2 === null, {
    path: ["iso2"],
    message: "Only countries have an ISO code.",
  });
export type ActorInput = z.infer<typeof ActorInput>;

/** An actor's recorded part in the coalition; `firstRecorded` is the earliest sourced evidence. */
export const ParticipationInput = z
  .strictObject({
    slug: Slug,
    actor: Slug,
    role: z.enum(ParticipationRole).default("MEMBER"),
    joinedOn: PastIsoDate.nullable().default(null),
    firstRecorded: PastIsoDate,
    leftOn: PastIsoDate.nullable().default(null),
    note: optionalText(1000),
    ...EditorialFields,
    citations: Citations,
  })
  .refine((p) => p.joinedOn === null || p.joinedOn <= p.firstRecorded, {
    path: ["joinedOn"],
    message: "The joining date cannot be after the first recorded participation.",
  })
  .refine((p) => p.leftOn === null || p.leftOn >= p.firstRecorded, {
    path: ["leftOn"],
    message: "The leaving date cannot be before the first recorded participation.",
  });
export type ParticipationInput = z.infer<typeof ParticipationInput>;

