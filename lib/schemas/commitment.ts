import { z } from "zod";
import {
  CommitmentKind,
  ConditionTag,
  LegalForm,
  LifecycleStage,
  ParliamentaryApproval,
  QuantityBasis,
  QuantityQualifier,
} from "@/lib/generated/prisma/enums";
import { Citations, DatePrecisionSchema, EditorialFields, PastIsoDate, Slug, optionalText, text } from "./common";

export const CommitmentKindSchema = z.enum(CommitmentKind);
export const ConditionTagSchema = z.enum(ConditionTag);
export const LegalFormSchema = z.enum(LegalForm);
export const ParliamentaryApprovalSchema = z.enum(ParliamentaryApproval);
export const LifecycleStageSchema = z.enum(LifecycleStage);
export const QuantityQualifierSchema = z.enum(QuantityQualifier);
export const QuantityBasisSchema = z.enum(QuantityBasis);

/** One dated, sourced step in a commitment's lifecycle. */
export const StageInput = z.strictObject({
  stage: LifecycleStageSchema,
  date: PastIsoDate,
  datePrecision: DatePrecisionSchema.default("DAY"),
  note: optionalText(1000),
  citations: Citations,
});
export type StageInput = z.infer<typeof StageInput>;

const Quantity = z.number().nonnegative("Use a positive number.").max(1e12).nullable().default(null);

/** What one actor offered or refused, of one kind, with its conditions and how binding it is. */
export const CommitmentInput = z
  .strictObject({
    slug: Slug,
    actor: Slug,
    kind: CommitmentKindSchema,
    title: text(160),
    summary: text(2000),
    quantityLow: Quantity,
    quantityHigh: Quantity,
    quantityUnit: optionalText(60),
    quantityQualifier: QuantityQualifierSchema.nullable().default(null),
    quantityBasis: QuantityBasisSchema.nullable().default(null),
    conditions: z.array(ConditionTagSchema).max(12).default([]),
    conditionNote: optionalText(1000),
    legalForm: LegalFormSchema.default("UNKNOWN"),
    parliamentaryApproval: ParliamentaryApprovalSchema.default("UNKNOWN"),
    requiredResponse: optionalText(1000),
    stages: z.array(StageInput).max(30).default([]),
    ...EditorialFields,
    citations: Citations,
  })
  .superRefine((c, ctx) => {
    const hasQuantity = c.quantityLow !== null || c.quantityHigh !== null;
    if (hasQuantity && (c.quantityUnit === null || c.quantityQualifier === null || c.quantityBasis === null)) {
      ctx.addIssue({
        code: "custom",
        path: ["quantityUnit"],
        message: "A quantity needs a unit, a qualifier and whether it is official or a reported estimate.",
      });
    }
    if (c.quantityLow !== null && c.quantityHigh !== null && c.quantityLow > c.quantityHigh) {
      ctx.addIssue({ code: "custom", path: ["quantityHigh"], message: "The upper bound is below the lower bound." });
    }
    if (c.quantityQualifier === "RANGE" && (c.quantityLow === null || c.quantityHigh === null)) {
      ctx.addIssue({ code: "custom", path: ["quantityHigh"], message: "A range needs both bounds." });
    }
    const seen = new Set<string>();
    c.stages.forEach((s, i) => {
      const key = `${s.stage}@${s.date}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["stages", i, "stage"], message: "This stage is already recorded on this date." });
      }
      seen.add(key);
    });
    if (new Set(c.conditions).size !== c.conditions.length) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "Each condition only once." });
    }
  });
export type CommitmentInput = z.infer<typeof CommitmentInput>;
