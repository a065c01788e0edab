// Key to the matrix chart: each stage's colour with its code and name (colour never alone),
// weakest to strongest, and what "×N" in a cell means.
import { STAGE_CLASS } from "@/components/data/stage-badge";
import type { LifecycleStage } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { STAGE } from "@/lib/i18n/labels";
import { COMMITMENTS as T } from "@/lib/i18n/messages/commitments";
import { STAGE_CODE } from "@/lib/i18n/messages/embed";
import { STAGE_ORDER } from "@/lib/lifecycle";

export function MatrixLegend({ lang, stages = STAGE_ORDER, counts }: { lang: Lang; stages?: readonly LifecycleStage[]; counts: boolean }) {
  return (
    <div className="space-y-1 text-xs" data-testid="stage-key">
      <h3 className="sr-only">{T.chartKey[lang]}</h3>
      <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label={T.legendStages[lang]}>
        {stages.map((s) => (
          <li key={s} className="inline-flex items-center gap-1">
            <span className={`rounded px-1 font-semibold text-stage-ink ${STAGE_CLASS[s]}`}>{STAGE_CODE[s][lang]}</span>
            {STAGE[s][lang]}
          </li>
        ))}
      </ul>
      <p className="text-muted">
        {counts ? `${T.countNote[lang]} ` : ""}
        {T.strongestNote[lang]}
      </p>
    </div>
  );
}
