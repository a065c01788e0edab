import { z } from "zod";
import {
  Confidence,
  DatePrecision,
  RecordStatus,
} from "@/lib/generated/prisma/enums";

/** Lower-case, URL-safe identifier that stays stable across edits and exports. */
export const Slug = z
  .string()
  .min(2, "Use at least 2 characters.")
  .max(80, "Use at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.");

// Control characters (other than tab and newline) never belong in editorial text.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trimmed single-line text with a length limit. */
export function text(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? "Required." : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((s) => !CONTROL_CHARS.test(s), "Remove control characters.");
}

/** Optional text: empty strings become null. */
export function optionalText(max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    text(max).nullable().default(null),
  );
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A calendar date written YYYY-MM-DD that exists (2025-02-30 does not). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine(isRealDate, "This date does not exist.");

/** Today's date in UTC as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A date that is not after today (valid time of things that have happened). */
export const PastIsoDate = IsoDate.refine((d) => d <= todayIso(), "This date is in the future.");

/** http(s) URL only: javascript:, data: and friends are refused. */
export const HttpUrl = z
  .string()
  .trim()
  .max(2000, "Use at most 2000 characters.")
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, "Use a full http:// or https:// address.");

export const Iso2 = z
  .string()
  .regex(/^[A-Z]{2}$/, "Use a two-letter ISO 3166-1 code in capitals, e.g. GB.");

export const RecordStatusSchema = z.enum(RecordStatus);
export const ConfidenceSchema = z.enum(Confidence);
export const DatePrecisionSchema = z.enum(DatePrecision);

/** A share of respondents or similar, 0–100 with at most two decimals. */
export const Percent = z
  .number()
  .min(0, "Use a value from 0 to 100.")
  .max(100, "Use a value from 0 to 100.")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "Use at most two decimals.");

/** Editorial fields shared by every public record (not status or version: the workflow owns those). */
export const EditorialFields = {
  confidence: ConfidenceSchema,
  /** Explicitly accepted as resting on a single source. */
  singleSource: z.boolean().default(false),
};

/** A citation as written in forms and seed files: the source is named by its URL. */
export const CitationRef = z.strictObject({
  url: HttpUrl,
  quote: optionalText(1000),
  note: optionalText(500),
});
export type CitationRef = z.infer<typeof CitationRef>;

export const Citations = z.array(CitationRef).max(50, "Use at most 50 citations.");
