// Embed options in the URL, beside the matching view's own filters: how the embed looks
// (theme, language, title and notes on or off, auto-height) and which data it shows (live, or
// frozen at a release). Presentation options are applied at render and never key a snapshot.
import { z } from "zod";
import { first, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { WIDTH_CLASSES, type WidthClass } from "@/lib/charts/width";
import { THEMES } from "./theme";

const OnOff = z.preprocess(
  first,
  z
    .enum(["1", "0", "on", "off", "true", "false", "yes", "no"], { message: "Use 1 (show) or 0 (hide)." })
    .transform((v) => v === "1" || v === "on" || v === "true" || v === "yes")
    .optional(),
);

/** `release=N`: a dataset release number; absent means live. */
export const ReleaseParam = z.preprocess(
  first,
  z
    .string()
    .regex(/^\d{1,9}$/, "Use the whole number of a dataset release, such as 3.")
    .transform(Number)
    .refine((n) => n >= 1, "Releases are numbered from 1.")
    .optional(),
);

/** Presentation options shared by every embed. Unknown parameters are ignored. */
export const EmbedOptions = z.object({
  theme: z.preprocess(first, z.enum(THEMES, { message: "Use light, dark or auto." }).optional()),
  title: OnOff,
  notes: OnOff,
  resize: OnOff,
  release: ReleaseParam,
  w: z.preprocess(first, z.enum(WIDTH_CLASSES, { message: "Use narrow, medium or wide." }).optional()),
});

export type Presentation = {
  theme: (typeof THEMES)[number];
  lang: "en" | "uk";
  title: boolean;
  notes: boolean;
  resize: boolean;
  release: number | null;
  /** The width class of an SVG or PNG download (the embed itself shows every class by its width). */
  width: WidthClass | null;
};

/** The presentation options of a query (with defaults), or the messages for the bad ones. */
export function parsePresentation(query: RawSearchParams): { ok: true; value: Presentation } | { ok: false; errors: string[]; lang: "en" | "uk" } {
  const lang = first(query.lang) === "uk" ? "uk" : "en";
  const r = parseView(EmbedOptions, query);
  if (!r.ok) return { ok: false, errors: r.errors, lang };
  const o = r.value;
  return {
    ok: true,
    value: { theme: o.theme ?? "auto", lang, title: o.title ?? true, notes: o.notes ?? true, resize: o.resize ?? true, release: o.release ?? null, width: o.w ?? null },
  };
}

/** Query keys of the presentation options (kept out of data keys and canonical view links). */
export const PRESENTATION_KEYS = ["theme", "lang", "title", "notes", "resize", "release", "w"] as const;

/** The presentation options as query values, defaults left out (so URLs stay short and canonical). */
export function presentationQuery(p: Presentation): Record<string, string | undefined> {
  return {
    theme: p.theme === "auto" ? undefined : p.theme,
    lang: p.lang === "uk" ? "uk" : undefined,
    title: p.title ? undefined : "0",
    notes: p.notes ? undefined : "0",
    resize: p.resize ? undefined : "0",
    release: p.release === null ? undefined : String(p.release),
    w: p.width ?? undefined,
  };
}
