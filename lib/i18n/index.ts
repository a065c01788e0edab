// Interface language. The language lives in the URL (?lang=uk) like every other view
// state; proxy.ts copies it into a request header so the root layout can set <html lang>.
export const LANGS = ["en", "uk"] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_HEADER = "x-sgt-lang";
export const URL_HEADER = "x-sgt-url";

/** The interface language named by a `lang` URL parameter; English unless it is exactly "uk". */
export function langFromParam(value: string | string[] | undefined | null): Lang {
  return value === "uk" ? "uk" : "en";
}

/** Picks the string for a language from an { en, uk } pair. */
export function pick<T>(lang: Lang, pair: { en: T; uk: T }): T {
  return pair[lang];
}
