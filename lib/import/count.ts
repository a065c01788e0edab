// Client-safe: counts a CSV file's data rows in the browser while the server checks it.

/** Data rows after the header (line breaks inside quoted cells stay in their row; blank lines are not rows). */
export function countCsvRows(text: string): number {
  let rows = 0;
  let inQuotes = false;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      inQuotes = !inQuotes;
      filled = true;
    } else if (c === 0x0a && !inQuotes) {
      if (filled) rows++;
      filled = false;
    } else if (c !== 0x0d && c !== 0xfeff && c !== 0x20) {
      filled = true;
    }
  }
  if (filled) rows++;
  return Math.max(0, rows - 1);
}
