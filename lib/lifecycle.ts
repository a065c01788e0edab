// Lifecycle stages of a commitment: their order and the stage in force on a date (labels: lib/i18n/labels.ts).
import type { LifecycleStage } from "@/lib/generated/prisma/enums";

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
