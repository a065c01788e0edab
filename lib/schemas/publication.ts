import type { CitationRef } from "./common";

/** A reason a record cannot be published, with the field it concerns. */
export type PublicationIssue = { path: (string | number)[]; message: string };

type Citable = { citations: CitationRef[]; singleSource: boolean };

/**
 * The sources gate: a published fact cites two sources, or one with the explicit
 * single-source flag. Returns no issues when the record may be published.
 */
export function citationIssues(record: Citable, path: (string | number)[] = []): PublicationIssue[] {
  const urls = new Set(record.citations.map((c) => c.url));
  if (urls.size !== record.citations.length) {
    return [{ path: [...path, "citations"], message: "The same source is cited twice." }];
  }
  if (urls.size === 0) {
    return [{ path: [...path, "citations"], message: "A published record needs at least one source." }];
  }
  if (urls.size === 1 && !record.singleSource) {
    return [
      {
        path: [...path, "singleSource"],
        message: "Only one source: add a second or mark the record as single-source.",
      },
    ];
  }
  return [];
}

/** Issues that block publishing, beyond the shape rules of each entity schema. */
export function publicationIssues(
  kind: string,
  record: Citable & {
    stages?: { citations: CitationRef[] }[];
    latitude?: number | null;
    coordinateSignedOffBy?: string | null;
  },
): PublicationIssue[] {
  const issues = citationIssues(record);
  if (kind === "commitment") {
    const stages = record.stages ?? [];
    if (stages.length === 0) issues.push({ path: ["stages"], message: "Record at least one dated stage." });
    stages.forEach((s, i) => {
      if (s.citations.length === 0) {
        issues.push({ path: ["stages", i, "citations"], message: "Each stage needs a source." });
      }
    });
  }
  if (kind === "site" && record.latitude != null && !record.coordinateSignedOffBy) {
    issues.push({
      path: ["coordinateSignedOffBy"],
      message: "Publishing a coordinate needs a second editor's sign-off.",
    });
  }
  return issues;
}
