// Plural forms by Intl.PluralRules in each language: English has one/other, Ukrainian
// one/few/many (and other for fractions), so "1 commitment", "3 зобов'язання", "5 зобов'язань".
import type { Lang } from "./index";

/** The forms of one counted word; missing forms fall back to `other`. */
export type PluralForms = { one?: string; few?: string; many?: string; other: string };

const RULES: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules("en"), uk: new Intl.PluralRules("uk") };

/** The word form for `n` in `lang` (the word only). */
export function pluralWord(n: number, forms: PluralForms, lang: Lang): string {
  const cat = RULES[lang].select(n) as keyof PluralForms;
  return forms[cat] ?? forms.other;
}

/** `n` with its formatted number and the right form: plural(3, {en: …, uk: …}, "uk") → "3 зобов'язання". */
export function plural(n: number, forms: { en: PluralForms; uk: PluralForms }, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === "uk" ? "uk-UA" : "en-GB").format(n)} ${pluralWord(n, forms[lang], lang)}`;
}
