// CSV per RFC 4180 (UTF-8, CRLF, quotes doubled). Text cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR at the start) are prefixed with an apostrophe; numbers are not
// touched, so -3 stays a number, and neither is text that is just a plain number ("-3", "-0.5"),
// which a spreadsheet reads as that number and never runs.
export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function cell(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  let s = v instanceof Date ? v.toISOString() : v;
  if (FORMULA.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with a header line, columns in the given order. */
export function toCsv<R extends Record<string, CsvValue>>(rows: R[], columns: readonly (keyof R & string)[]): string {
  const lines = [columns.map((c) => cell(c)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}
