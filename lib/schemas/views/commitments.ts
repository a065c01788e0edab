// The commitments view's URL parameters (/commitments, its embed and its downloads).
import { z } from "zod";
import { ActorGroup, CommitmentKind, ConditionTag, LegalForm, LifecycleStage, ParliamentaryApproval } from "@/lib/generated/prisma/enums";
import { BaseViewParams, first, listParam } from "../search-params";

const values = <T extends string>(o: Record<string, T>) => Object.values(o) as [T, ...T[]];

/** `condition=NONE` selects commitments with no condition recorded (what is offered unconditionally). */
export const NO_CONDITION = "NONE" as const;
export type ConditionFilter = ConditionTag | typeof NO_CONDITION;
export const CONDITION_FILTERS = [...values(ConditionTag), NO_CONDITION] as [ConditionFilter, ...ConditionFilter[]];

export const SORTS = ["actor", "count", "stage"] as const;
const PAGE_MESSAGE = "Use a whole page number from 1.";
export type MatrixSort = (typeof SORTS)[number];

/**
 * /commitments?kind=TROOPS,FUNDING&stage=…&condition=…&legalForm=…&approval=…&group=EU&sort=stage&asOf=…
 * Within one filter the values are alternatives (any of); different filters must all hold.
 */
export const CommitmentsParams = BaseViewParams.extend({
  kind: listParam(values(CommitmentKind), "kind"),
  stage: listParam(values(LifecycleStage), "stage"),
  condition: listParam(CONDITION_FILTERS, "condition"),
  legalForm: listParam(values(LegalForm), "legal form"),
  approval: listParam(values(ParliamentaryApproval), "parliamentary approval"),
  group: listParam(values(ActorGroup), "actor group"),
  sort: z.preprocess(first, z.enum(SORTS, { message: `Unknown sort. Use one of: ${SORTS.join(", ")}.` }).optional()),
  // The table's page; whether it exists depends on the data (see pageOf).
  page: z.preprocess(first, z.coerce.number({ error: PAGE_MESSAGE }).int(PAGE_MESSAGE).min(1, PAGE_MESSAGE).max(100_000, PAGE_MESSAGE).optional()),
});
export type CommitmentsParams = z.infer<typeof CommitmentsParams>;

