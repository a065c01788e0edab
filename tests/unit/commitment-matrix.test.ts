import { describe, expect, it } from "vitest";
import {
  DOWNLOAD_COLUMNS,
  KIND_ORDER,
  activeFilters,
  atDate,
  buildMatrix,
  downloadRows,
  facetCounts,
  type CommitmentRecord,
} from "@/lib/charts/commitment-matrix";
import { toCsv } from "@/lib/csv";
import { CommitmentKind } from "@/lib/generated/prisma/enums";
import { actorsCount, commitmentsCount } from "@/lib/i18n/messages/commitments";
import { parseView } from "@/lib/schemas/search-params";
import { CommitmentsParams } from "@/lib/schemas/views/commitments";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const end = (s: string) => new Date(`${s}T23:59:59.999Z`);

const actor = (slug: string, name: string, groups: CommitmentRecord["actor"]["groups"], nameUk: string | null = null) => ({
  slug,
  name,
  nameUk,
  iso2: slug.length === 2 ? slug.toUpperCase() : null,
  groups,
});
const GB = actor("gb", "United Kingdom", ["NATO", "EUROPE"], "Велика Британія");
const FR = actor("fr", "France", ["EU", "NATO", "EUROPE"], "Франція");
const AU = actor("au", "Australia", ["NON_EUROPEAN"], "Австралія");
const IT = actor("it", "Italy", ["EU", "NATO", "EUROPE"], "Італія");

function rec(p: Partial<CommitmentRecord> & Pick<CommitmentRecord, "slug" | "actor" | "kind" | "stages">): CommitmentRecord {
  return {
    title: p.slug,
    conditions: [],
    legalForm: "STATEMENT",
    parliamentaryApproval: "UNKNOWN",
    quantityLow: null,
    quantityHigh: null,
    quantityUnit: null,
    quantityQualifier: null,
    quantityBasis: null,
    confidence: "HIGH",
    singleSource: false,
    sources: [{ url: `https://example.org/${p.slug}`, outlet: "Example", originalOutlet: null }],
    ...p,
  };
}
const st = (stage: CommitmentRecord["stages"][number]["stage"], date: string, datePrecision: "DAY" | "MONTH" = "DAY") => ({
  stage,
  date: d(date),
  datePrecision,
});

const RECORDS: CommitmentRecord[] = [
  rec({
    slug: "gb-troops",
    actor: GB,
    kind: "TROOPS",
    conditions: ["AFTER_CEASEFIRE", "PARLIAMENT_VOTE"],
    legalForm: "POLITICAL_DECLARATION",
    parliamentaryApproval: "PROMISED",
    stages: [st("CONDITIONAL_OFFER", "2025-03-02"), st("FORMALISED", "2026-01-06")],
  }),
  rec({ slug: "gb-troops-number", actor: GB, kind: "TROOPS", conditions: ["AFTER_PEACE_DEAL"], quantityHigh: 7500, stages: [st("FLOATED", "2026-01-07")] }),
  rec({ slug: "gb-funding", actor: GB, kind: "FUNDING", stages: [st("ANNOUNCED", "2025-03-02")] }),
  rec({ slug: "fr-troops", actor: FR, kind: "TROOPS", conditions: ["AFTER_CEASEFIRE"], stages: [st("CONDITIONAL_OFFER", "2025-04-11"), st("FORMALISED", "2026-01-06")] }),
  rec({ slug: "au-troops", actor: AU, kind: "TROOPS", conditions: ["US_BACKSTOP"], stages: [st("FLOATED", "2025-03-01", "MONTH"), st("CONDITIONAL_OFFER", "2025-03-17")] }),
  rec({ slug: "it-refusal", actor: IT, kind: "REFUSAL", stages: [st("RULED_OUT", "2025-03-27"), st("RULED_OUT", "2026-01-06")] }),
  rec({ slug: "it-monitoring", actor: IT, kind: "CEASEFIRE_MONITORING", conditions: ["OUTSIDE_UKRAINE_ONLY"], stages: [st("FLOATED", "2026-01-06")] }),
];

describe("atDate", () => {
  it("gives the stage in force and the date of the record that set it", () => {
    const gb = atDate(RECORDS[0], end("2025-12-31"));
    expect(gb?.stageAsOf).toBe("CONDITIONAL_OFFER");
    expect(gb?.stageSince.date).toEqual(d("2025-03-02"));
    expect(atDate(RECORDS[0], end("2026-02-01"))?.stageAsOf).toBe("FORMALISED");
    // A reaffirmed stage dates from its latest record on or before the date.
    expect(atDate(RECORDS[5], end("2026-02-01"))?.stageSince.date).toEqual(d("2026-01-06"));
    expect(atDate(RECORDS[5], end("2025-06-01"))?.stageSince.date).toEqual(d("2025-03-27"));
  });
  it("is null before anything was recorded", () => {
    expect(atDate(RECORDS[0], end("2025-03-01"))).toBeNull();
  });
});

describe("buildMatrix", () => {
  it("puts actors in rows and kinds in columns, leaving out commitments with no stage yet", () => {
    const m = buildMatrix(RECORDS, { asOf: end("2025-12-31") });
    expect(m.columns).toEqual(["TROOPS", "REFUSAL", "FUNDING"]);
    expect(m.rows.map((r) => r.actor.slug)).toEqual(["au", "fr", "it", "gb"]);
    expect(m.totals).toEqual({ actors: 4, commitments: 5, recorded: 5 });
    const gb = m.rows.find((r) => r.actor.slug === "gb")!;
    expect(gb.cells.TROOPS?.commitments).toHaveLength(1);
    expect(gb.cells.REFUSAL).toBeUndefined();
  });

  it("shows the strongest commitment of a kind in the cell and counts the others", () => {
    const m = buildMatrix(RECORDS, { asOf: end("2026-11-28") });
    const cell = m.rows.find((r) => r.actor.slug === "gb")!.cells.TROOPS!;
    expect(cell.primary.slug).toBe("gb-troops");
    expect(cell.primary.stageAsOf).toBe("FORMALISED");
    expect(cell.commitments.map((c) => c.slug)).toEqual(["gb-troops", "gb-troops-number"]);
    expect(m.rows.find((r) => r.actor.slug === "gb")!.count).toBe(3);
  });

  it("sorts by name, by number of commitments and by strongest stage (refusals last)", () => {
    const asOf = end("2026-11-28");
    expect(buildMatrix(RECORDS, { asOf, sort: "actor" }).rows.map((r) => r.actor.slug)).toEqual(["au", "fr", "it", "gb"]);
    expect(buildMatrix(RECORDS, { asOf, sort: "count" }).rows.map((r) => r.actor.slug)).toEqual(["gb", "it", "au", "fr"]);
    const byStage = buildMatrix(RECORDS, { asOf, sort: "stage" }).rows;
    expect(byStage.map((r) => [r.actor.slug, r.strongest])).toEqual([
      ["gb", "FORMALISED"],
      ["fr", "FORMALISED"],
      ["au", "CONDITIONAL_OFFER"],
      ["it", "FLOATED"],
    ]);
    // In Ukrainian the names sort in Ukrainian.
    expect(buildMatrix(RECORDS, { asOf, sort: "actor", lang: "uk" }).rows.map((r) => r.actor.slug)).toEqual(["au", "gb", "it", "fr"]);
  });

  it("filters by kind, stage, condition, legal form, approval and group", () => {
    const asOf = end("2026-11-28");
    const slugs = (f: Parameters<typeof buildMatrix>[1]["filters"]) =>
      buildMatrix(RECORDS, { asOf, filters: f }).rows.flatMap((r) => r.commitments.map((c) => c.slug)).sort();
    expect(slugs({ kind: ["TROOPS"] })).toEqual(["au-troops", "fr-troops", "gb-troops", "gb-troops-number"]);
    expect(slugs({ stage: ["FORMALISED"] })).toEqual(["fr-troops", "gb-troops"]);
    expect(slugs({ condition: ["US_BACKSTOP", "OUTSIDE_UKRAINE_ONLY"] })).toEqual(["au-troops", "it-monitoring"]);
    expect(slugs({ condition: ["NONE"] })).toEqual(["gb-funding", "it-refusal"]);
    expect(slugs({ legalForm: ["POLITICAL_DECLARATION"] })).toEqual(["gb-troops"]);
    expect(slugs({ approval: ["PROMISED"] })).toEqual(["gb-troops"]);
    expect(slugs({ group: ["NON_EUROPEAN"] })).toEqual(["au-troops"]);
    expect(slugs({ group: ["EU"], kind: ["TROOPS"] })).toEqual(["fr-troops"]);
    // The stage filter applies to the stage on the view's date.
    expect(buildMatrix(RECORDS, { asOf: end("2025-12-31"), filters: { stage: ["FORMALISED"] } }).rows).toEqual([]);
  });

  it("keeps the asked-for kinds as columns even when one is empty", () => {
    const m = buildMatrix(RECORDS, { asOf: end("2026-11-28"), filters: { kind: ["BINDING_GUARANTEE", "TROOPS"] } });
    expect(m.columns).toEqual(["TROOPS", "BINDING_GUARANTEE"]);
  });
});

describe("column order", () => {
  it("names every kind exactly once", () => {
    expect([...KIND_ORDER].sort()).toEqual(Object.values(CommitmentKind).sort());
  });
});

describe("counts in words", () => {
  it("agrees in number in English and Ukrainian", () => {
    expect(commitmentsCount(1, "en")).toBe("1 commitment");
    expect(commitmentsCount(7, "en")).toBe("7 commitments");
    expect(commitmentsCount(3, "uk")).toBe("3 зобов’язання");
    expect(commitmentsCount(12, "uk")).toBe("12 зобов’язань");
    expect(actorsCount(21, "uk")).toBe("21 учасник");
    expect(actorsCount(23, "uk")).toBe("23 учасники");
    expect(actorsCount(11, "uk")).toBe("11 учасників");
  });
});

describe("facetCounts", () => {
  it("counts each value under the other filters", () => {
    const f = facetCounts(RECORDS, end("2026-11-28"), { kind: ["TROOPS"] });
    expect(f.kind.TROOPS).toBe(4);
    expect(f.kind.REFUSAL).toBe(1); // the kind filter itself is ignored for its own counts
    expect(f.stage.FORMALISED).toBe(2);
    expect(f.stage.RULED_OUT).toBeUndefined();
    expect(f.group.NON_EUROPEAN).toBe(1);
    expect(f.condition.NONE).toBeUndefined();
  });
});

describe("downloadRows", () => {
  it("has one row per commitment shown, in page order, with stage as of and source URLs", () => {
    const m = buildMatrix(RECORDS, { asOf: end("2025-12-31"), filters: { kind: ["TROOPS", "FUNDING"] } });
    const rows = downloadRows(m, "https://tracker.example");
    expect(rows.map((r) => r.commitment)).toEqual(["au-troops", "fr-troops", "gb-troops", "gb-funding"]);
    expect(rows[2]).toMatchObject({
      actor: "United Kingdom",
      iso2: "GB",
      stage_as_of: "CONDITIONAL_OFFER",
      stage_date: "2025-03-02",
      conditions: "AFTER_CEASEFIRE PARLIAMENT_VOTE",
      legal_form: "POLITICAL_DECLARATION",
      parliamentary_approval: "PROMISED",
      url: "https://tracker.example/commitments/gb-troops",
      sources: "https://example.org/gb-troops",
    });
    const csv = toCsv(rows, DOWNLOAD_COLUMNS);
    expect(csv.split("\r\n")[0]).toBe(DOWNLOAD_COLUMNS.join(","));
    expect(csv.trim().split("\r\n")).toHaveLength(5);
  });
});

describe("CommitmentsParams", () => {
  it("accepts comma lists, repeated keys and a sort", () => {
    const r = parseView(CommitmentsParams, { kind: "TROOPS,FUNDING", group: ["EU", "NATO"], condition: "NONE", sort: "stage", asOf: "2025-09-04" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.kind).toEqual(["TROOPS", "FUNDING"]);
      expect(r.value.group).toEqual(["EU", "NATO"]);
      expect(activeFilters(r.value)).toEqual({ kind: ["TROOPS", "FUNDING"], group: ["EU", "NATO"], condition: ["NONE"] });
    }
  });
  it("explains unknown values, bad sorts and future dates", () => {
    const r = parseView(CommitmentsParams, { kind: "SUBMARINES", sort: "size", asOf: "2999-01-01", stage: "x".repeat(500) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join("\n")).toMatch(/kind.*Unknown kind/);
      expect(r.errors.join("\n")).toMatch(/sort.*Unknown sort/);
      expect(r.errors.join("\n")).toMatch(/asOf.*future/);
      expect(r.errors.join("\n")).toMatch(/stage/);
    }
  });
  it("takes a whole page number from 1 and explains anything else", () => {
    const ok = parseView(CommitmentsParams, { page: "3" });
    expect(ok.ok && ok.value.page).toBe(3);
    for (const page of ["0", "-1", "abc", "1.5", "9".repeat(20)]) {
      const r = parseView(CommitmentsParams, { page });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.join("\n")).toMatch(/^page: Use a whole page number from 1\./);
    }
  });
  it("ignores unknown parameters", () => {
    expect(parseView(CommitmentsParams, { utm_source: "x" }).ok).toBe(true);
  });
});
