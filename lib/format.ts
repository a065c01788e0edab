// Formatting shared by pages, embeds and exports.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// Ukrainian month names: genitive after a day ("6 січня 2026"), nominative alone ("січень 2026").
const MONTHS_UK_GEN = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"];
const MONTHS_UK_NOM = ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"];

/** A valid-time date at the precision it is known: "6 Jan 2026", "Jan 2026" or "2026" (or in Ukrainian). */
export function formatDate(date: Date, precision: DatePrecision = "DAY", lang: "en" | "uk" = "en"): string {
  const y = date.getUTCFullYear();
  if (precision === "YEAR") return String(y);
  const mi = date.getUTCMonth();
  if (precision === "MONTH") return lang === "uk" ? `${MONTHS_UK_NOM[mi]} ${y}` : `${MONTHS[mi]} ${y}`;
  return lang === "uk" ? `${date.getUTCDate()} ${MONTHS_UK_GEN[mi]} ${y}` : `${date.getUTCDate()} ${MONTHS[mi]} ${y}`;
}

/** ISO calendar date (UTC) of a Date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD as the end of that UTC day, for "as of" comparisons; null when invalid. */
export function endOfIsoDay(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T23:59:59.999Z`);
  return Number.isNaN(d.getTime()) || isoDay(d) !== iso ? null : d;
}

const QUALIFIER: Record<string, { en: string; uk: string }> = {
  EXACT: { en: "", uk: "" },
  ABOUT: { en: "about ", uk: "близько " },
  UP_TO: { en: "up to ", uk: "до " },
  FEWER_THAN: { en: "fewer than ", uk: "менше ніж " },
  AT_LEAST: { en: "at least ", uk: "щонайменше " },
  RANGE: { en: "", uk: "" },
};

/** A number with thousands separators in the interface language. */
export function formatNumber(n: number, lang: "en" | "uk" = "en"): string {
  return new Intl.NumberFormat(lang === "uk" ? "uk-UA" : "en-GB", { maximumFractionDigits: 2 }).format(n);
}

/**
 * A quantity as reported: "fewer than 7,500 troops", "100–200 troops", "about 900"; null when
 * nothing is known (the caller says "unknown"). Never rounds or estimates.
 */
export function formatQuantity(
  q: { low: number | null; high: number | null; qualifier: string | null; unit: string | null },
  lang: "en" | "uk" = "en",
): string | null {
  if (q.low === null && q.high === null) return null;
  const unit = q.unit ? ` ${q.unit}` : "";
  if (q.low !== null && q.high !== null && q.low !== q.high) {
    return `${formatNumber(q.low, lang)}–${formatNumber(q.high, lang)}${unit}`;
  }
  const value = (q.high ?? q.low) as number;
  return `${QUALIFIER[q.qualifier ?? "EXACT"]?.[lang] ?? ""}${formatNumber(value, lang)}${unit}`;
}

/** Date and time in UTC for record time (revisions, drafts, releases): "28 Nov 2026, 15:20 UTC". */
export function formatDateTime(date: Date, lang: "en" | "uk" = "en"): string {
  return `${formatDate(date, "DAY", lang)}, ${date.toISOString().slice(11, 16)} UTC`;
}
