import { describe, expect, it } from "vitest";
import { IMPORT_ENTITIES, LIMITS, columnNames, columnSpec } from "@/lib/import/columns";
import { countCsvRows } from "@/lib/import/count";
import { parseImportFile } from "@/lib/import/parse";
import { buildReport, cleanFileName, type Known } from "@/lib/import/report";
import { fitsTemplate, templateCsv } from "@/lib/import/template";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

// CSV → entity input, without a database: columns come from the zod schemas, every problem is
// named by row and column, and the template round-trips through the parser.

const seed = parseSeed(readSeedFiles());
const POLL_HEADER = "slug,pollster,fieldworkEnd,country,question,wordingClass,support,oppose,confidence,singleSource,citation_1_url";
const pollRow = (slug: string, extra: Partial<Record<"fieldworkEnd" | "support" | "pollster" | "singleSource", string>> = {}) =>
  [slug, extra.pollster ?? "YouGov", extra.fieldworkEnd ?? "2025-03-04", "GB", "Support troops?", "OWN_TROOPS_PEACEKEEPING", extra.support ?? "52", "27", "HIGH", extra.singleSource ?? "yes", "https://example.org/poll"].join(",");

const issuesOf = (csv: string, entity: (typeof IMPORT_ENTITIES)[number] = "polls") => {
  const parsed = parseImportFile(entity, csv);
  return { parsed, byRow: new Map(parsed.rows.map((r) => [r.row, r.issues.map((i) => `${i.field}: ${i.message}`)])) };
};

describe("import columns", () => {
  it("are the schema's fields, with numbered citation and stage columns", () => {
    expect(columnNames("polls").slice(0, 4)).toEqual(["slug", "pollster", "client", "fieldworkStart"]);
    expect(columnNames("polls")).toContain("citation_5_note");
    expect(columnNames("polls")).not.toContain("citations");
    expect(columnNames("commitments")).toEqual(expect.arrayContaining(["stage_1", "stage_6_date", "stage_6_precision", "stage_6_note", "stage_6_sources", "conditions"]));
    expect(columnNames("events")).not.toContain("stage_1");
    const poll = Object.fromEntries(columnSpec("polls").fields.map((f) => [f.name, f]));
    expect(poll.support).toMatchObject({ kind: "number", required: false });
    expect(poll.questionVerbatim).toMatchObject({ kind: "boolean", required: false });
    expect(poll.wordingClass).toMatchObject({ kind: "enum", required: true });
    expect(poll.pollster.required).toBe(true);
    expect(poll.client.required).toBe(false);
    expect(Object.fromEntries(columnSpec("commitments").fields.map((f) => [f.name, f])).conditions).toMatchObject({ kind: "list", options: expect.arrayContaining(["AFTER_CEASEFIRE"]) });
  });
});

describe("the template", () => {
  for (const entity of IMPORT_ENTITIES) {
    it(`${entity}: every seed record that fits round-trips through the CSV columns`, () => {
      const records = (seed[entity] as unknown as Record<string, unknown>[]).filter(fitsTemplate);
      expect(records.length).toBeGreaterThan(5);
      for (const record of records) {
        const parsed = parseImportFile(entity, templateCsv(entity, record));
        expect(parsed.fileErrors).toEqual([]);
        expect(parsed.rows[0].issues, String(record.slug)).toEqual([]);
        // Stage sources carry addresses only (quotes are added in the form).
        const expected = structuredClone(record);
        for (const s of (expected.stages as { citations: { quote: unknown; note: unknown }[] }[] | undefined) ?? []) {
          for (const c of s.citations) Object.assign(c, { quote: null, note: null });
        }
        expect(parsed.rows[0].input).toEqual(expected);
      }
    });
  }

  it("is the header alone when there is no example", () => {
    expect(templateCsv("events", null)).toBe(`${columnNames("events").join(",")}\r\n`);
  });
});

describe("reading a file", () => {
  it("handles a BOM, CRLF, quoted line breaks and doubled quotes, and numbers rows and lines", () => {
    const csv = `\uFEFF${POLL_HEADER},note\r\n${pollRow("a-poll")},"two\r\nlines, and ""quotes"""\r\n\r\n${pollRow("b-poll")},\r\n`;
    const { parsed } = issuesOf(csv);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.line, r.slug])).toEqual([
      [2, 2, "a-poll"],
      [4, 5, "b-poll"],
    ]);
    expect(parsed.rows[0].input).toMatchObject({ note: 'two\r\nlines, and "quotes"', support: 52, singleSource: true, sampleSize: null, mode: "UNKNOWN" });
  });

  it("reads LF and mixed line endings", () => {
    const { parsed } = issuesOf(`${POLL_HEADER}\n${pollRow("a-poll")}\r\n${pollRow("b-poll")}\n`);
    expect(parsed.rows.map((r) => r.input?.slug)).toEqual(["a-poll", "b-poll"]);
  });

  it("names each bad row and column with the schema's own message", () => {
    const csv = [
      POLL_HEADER,
      pollRow("good-poll"),
      pollRow("bad-date", { fieldworkEnd: "2025-02-30" }),
      pollRow("bad-number", { support: "52%" }),
      pollRow("no-pollster", { pollster: "" }),
      pollRow("bad-bool", { singleSource: "maybe" }),
      pollRow("Bad Slug"),
      pollRow("ctrl-char", { pollster: "You\u0007Gov" }),
    ].join("\n");
    const { parsed, byRow } = issuesOf(csv);
    expect(byRow.get(2)).toEqual([]);
    expect(byRow.get(3)).toEqual(["fieldworkEnd: This date does not exist."]);
    expect(byRow.get(4)).toEqual(["support: Use a plain number such as 1200 or 52.5 (no spaces, thousands separators or % sign)."]);
    expect(byRow.get(5)).toEqual(["pollster: Required."]);
    expect(byRow.get(6)).toEqual(["singleSource: Use true, false, yes or no."]);
    expect(byRow.get(7)).toEqual(["slug: Use lower-case letters, digits and single hyphens."]);
    expect(byRow.get(8)).toEqual(["pollster: Remove control characters."]);
    expect(parsed.rows.filter((r) => r.input).map((r) => r.row)).toEqual([2]);
  });

  it("keeps formula-looking cells as data, verbatim", () => {
    const { parsed } = issuesOf(`${POLL_HEADER},note\n${pollRow("formula-poll")},"=HYPERLINK(""http://x"",""y"")"\n`);
    expect(parsed.rows[0].input?.note).toBe('=HYPERLINK("http://x","y")');
  });

  it("maps nested problems to their numbered columns", () => {
    const header = "slug,actor,kind,title,summary,confidence,stage_2,stage_2_date,stage_2_sources,citation_3_url,citation_3_quote";
    const { byRow } = issuesOf(`${header}\nx-c,gb,TROOPS,T,S,HIGH,SIGNED,13/01/2025,https://a.org/x https://b.org/y,,A quote\n`, "commitments");
    expect(byRow.get(2)).toEqual(
      expect.arrayContaining([
        "stage_2: Invalid option: expected one of \"FLOATED\"|\"ANNOUNCED\"|\"CONDITIONAL_OFFER\"|\"FORMALISED\"|\"PARLIAMENT_APPROVED\"|\"DEPLOYED\"|\"RULED_OUT\"|\"WITHDRAWN\"",
        "stage_2_date: Use the form YYYY-MM-DD.",
        "citation_3_url: Required.",
      ]),
    );
  });

  it("splits lists on semicolons and stage sources on semicolons or spaces", () => {
    const header = "slug,kind,date,title,summary,actors,commitments,confidence,citation_1_url";
    const { parsed } = issuesOf(`${header}\nev-1,STATEMENT,2025-03-02,T,S,gb; fr ;,gb-troops-mnf-u,HIGH,https://a.org\n`, "events");
    expect(parsed.rows[0].input).toMatchObject({ actors: ["gb", "fr"], commitments: ["gb-troops-mnf-u"] });
    const c = issuesOf(
      "slug,actor,kind,title,summary,confidence,stage_1,stage_1_date,stage_1_sources\nc-1,gb,TROOPS,T,S,HIGH,ANNOUNCED,2025-03-02,https://a.org/1;https://b.org/2\n",
      "commitments",
    ).parsed;
    expect(c.rows[0].input?.stages).toEqual([{ stage: "ANNOUNCED", date: "2025-03-02", datePrecision: "DAY", note: null, citations: [{ url: "https://a.org/1", quote: null, note: null }, { url: "https://b.org/2", quote: null, note: null }] }]);
  });

  it("refuses a web address with spaces or control characters", () => {
    const { byRow } = issuesOf(`${POLL_HEADER.replace("citation_1_url", "citation_1_url,citation_2_url")}\n${pollRow("pp-1")},"https://a.org/\u0000x"\n`);
    expect(byRow.get(2)).toEqual(["citation_2_url: A web address cannot contain spaces or control characters."]);
  });

  it("reports a row with more cells than the header", () => {
    const { byRow } = issuesOf(`${POLL_HEADER}\n${pollRow("pp-1")},extra\n`);
    expect(byRow.get(2)).toEqual(["(row): This row has 12 cells but the header has 11 columns."]);
  });
});

describe("file-level problems stop before the rows", () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ["empty", "", /empty/],
    ["header only", `${POLL_HEADER}\r\n`, /no data rows/],
    ["unknown columns", `${POLL_HEADER},colour,Slug\n${pollRow("pp-1")},red,x\n`, /Unknown columns: “colour”, “Slug”/],
    ["missing required columns", "slug,pollster\np,YouGov\n", /Missing required columns: fieldworkEnd, country, question, wordingClass, confidence/],
    ["a repeated column", `${POLL_HEADER},slug\n${pollRow("pp-1")},q\n`, /“slug” appears twice/],
    ["semicolon separators", `${POLL_HEADER.replaceAll(",", ";")}\n`, /separated by semicolons/],
    ["not UTF-8", new Uint8Array([0x73, 0x6c, 0x75, 0x67, 0x0a, 0xff, 0xfe, 0x41]), /not UTF-8/],
    ["UTF-16", new Uint8Array([0xff, 0xfe, 0x73, 0x00]), /UTF-16/],
    ["an unclosed quote", `${POLL_HEADER}\n"p,YouGov\n`, /never closed/],
    ["stage columns on polls", `${POLL_HEADER},stage_1\n${pollRow("pp-1")},FLOATED\n`, /Unknown column: “stage_1”/],
  ];
  for (const [what, data, message] of cases) {
    it(what, () => {
      const parsed = parseImportFile("polls", data);
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileErrors.join(" ")).toMatch(message);
    });
  }

  it("more rows than the limit", () => {
    const rows = Array.from({ length: LIMITS.rows + 1 }, (_, i) => `p-${i},YouGov`);
    expect(parseImportFile("polls", `slug,pollster,fieldworkEnd,country,question,wordingClass,confidence\n${rows.join("\n")}`).fileErrors[0]).toMatch(/more than 20,000 rows/);
  });

  it("an unnamed column is ignored while empty", () => {
    const parsed = parseImportFile("polls", `${POLL_HEADER},\n${pollRow("pp-1")},\n`);
    expect(parsed.fileErrors).toEqual([]);
    expect(parseImportFile("polls", `${POLL_HEADER},\n${pollRow("pp-1")},data\n`).fileErrors[0]).toMatch(/Column 12 holds data but has no name/);
  });
});

describe("the report", () => {
  const known = (over: Partial<Known> = {}): Known => ({
    records: new Map([["taken", { id: "rec-1", draft: false }], ["drafted", { id: "rec-2", draft: true }]]),
    actors: new Map(),
    countries: new Map([["GB", "published"]]),
    commitments: new Map(),
    sources: new Map([["https://example.org/poll", "published"]]),
    ...over,
  });
  const csv = [POLL_HEADER, pollRow("new-1"), pollRow("taken"), pollRow("bad", { fieldworkEnd: "2025-02-30" }), pollRow("drafted"), pollRow("new-1"), pollRow("new-2")].join("\n");

  it("puts invalid rows first, then duplicates with links, then valid rows; counts add up", () => {
    const { report, importable } = buildReport("polls", parseImportFile("polls", csv), known(), { fileName: "p.csv", sha256: "abc" });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [4, "invalid"],
      [3, "duplicate"],
      [5, "duplicate"],
      [6, "duplicate"],
      [2, "valid"],
      [7, "valid"],
    ]);
    expect(report.counts).toEqual({ rows: 6, valid: 2, invalid: 1, duplicates: 3, warnings: 0 });
    expect(report.rows.find((r) => r.row === 3)!.issues[0]).toMatchObject({ field: "slug", href: "/admin/polls/rec-1" });
    expect(report.rows.find((r) => r.row === 5)!.issues[0]).toMatchObject({ field: "slug", href: "/admin/polls/rec-2", message: expect.stringMatching(/draft/) });
    expect(report.rows.find((r) => r.row === 6)!.issues[0].message).toBe("Row 2 of this file already uses this slug.");
    expect(importable.map((r) => r.row)).toEqual([2, 7]);
  });

  it("refuses unknown references and warns about unpublished ones", () => {
    const file = parseImportFile("polls", [POLL_HEADER, pollRow("new-1"), pollRow("new-2").replace(",GB,", ",FR,")].join("\n"));
    const { report } = buildReport("polls", file, known({ sources: new Map() }), { fileName: "p.csv", sha256: "abc" });
    const row = (n: number) => report.rows.find((r) => r.row === n)!;
    expect(row(3)).toMatchObject({ status: "invalid", issues: expect.arrayContaining([{ field: "country", level: "error", message: "No actor has the ISO code FR." }]) });
    expect(row(2).status).toBe("valid");
    expect(row(2).issues).toEqual([{ field: "citation_1_url", level: "warning", message: "No published source has the address https://example.org/poll: add it before publishing this record." }]);
  });

  it("changes its digest when what would be imported changes", () => {
    const file = parseImportFile("polls", csv);
    const a = buildReport("polls", file, known(), { fileName: "p.csv", sha256: "abc" }).report.digest;
    const b = buildReport("polls", file, known({ records: new Map([["new-2", { id: "x", draft: true }]]) }), { fileName: "p.csv", sha256: "abc" }).report.digest;
    expect(a).not.toBe(b);
    expect(buildReport("polls", file, known(), { fileName: "other.csv", sha256: "abc" }).report.digest).toBe(a);
  });
});

describe("helpers", () => {
  it("counts data rows in the browser like the parser does", () => {
    expect(countCsvRows(`\uFEFF${POLL_HEADER}\r\n${pollRow("a")},"x\r\ny"\r\n\r\n${pollRow("b")}`)).toBe(2);
    expect(countCsvRows("a,b\n")).toBe(0);
  });

  it("cleans file names", () => {
    expect(cleanFileName("C:\\Users\\me\\polls\u0000.csv")).toBe("polls.csv");
    expect(cleanFileName("")).toBe("upload.csv");
    expect(cleanFileName("x".repeat(300))).toHaveLength(200);
  });
});
