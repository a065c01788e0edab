// Atom 1.0 documents of the change feeds (the `feed` package writes the XML).
import { Feed as AtomFeed } from "feed";
import type { Feed, FeedEntry } from "@/lib/db/api/feeds";
import { LICENCE } from "@/lib/export/about";

const VERB: Record<FeedEntry["action"], string> = {
  SEED: "Added",
  IMPORT: "Imported",
  PUBLISH: "Published",
  RESTORE: "Restored",
  RETRACT: "Retracted",
};
const NOUN: Record<FeedEntry["entity"], string> = {
  sources: "source",
  actors: "actor",
  participation: "coalition participation",
  commitments: "commitment",
  sites: "site",
  polls: "poll",
  events: "event",
  claims: "claim",
};

// Titles and summaries are declared as HTML in Atom: plain text must be escaped to stay text.
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The feed as Atom XML. `origin` makes links absolute; `self` is the feed's own path. */
export function renderAtom(feed: Feed, o: { origin: string; self: string; releasedAt: Date | null }): string {
  const updated = feed.entries[0]?.updated ?? o.releasedAt ?? new Date(0);
  const atom = new AtomFeed({
    id: `${o.origin}${o.self}`,
    title: `Security Guarantees Tracker: ${feed.title}`,
    description: "Changes published to the tracker's dataset: each entry is a record published, corrected, restored or retracted, with the release note.",
    link: `${o.origin}/`,
    feedLinks: { atom: `${o.origin}${o.self}` },
    updated,
    generator: false,
    copyright: `Data licensed under ${LICENCE.data.name} (${LICENCE.data.url})`,
    author: { name: "Security Guarantees Tracker" },
  });
  for (const e of feed.entries) {
    const what = `${VERB[e.action]} ${NOUN[e.entity]}: ${e.title}`;
    atom.addItem({
      // One id per change in every feed that lists it.
      id: `${o.origin}/api/v1/feeds/changes.atom#revision-${e.revisionId}`,
      title: escapeHtml(what),
      link: `${o.origin}${e.path}`,
      date: e.updated,
      description: `<p>${escapeHtml(e.note)}</p><p>Dataset release ${e.release}. Record: ${escapeHtml(NOUN[e.entity])} <code>${escapeHtml(e.slug)}</code>.</p>`,
      author: [{ name: e.author }],
      category: [{ term: e.entity }],
    });
  }
  return atom.atom1();
}
