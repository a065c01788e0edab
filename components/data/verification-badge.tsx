import type { VerificationStatus } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { VERIFICATION } from "@/lib/i18n/labels";

const CLASS: Record<VerificationStatus, string> = {
  CONFIRMED: "border-stage-deployed",
  REPORTED: "border-stage-announced",
  DISPUTED: "border-stage-conditional",
  UNVERIFIED: "border-stage-ruled-out border-dashed",
};

/** Verification status of a claim or figure, as text with a border cue. */
export function VerificationBadge({ status, lang = "en" }: { status: VerificationStatus; lang?: Lang }) {
  return (
    <span className={`inline-block rounded border-2 px-1.5 py-0.5 text-xs font-medium ${CLASS[status]}`}>
      {VERIFICATION[status][lang]}
    </span>
  );
}
