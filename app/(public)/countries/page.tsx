import type { Metadata } from "next";
import Link from "next/link";
import { STAGE_CLASS } from "@/components/data/stage-badge";
import { listActors } from "@/lib/db/countries";
import { STAGE } from "@/lib/i18n/labels";
import { COUNTRY } from "@/lib/i18n/messages/countries";
import { plural } from "@/lib/i18n/plural";
import { requestLang } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Countries and organisations" };

export default async function CountriesPage() {
  const [lang, all] = await Promise.all([requestLang(), listActors()]);
  // Alphabetical in the reader's language.
  const actors = lang === "uk" ? [...all].sort((a, b) => (a.nameUk ?? a.name).localeCompare(b.nameUk ?? b.name, "uk")) : all;
  const q = lang === "uk" ? "?lang=uk" : "";
  const total = actors.reduce((n, a) => n + a.commitments, 0);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{COUNTRY.indexTitle[lang]}</h1>
        <p className="max-w-3xl text-muted">{COUNTRY.indexIntro[lang]}</p>
        <p className="text-sm" data-testid="countries-count">
          <strong>{plural(actors.length, COUNTRY.actorForms, lang)}</strong> · {plural(total, COUNTRY.commitmentForms, lang)} · {COUNTRY.stagesToday[lang]}
        </p>
      </header>
      <ul className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
        {actors.map((a) => {
          const name = lang === "uk" && a.nameUk ? a.nameUk : a.name;
          return (
            <li key={a.slug} className="space-y-1 border-b border-rule py-2" data-testid="actor">
              <div className="flex items-baseline justify-between gap-3">
                <Link href={`/countries/${(a.iso2 ?? a.slug).toLowerCase()}${q}`} className="font-medium text-accent underline">
                  {name}
                </Link>
                <span className="shrink-0 text-sm text-muted tabular-nums">{plural(a.commitments, COUNTRY.commitmentForms, lang)}</span>
              </div>
              {a.stages.length > 0 && (
                <ul className="flex flex-wrap gap-1" aria-label={`${name}: ${COUNTRY.byStage[lang]}`}>
                  {a.stages.map((s) => (
                    <li key={s.stage} className={`rounded px-1.5 py-0.5 text-xs font-medium text-stage-ink tabular-nums ${STAGE_CLASS[s.stage]}`}>
                      {s.n} · {STAGE[s.stage][lang]}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
