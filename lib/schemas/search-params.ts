// View state in the URL (?asOf=2025-09-04&kind=TROOPS&lang=uk), parsed by zod. Every public
// view parses its search params through `parseView`; bad values give a readable message.
import { z } from "zod";
import { IsoDate, todayIso } from "./common";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; absurdly long values are refused by the schemas. */
export function first(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s.trim();
}

/** `asOf=YYYY-MM-DD`: a real date, not in the future; absent means today. */
export const AsOfParam = z.preprocess(
  first,
  IsoDate.refine((d) => d <= todayIso(), "The as-of date is in the future: choose today or an earlier date.").optional(),
);

export const LangParam = z.preprocess(first, z.enum(["en", "uk"]).optional());

/**
 * A multi-value filter: `kind=TROOPS,FUNDING` or repeated `kind=…&kind=…`. Unknown values are
 * refused with the list of allowed ones.
 */
export function listParam<T extends string>(values: readonly [T, ...T[]], name: string) {
  return z.preprocess(
    (v) => {
      if (v === undefined) return undefined;
      const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
      return parts.length ? parts : undefined;
    },
    z
      .array(
        z.string().max(64, `A ${name} value is too long.`).refine((s): s is T => (values as readonly string[]).includes(s), {
          message: `Unknown ${name}. Use one of: ${values.join(", ")}.`,
        }),
      )
      .max(values.length, `Too many ${name} values.`)
      .transform((xs) => [...new Set(xs)] as T[])
      .optional(),
  );
}

/** Free text such as a search query: at most 200 characters. */
export const QueryParam = z.preprocess(first, z.string().max(200, "The search text is too long (200 characters at most).").optional());

export const BaseViewParams = z.object({ asOf: AsOfParam, lang: LangParam });

export type ViewParse<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Parses a page's search params; unknown parameters are ignored, bad ones explained. */
export function parseView<S extends z.ZodType>(schema: S, params: RawSearchParams): ViewParse<z.infer<S>> {
  const r = schema.safeParse(params);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)),
  };
}

/** The as-of date to use: the parameter, or today. */
export function asOfDate(asOf: string | undefined): { iso: string; end: Date } {
  const iso = asOf ?? todayIso();
  return { iso, end: new Date(`${iso}T23:59:59.999Z`) };
}

/** A URL's query as page search params: a repeated key becomes an array, as Next.js passes it to pages. */
export function queryRecord(url: URL): RawSearchParams {
  const out: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export type DownloadParse<T> =
  | { ok: true; format: "csv" | "json"; value: T }
  | { ok: false; errors: string[] };

/** Parses a "Download this view" request: `format=csv|json` plus the view's own parameters. */
export function parseDownload<S extends z.ZodType>(url: URL, schema: S): DownloadParse<z.infer<S>> {
  const query = queryRecord(url);
  const format = first(query.format) ?? "csv";
  const parsed = parseView(schema, query);
  const errors = [
    ...(format === "csv" || format === "json" ? [] : ["format: use csv or json"]),
    ...(parsed.ok ? [] : parsed.errors),
  ];
  if (errors.length || !parsed.ok) return { ok: false, errors };
  return { ok: true, format: format as "csv" | "json", value: parsed.value };
}
