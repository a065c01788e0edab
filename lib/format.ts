// Formatting shared by pages, embeds and exports.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A valid-time date at the precision it is known: "6 Jan 2026", "Jan 2026" or "2026". */
export function formatDate(date: Date, precision: DatePrecision = "DAY"): string {
  const y = date.getUTCFullYear();
  if (precision === "YEAR") return String(y);
  const m = MONTHS[date.getUTCMonth()];
  if (precision === "MONTH") return `${m} ${y}`;
  return `${date.getUTCDate()} ${m} ${y}`;
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
