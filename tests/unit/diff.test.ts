import { describe, expect, it } from "vitest";
import { diffSnapshots, formatValue, inlineDiff } from "@/lib/admin/diff";
import { ENTITIES, type EntityKey, type Field } from "@/lib/admin/entities";

// The history view and the conflict view show changes in the words of the form: labels, not
// enum codes; one list item per line; only the fields that changed.

const field = (entity: EntityKey, name: string): Field => {
  const f = ENTITIES[entity].fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${entity}.${name}`);
  return f;
};
const cite = (url: string, quote: string | null = null, note: string | null = null) => ({ url, quote, note });

const commitment = {
  ...ENTITIES.commitments.empty,
  slug: "gb-troops",
  actor: "gb",
  title: "UK troops for the Multinational Force Ukraine",
  summary: "The UK co-leads the planned force.",
  conditions: ["AFTER_CEASEFIRE", "PARLIAMENT_VOTE"],
  legalForm: "POLITICAL_DECLARATION",
  stages: [{ stage: "CONDITIONAL_OFFER", date: "2025-03-02", datePrecision: "DAY", note: "London summit", citations: [cite("https://example.org/a")] }],
  citations: [cite("https://example.org/a", "boots on the ground"), cite("https://example.org/b")],
};

describe("formatValue", () => {
  it("shows a select's label, not its code", () => {
    expect(formatValue(field("commitments", "legalForm"), "POLITICAL_DECLARATION")).toBe("Political declaration");
    expect(formatValue(field("commitments", "kind"), "BINDING_GUARANTEE")).toBe("Binding guarantee (if attacked again)");
    expect(formatValue(field("commitments", "quantityQualifier"), null)).toBe("—");
  });

  it("puts each item of a list on its own line, by label", () => {
    expect(formatValue(field("commitments", "conditions"), ["AFTER_CEASEFIRE", "US_BACKSTOP"])).toBe("After a ceasefire\nNeeds a US backstop");
    expect(formatValue(field("events", "actors"), ["gb", "fr"])).toBe("gb\nfr");
    expect(formatValue(field("commitments", "conditions"), [])).toBe("—");
    expect(formatValue(field("sites", "actors"), [{ actor: "gb", role: "LEAD" }, { actor: "fr", role: "PARTNER" }])).toBe("gb (lead)\nfr (partner)");
  });

  it("writes a citation as address, quoted passage and note", () => {
    const text = formatValue(field("commitments", "citations"), [cite("https://example.org/a", "boots on the ground", "p. 2"), cite("https://example.org/b")]);
    expect(text).toBe("https://example.org/a “boots on the ground” (p. 2)\nhttps://example.org/b");
  });

  it("writes a stage with its date at its precision, its label, note and sources", () => {
    const text = formatValue(field("commitments", "stages"), [
      { stage: "ANNOUNCED", date: "2025-09-01", datePrecision: "MONTH", note: null, citations: [] },
      { stage: "FORMALISED", date: "2026-01-06", datePrecision: "DAY", note: "Paris declaration", citations: [cite("https://example.org/p", "we will deploy")] },
    ]);
    expect(text).toBe("2025-09 Announced\n2026-01-06 Formalised (signed) — Paris declaration\n    https://example.org/p “we will deploy”");
  });

  it("says yes or no for a checkbox", () => {
    expect(formatValue(field("commitments", "singleSource"), true)).toBe("Yes");
    expect(formatValue(field("commitments", "singleSource"), false)).toBe("No");
  });
});

describe("diffSnapshots", () => {
  it("lists only the fields that changed, with labels and before → after", () => {
    const after = { ...commitment, legalForm: "TREATY", conditions: ["AFTER_CEASEFIRE"], quantityLow: 7500, quantityUnit: "troops" };
    expect(diffSnapshots("commitments", commitment, after)).toEqual([
      { field: "quantityLow", label: "Quantity (low or only value)", before: "—", after: "7500" },
      { field: "quantityUnit", label: "Unit", before: "—", after: "troops" },
      { field: "conditions", label: "Conditions", before: "After a ceasefire\nNeeds a parliamentary vote", after: "After a ceasefire" },
      { field: "legalForm", label: "Legal form", before: "Political declaration", after: "Treaty" },
    ]);
  });

  it("sees a change inside a stage's citation", () => {
    const after = { ...commitment, stages: [{ ...commitment.stages[0], citations: [cite("https://example.org/a", "a new quote")] }] };
    const changes = diffSnapshots("commitments", commitment, after);
    expect(changes.map((c) => c.label)).toEqual(["Lifecycle"]);
    expect(changes[0].after).toContain("“a new quote”");
  });

  it("finds nothing when only key order or the spelling of 'empty' differs", () => {
    const reordered = Object.fromEntries(Object.entries(commitment).reverse());
    reordered.citations = commitment.citations.map((c) => ({ note: c.note, quote: c.quote, url: c.url }));
    reordered.requiredResponse = "";
    delete reordered.conditionNote;
    expect(diffSnapshots("commitments", commitment, reordered)).toEqual([]);
  });

  it("shows a new record's filled fields only, with no 'before'", () => {
    const changes = diffSnapshots("commitments", null, commitment);
    const labels = changes.map((c) => c.label);
    expect(labels).toEqual(["Slug", "Actor", "Kind", "Title", "Summary", "Conditions", "Legal form", "Parliamentary approval", "Lifecycle", "Confidence", "Rests on a single source", "Sources"]);
    expect(labels).not.toContain("Unit");
    expect(labels).not.toContain("Quantity (low or only value)");
    expect(changes.every((c) => c.before === "—")).toBe(true);
    expect(changes.find((c) => c.field === "citations")?.after).toBe("https://example.org/a “boots on the ground”\nhttps://example.org/b");
  });
});

describe("inlineDiff", () => {
  const text = (pieces: { text: string; op: string }[], op: string) => pieces.filter((p) => p.op === op).map((p) => p.text.trim());

  it("marks the words removed and added, keeping the rest and the whitespace", () => {
    const d = inlineDiff("Numbers are undisclosed. Healey said so.", "Numbers are fewer than 7,500. Healey said so.")!;
    expect(d.before.map((p) => p.text).join("")).toBe("Numbers are undisclosed. Healey said so.");
    expect(d.after.map((p) => p.text).join("")).toBe("Numbers are fewer than 7,500. Healey said so.");
    expect(text(d.before, "del")).toEqual(["undisclosed."]);
    expect(text(d.after, "ins")).toEqual(["fewer than 7,500."]);
  });

  it("finds a line added to a list", () => {
    const d = inlineDiff("After a ceasefire\nNeeds a parliamentary vote", "After a ceasefire\nNeeds a parliamentary vote\nNeeds a US backstop")!;
    expect(d.before.every((p) => p.op === "same")).toBe(true);
    expect(text(d.after, "ins")).toEqual(["Needs a US backstop"]);
  });

  it("gives up on a huge rewrite rather than building a huge table", () => {
    const words = (w: string) => Array.from({ length: 1200 }, (_, i) => `${w}${i}`).join(" ");
    expect(inlineDiff(words("a"), words("b"))).toBeNull();
  });
});
