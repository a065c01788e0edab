import { z } from "zod";
import { LocationPrecision, SiteActorRole, SiteKind } from "@/lib/generated/prisma/enums";
import { Citations, EditorialFields, Iso2, Slug, optionalText, text } from "./common";

export const SiteKindSchema = z.enum(SiteKind);
export const LocationPrecisionSchema = z.enum(LocationPrecision);

// A coordinate is only ever a city's centre: two decimals (about 1 km) is the finest we store.
const Coordinate = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "Store at most two decimals: never finer than a city.")
    .nullable()
    .default(null);

/**
 * A hub, facility, HQ, coordination cell or training centre. Safety rule: stored only as
 * precisely as publicly announced and never finer than a city; see DESIGN.md.
 */
export const SiteInput = z
  .strictObject({
    slug: Slug,
    kind: SiteKindSchema,
    name: text(160),
    description: optionalText(2000),
    commitment: Slug.nullable().default(null),
    precision: LocationPrecisionSchema,
    countryIso2: Iso2.nullable().default(null),
    region: optionalText(120),
    city: optionalText(120),
    latitude: Coordinate(-90, 90),
    longitude: Coordinate(-180, 180),
    coordinateSignedOffBy: optionalText(200),
    isContext: z.boolean().default(false),
    actors: z
      .array(z.strictObject({ actor: Slug, role: z.enum(SiteActorRole) }))
      .max(40)
      .default([]),
    ...EditorialFields,
    citations: Citations,
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const hasCoord = s.latitude !== null || s.longitude !== null;
    if (s.precision === "UNDISCLOSED") {
      if (s.region !== null) issue("region", "An undisclosed site has no region.");
      if (s.city !== null) issue("city", "An undisclosed site has no city.");
    }
    if (s.precision !== "UNDISCLOSED" && s.countryIso2 === null) {
      issue("countryIso2", "Name the country the site was announced in.");
    }
    if (s.precision === "COUNTRY") {
      if (s.region !== null) issue("region", "Precision is country: leave the region empty or raise the precision.");
      if (s.city !== null) issue("city", "Precision is country: leave the city empty or raise the precision.");
    }
    if (s.precision === "REGION") {
      if (s.region === null) issue("region", "Precision is region: name the region.");
      if (s.city !== null) issue("city", "Precision is region: leave the city empty or raise the precision.");
    }
    if (s.precision === "CITY" && s.city === null) issue("city", "Precision is city: name the city.");
    if (hasCoord && s.precision !== "CITY") {
      issue("latitude", "Coordinates are only stored for sites announced at city precision (the city's centre).");
    }
    if ((s.latitude === null) !== (s.longitude === null)) issue("longitude", "Give both latitude and longitude, or neither.");
    if (s.actors.filter((a) => a.role === "LEAD").length > 4) issue("actors", "At most four lead actors.");
  });
export type SiteInput = z.infer<typeof SiteInput>;
