// Search text → a PostgreSQL prefix tsquery ("boots ground" → "boots:* & ground:*").
// Only letters and digits reach the query, so user input can never break its syntax.

/** The tsquery for a search text, or null when it holds no searchable word. */
export function toPrefixQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2 || /\d/.test(w)).slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}
