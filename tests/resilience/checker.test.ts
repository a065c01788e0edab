import { describe, expect, it } from "vitest";
import { check, liveFieldsOf, type DbState, type RevisionRow } from "./checker";
import { eventInput, sourceInput, type Ack } from "./workload";

// The crash tests are only as good as their checker: on a consistent state it finds nothing,
// and each kind of damage a crash could do is reported.

const source = sourceInput("unit-0");
const first = eventInput("unit-0", [source.url, "https://crash.example.org/base-a"], 1);
const edited = eventInput("unit-0", [source.url, "https://crash.example.org/base-b"], 2);

/** A source published once and an event published, edited and submitted again — with every acknowledgement. */
function consistent(): { state: DbState; acks: Ack[] } {
  const revisions: RevisionRow[] = [];
  const acks: Ack[] = [];
  const add = (entityType: "Source" | "Event", entityId: string, version: number, action: string, snapshot: object, releaseNumber: number | null, author: string) => {
    revisions.push({ id: `r-${entityId}-${version}`, entityType, entityId, version, action, snapshot, releaseNumber, authorLabel: author });
    acks.push({
      t: "ack",
      entity: entityType === "Source" ? "sources" : "events",
      id: entityId,
      rev: version,
      action: action as Ack["action"],
      author,
      ...(action === "SUBMIT" ? {} : { snapshot }),
      ...(releaseNumber ? { release: releaseNumber } : {}),
    });
  };
  add("Source", "s1", 1, "CREATE", source, null, "Ed");
  add("Source", "s1", 2, "SUBMIT", source, null, "Ed");
  add("Source", "s1", 3, "PUBLISH", source, 1, "Rita");
  add("Event", "e1", 1, "CREATE", first, null, "Ed");
  add("Event", "e1", 2, "SUBMIT", first, null, "Ed");
  add("Event", "e1", 3, "PUBLISH", first, 2, "Rita");
  add("Event", "e1", 4, "UPDATE", edited, null, "Ed");
  add("Event", "e1", 5, "SUBMIT", edited, null, "Ed");
  const state: DbState = {
    revisions,
    audit: revisions.map((r, i) => ({ id: String(i + 1), revisionId: r.id, entityType: r.entityType, entityId: r.entityId, action: r.action })),
    drafts: [{ entityType: "Event", entityId: "e1", version: 2, status: "IN_REVIEW", snapshot: edited }],
    releases: [1, 2],
    live: [
      { entityType: "Source", id: "s1", status: "PUBLISHED", version: 1, fields: liveFieldsOf("Source", source) },
      { entityType: "Event", id: "e1", status: "PUBLISHED", version: 1, fields: liveFieldsOf("Event", first) },
    ],
  };
  return { state, acks };
}

describe("the crash checker", () => {
  it("finds nothing wrong with a consistent state", () => {
    const { state, acks } = consistent();
    expect(check(state, acks)).toEqual({ acked: 8, lost: [], halfWritten: [], committedUnacked: 0 });
  });

  it("reports an acknowledged write that is missing", () => {
    const { state, acks } = consistent();
    const v = check(state, [...acks, { ...acks[0], id: "s-never-written" }]);
    expect(v.lost).toEqual(["Acknowledged CREATE of Source s-never-written (revision 1) is missing."]);
  });

  it("reports an acknowledged write whose content differs", () => {
    const { state, acks } = consistent();
    state.revisions[6].snapshot = { ...edited, summary: "something else" };
    expect(check(state, acks).lost).toContain("Acknowledged UPDATE of Event e1 (revision 4) has different content.");
  });

  it("reports a publish whose live row is older than acknowledged", () => {
    const { state, acks } = consistent();
    const v = check(state, [...acks.slice(0, 6), { ...acks[5], liveVersion: 2 }]);
    expect(v.lost).toContain("Acknowledged PUBLISH of Event e1 (revision 3) made version 2 live, but the live row is 1.");
  });

  it("reports a revision without its audit entry, and an audit entry without its revision", () => {
    const { state, acks } = consistent();
    state.audit = state.audit.filter((a) => a.revisionId !== "r-e1-4");
    state.audit.push({ id: "99", revisionId: "r-gone", entityType: "Event", entityId: "e1", action: "UPDATE" });
    expect(check(state, acks).halfWritten).toEqual([
      "Audit entry 99 (UPDATE Event e1) names revision r-gone, which does not exist.",
      "Revision 4 (UPDATE) of Event e1 has 0 audit entries, not 1.",
    ]);
  });

  it("reports a publish whose live row, release or draft removal is missing", () => {
    const { state, acks } = consistent();
    state.live = state.live.filter((l) => l.id !== "s1");
    state.releases = [2, 3];
    state.drafts.push({ entityType: "Source", entityId: "s1", version: 2, status: "IN_REVIEW", snapshot: source });
    expect(check(state, acks).halfWritten).toEqual([
      "Publish revision 3 of Source s1 has no release (1).",
      "Source s1 has a draft (version 2) although its last revision published it.",
      "Source s1 was published 1 time(s) but has no live row.",
      "Release 3 is named by 0 publish revisions, not 1.",
    ]);
  });

  it("reports a live row that differs from its last published revision, and a stale draft", () => {
    const { state, acks } = consistent();
    state.live[1].fields = liveFieldsOf("Event", edited);
    state.drafts[0] = { ...state.drafts[0], version: 1, status: "DRAFT" };
    expect(check(state, acks).halfWritten).toEqual([
      "The draft of Event e1 is at version 1; its revisions say 2.",
      "The draft of Event e1 is DRAFT; its last revision (SUBMIT) says IN_REVIEW.",
      "The live row of Event e1 differs from its last published revision.",
    ]);
  });

  it("counts a committed write whose acknowledgement the kill cut off, without calling it lost", () => {
    const { state, acks } = consistent();
    const v = check(state, acks.slice(0, -1));
    expect(v).toMatchObject({ lost: [], halfWritten: [], committedUnacked: 1 });
  });
});
