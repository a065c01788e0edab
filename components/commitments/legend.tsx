// Key to the compact cells: stage colours (with their words), condition codes and the binding bars.
import { BindingBars } from "@/components/charts/commitment-matrix";
import { StageBadge } from "@/components/data/stage-badge";
import { CONDITION_ORDER, LEGAL_FORM_STRENGTH } from "@/lib/charts/commitment-matrix";
import type { LegalForm } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { CONDITION, LEGAL_FORM } from "@/lib/i18n/labels";
import { COMMITMENTS as T, CONDITION_ABBR } from "@/lib/i18n/messages/commitments";
import { STAGE_ORDER } from "@/lib/lifecycle";

const FORMS = (Object.keys(LEGAL_FORM_STRENGTH) as LegalForm[]).sort((a, b) => LEGAL_FORM_STRENGTH[b] - LEGAL_FORM_STRENGTH[a]);

export function MatrixLegend({ lang }: { lang: Lang }) {
  return (
    <section aria-labelledby="legend-heading" className="grid gap-6 text-sm md:grid-cols-3">
      <h2 id="legend-heading" className="sr-only">
        {T.legend[lang]}
      </h2>
      <div>
        <h3 className="font-medium">{T.legendStages[lang]}</h3>
        <ol className="mt-2 flex flex-wrap gap-1">
          {STAGE_ORDER.map((s) => (
            <li key={s}>
              <StageBadge stage={s} lang={lang} />
            </li>
          ))}
        </ol>
        <p className="mt-2 text-xs text-muted">{T.strongestNote[lang]}</p>
      </div>
      <div>
        <h3 className="font-medium">{T.legendConditions[lang]}</h3>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
          {CONDITION_ORDER.map((c) => (
            <div key={c} className="contents">
              <dt className="font-mono">{CONDITION_ABBR[c][lang]}</dt>
              <dd>{CONDITION[c][lang]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div>
        <h3 className="font-medium">{T.binding[lang]}</h3>
        <ul className="mt-2 space-y-0.5 text-xs">
          {FORMS.map((f) => (
            <li key={f} className="flex items-center gap-2">
              <BindingBars form={f} /> {LEGAL_FORM[f][lang]}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-muted">{T.legendBinding[lang]}</p>
        <p className="mt-1 text-xs text-muted">{T.legendEmpty[lang]}</p>
      </div>
    </section>
  );
}
