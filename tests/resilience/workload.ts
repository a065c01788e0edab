// What the crash-test writer writes, shared by the writer process and the checker.
import type { Role } from "@/lib/permissions";

/** Real accounts created before any burst: editors write and submit, reviewers publish. */
export const ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "crash-editor-1@example.org", name: "Crash Editor One", role: "EDITOR" },
  { email: "crash-editor-2@example.org", name: "Crash Editor Two", role: "EDITOR" },
  { email: "crash-reviewer-1@example.org", name: "Crash Reviewer One", role: "REVIEWER" },
  { email: "crash-reviewer-2@example.org", name: "Crash Reviewer Two", role: "REVIEWER" },
];

export type ActorRef = { id: string; name: string; role: Role };

/** Sent on the writer's stdin to start a burst. */
export type BurstOrder = { url: string; run: string; writers: number; editors: ActorRef[]; reviewers: ActorRef[] };

export type WriteAction = "CREATE" | "UPDATE" | "SUBMIT" | "PUBLISH";

/** One acknowledged write: printed by the writer after its transaction committed. */
export type Ack = {
  t: "ack";
  writer?: number;
  entity: "sources" | "events";
  id: string;
  /** The revision number this write created for the record. */
  rev: number;
  action: WriteAction;
  /** The record's content as saved (CREATE/UPDATE) or made public (PUBLISH). */
  snapshot?: object;
  author: string;
  draftVersion?: number;
  release?: number;
  liveVersion?: number;
};

export type SourceWrite = {
  slug: string;
  url: string;
  outlet: string;
  originalOutlet: null;
  author: string | null;
  title: string | null;
  publishedOn: string | null;
  publishedPrecision: "DAY";
  kind: "MEDIA";
  language: string | null;
  accessedOn: null;
};

export function sourceInput(tag: string): SourceWrite {
  return {
    slug: `crash-src-${tag}`,
    url: `https://crash.example.org/${tag}`,
    outlet: `Crash Wire ${tag}`,
    originalOutlet: null,
    author: `Reporter ${tag}`,
    title: `Report ${tag} on hub readiness`,
    publishedOn: "2025-09-04",
    publishedPrecision: "DAY",
    kind: "MEDIA",
    language: "en",
    accessedOn: null,
  };
}

/** The two sources every event may cite beside its own, published by `writer.ts prepare`. */
export const BASE_SOURCES: SourceWrite[] = [sourceInput("base-a"), sourceInput("base-b")];

export type EventWrite = {
  slug: string;
  kind: "STATEMENT";
  date: string;
  datePrecision: "DAY";
  title: string;
  summary: string;
  location: string | null;
  speaker: string | null;
  actors: string[];
  commitments: string[];
  confidence: "MEDIUM";
  singleSource: boolean;
  citations: { url: string; quote: string | null; note: string | null }[];
};

/** An event citing two sources; `edition` 2 is the corrected version written after the first publish. */
export function eventInput(tag: string, sources: string[], edition: number): EventWrite {
  return {
    slug: `crash-evt-${tag}`,
    kind: "STATEMENT",
    date: "2025-09-04",
    datePrecision: "DAY",
    title: `Statement ${tag}`,
    summary: `Edition ${edition} of statement ${tag}: the coalition restated its pledge (Ukrainian: коаліція).`,
    location: edition === 1 ? null : "Paris",
    speaker: null,
    actors: [],
    commitments: [],
    confidence: "MEDIUM",
    singleSource: false,
    citations: sources.map((url, i) => ({ url, quote: i === 0 ? `Quote ${tag}/${edition}` : null, note: null })),
  };
}
