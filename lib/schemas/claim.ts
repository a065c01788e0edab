import { z } from "zod";
import { ClaimKind, VerificationStatus } from "@/lib/generated/prisma/enums";
import { Citations, DatePrecisionSchema, EditorialFields, PastIsoDate, Slug, optionalText, text } from "./common";
import { QuantityQualifierSchema } from "./commitment";

export const VerificationStatusSchema = z.enum(VerificationStatus);

/** A claim to check, or a context figure with value, unit and as-of date, with its verification status. */
export const ClaimInput = z
  .strictObject({
    slug: Slug,
    kind: z.enum(ClaimKind),
    statement: text(1000),
    actor: Slug.nullable().default(null),
    valueLow: z.number().max(1e14).nullable().default(null),
    valueHigh: z.number().max(1e14).nullable().default(null),
    valueQualifier: QuantityQualifierSchema.nullable().default(null),
    unit: optionalText(60),
    asOf: PastIsoDate.nullable().default(null),
    asOfPrecision: DatePrecisionSchema.default("DAY"),
    verification: VerificationStatusSchema,
    finding: optionalText(2000),
    origin: optionalText(120),
    metric: z
      .string()
      .regex(/^[a-z]+(-[a-z]+)*(:[A-Z]{2})?$/, "Use a metric such as regular-army or deployed-in:EE.")
      .nullable()
      .default(null),
    ...EditorialFields,
    citations: Citations,
  })
  .superRefine((c, ctx) => {
    const hasValue = c.valueLow !== null || c.valueHigh !== null;
    if (c.kind === "FIGURE" && !hasValue) {
      ctx.addIssue({ code: "custom", path: ["valueLow"], message: "A figure needs a value." });
    }
    if (hasValue && (c.unit === null || c.valueQualifier === null)) {
      ctx.addIssue({ code: "custom", path: ["unit"], message: "A value needs a unit and a qualifier." });
    }
    if (c.valueLow !== null && c.valueHigh !== null && c.valueLow > c.valueHigh) {
      ctx.addIssue({ code: "custom", path: ["valueHigh"], message: "The upper bound is below the lower bound." });
    }
    if (c.verification !== "CONFIRMED" && c.finding === null) {
      ctx.addIssue({ code: "custom", path: ["finding"], message: "Say what the research found when a claim is not confirmed." });
    }
  });
export type ClaimInput = z.infer<typeof ClaimInput>;
