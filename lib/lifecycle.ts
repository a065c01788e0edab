// Lifecycle stages of a commitment: order, the stage in force on a date, and labels.
import type { CommitmentKind, LifecycleStage } from "@/lib/generated/prisma/enums";

/** Stages from weakest to strongest; ruled out and withdrawn end a commitment. */
export const STAGE_ORDER: readonly LifecycleStage[] = [
  "FLOATED",
  "ANNOUNCED",
  "CONDITIONAL_OFFER",
  "FORMALISED",
  "PARLIAMENT_APPROVED",
  "DEPLOYED",
  "RULED_OUT",
  "WITHDRAWN",
] as const;

export const STAGE_LABEL: Record<LifecycleStage, string> = {
  FLOATED: "Floated",
  ANNOUNCED: "Announced",
  CONDITIONAL_OFFER: "Conditional offer",
  FORMALISED: "Formalised (signed)",
  PARLIAMENT_APPROVED: "Approved by parliament",
  DEPLOYED: "Deployed or delivered",
  RULED_OUT: "Ruled out",
  WITHDRAWN: "Withdrawn",
};

export const KIND_LABEL: Record<CommitmentKind, string> = {
  TROOPS: "Troops / force contribution",
  MILITARY_HUB: "Military hub",
  PROTECTED_FACILITY: "Protected weapons facility",
  HQ_COMMAND: "HQ or command",
  AIR_POLICING: "Air policing",
  MARITIME_DEMINING: "Maritime or demining",
  TRAINING_REGENERATION: "Training or regeneration",
  LOGISTICS: "Logistics",
  CEASEFIRE_MONITORING: "Ceasefire monitoring",
  FUNDING: "Funding",
  BINDING_GUARANTEE: "Binding guarantee (if attacked again)",
  REFUSAL: "Explicit refusal",
};

export type DatedStage = { stage: LifecycleStage; date: Date };

/**
 * The stage in force on `asOf` (valid time): the latest stage dated on or before it; on the
 * same date the later stage in STAGE_ORDER wins. Null when nothing had happened yet.
 */
export function stageAsOf(stages: readonly DatedStage[], asOf: Date): LifecycleStage | null {
  let best: DatedStage | null = null;
  for (const s of stages) {
    if (s.date.getTime() > asOf.getTime()) continue;
    if (
      best === null ||
      s.date.getTime() > best.date.getTime() ||
      (s.date.getTime() === best.date.getTime() && STAGE_ORDER.indexOf(s.stage) > STAGE_ORDER.indexOf(best.stage))
    ) {
      best = s;
    }
  }
  return best?.stage ?? null;
}
