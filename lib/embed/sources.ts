// The source line every embed carries: "Source: <outlets>; Security Guarantees Tracker, updated
// <date>". Outlets are credited as the original outlet when a source is a copy (anchors §2 #2),
// the most cited first; the full list per row is in the embed's data table.
import { COMMON } from "@/lib/i18n/common";
import type { Lang } from "@/lib/i18n";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import type { SourceRef } from "./model";

/** "A, B, C and 4 more" (at most `max` names). */
export function outletList(names: readonly string[], max: number, lang: Lang): string {
  if (names.length <= max) return names.join(", ");
  return `${names.slice(0, max).join(", ")} ${fill(EMBED.andMore[lang], { n: names.length - max })}`;
}

/** Outlets behind the data, most cited first (ties by name), each once. */
export function rankOutlets(sources: readonly SourceRef[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const name = s.originalOutlet ?? s.outlet;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** The whole source line, e.g. "Source: Reuters, AP and 12 more; Security Guarantees Tracker, updated 7 Jan 2026" (outlets ranked, see rankOutlets). */
export function sourceLine(outlets: readonly string[], updated: string, lang: Lang, max = 4): string {
  const site = `${COMMON.siteName[lang]}, ${EMBED.updated[lang]} ${updated}`;
  return `${EMBED.source[lang]}: ${outlets.length ? `${outletList(outlets, max, lang)}; ` : ""}${site}`;
}
