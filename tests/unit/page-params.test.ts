import { describe, expect, it } from "vitest";
import { parseView } from "@/lib/schemas/search-params";
import { pageParams } from "@/lib/schemas/views/pages";

// proxy.ts answers a public page whose parameters do not parse with 400 (the page explains why):
// every view has its schema, and paging and drill-down parameters are checked like the rest.
describe("public pages' parameters", () => {
  const check = (path: string, query: Record<string, string>) => {
    const schema = pageParams(path);
    expect(schema, path).not.toBeNull();
    return parseView(schema!, query).ok;
  };

  it("every view page has a schema; other paths have none", () => {
    for (const path of ["/", "/commitments", "/commitments/gb-troops", "/timeline", "/map", "/polls", "/capacity", "/countries/gb", "/sources", "/corrections", "/search"]) {
      expect(pageParams(path), path).not.toBeNull();
    }
    for (const path of ["/admin", "/api/v1/commitments", "/embed/timeline", "/timeline/download", "/share", "/data"]) expect(pageParams(path), path).toBeNull();
  });

  it("accepts each view's own parameters and ignores unknown ones", () => {
    expect(check("/timeline", { from: "2025-01-01", page: "2", lang: "uk", utm_source: "x" })).toBe(true);
    expect(check("/countries/gb", { page: "2", eventsPage: "3", sourcesPage: "1" })).toBe(true);
    expect(check("/polls", { country: "GB,FR", page: "2" })).toBe(true);
  });

  it("refuses malformed pages, dates and filter values on every view", () => {
    for (const [path, query] of [
      ["/commitments", { page: "0" }],
      ["/timeline", { page: "two" }],
      ["/polls", { page: "-1" }],
      ["/capacity", { page: "x" }],
      ["/countries/gb", { eventsPage: "0" }],
      ["/sources", { page: "1.5" }],
      ["/", { asOf: "2025-02-30" }],
      ["/map", { asOf: "2999-01-01" }],
      ["/timeline", { kind: "PICNIC" }],
      ["/commitments", { kind: "SUBMARINES" }],
    ] as const) {
      expect(check(path, query), `${path} ${JSON.stringify(query)}`).toBe(false);
    }
  });
});
