import { COMMON } from "@/lib/i18n/common";
import type { Lang } from "@/lib/i18n";

/** Explains bad URL parameters instead of failing: the view stays reachable by fixing the link. */
export function ParamError({ lang, errors, resetHref }: { lang: Lang; errors: string[]; resetHref: string }) {
  return (
    <div role="alert" className="rounded border border-stage-ruled-out bg-stage-ruled-out/30 p-4">
      <h1 className="text-lg font-semibold">{COMMON.badParams[lang]}</h1>
      <ul className="mt-2 list-disc pl-5 text-sm">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <p className="mt-3 text-sm">
        <a href={resetHref} className="text-accent underline">
          {lang === "uk" ? "Показати без фільтрів" : "Show the view without these parameters"}
        </a>
      </p>
    </div>
  );
}
