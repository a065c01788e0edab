import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { STAGE } from "@/lib/i18n/labels";

/** Background class of each lifecycle stage (see the stage scale in globals.css). */
export const STAGE_CLASS: Record<LifecycleStage, string> = {
  FLOATED: "bg-stage-floated",
  ANNOUNCED: "bg-stage-announced",
  CONDITIONAL_OFFER: "bg-stage-conditional",
  FORMALISED: "bg-stage-formalised",
  PARLIAMENT_APPROVED: "bg-stage-approved",
  DEPLOYED: "bg-stage-deployed",
  RULED_OUT: "bg-stage-ruled-out",
  WITHDRAWN: "bg-stage-withdrawn",
};

/** A lifecycle stage as colour and text together (never colour alone). */
export function StageBadge({ stage, lang = "en" }: { stage: LifecycleStage; lang?: Lang }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium text-stage-ink ${STAGE_CLASS[stage]}`}>
      {STAGE[stage][lang]}
    </span>
  );
}
