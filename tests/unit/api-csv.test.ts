import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";

const one = (v: string | number | boolean | null) => toCsv([{ v }], ["v"]).split("\r\n")[1];

describe("CSV (RFC 4180, UTF-8) with spreadsheet formulas neutralised", () => {
  it.each(["=1+1", "+31 20 555", "-cmd|' /C calc'!A0", "@SUM(A1)", "\tindent", "\rreturn", "-", "-5 troops", "--5"])(
    "writes the text %j with a leading apostrophe so a spreadsheet shows it as text",
    (text) => {
      const cell = one(text);
      const back = (parse(toCsv([{ v: text }], ["v"]), { columns: true }) as { v: string }[])[0].v;
      expect(back).toBe(`'${text}`);
      expect(cell.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
    },
  );

  it("keeps numbers, and text that is just a number, as numbers: negative values are not turned into text", () => {
    expect(one(-5)).toBe("-5");
    expect(one(-0.25)).toBe("-0.25");
    expect(one("-5")).toBe("-5");
    expect(one("-12.5")).toBe("-12.5");
    expect(one(7500)).toBe("7500");
    expect(one(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes and line breaks, ends lines with CRLF, and round-trips through a strict parser", () => {
    const rows = [
      { a: 'He said "no", then left', b: "line one\nline two", c: null, d: true },
      { a: "Київ, Україна", b: " padded ", c: 3, d: false },
    ];
    const csv = toCsv(rows, ["a", "b", "c", "d"]);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")[0]).toBe("a,b,c,d");
    expect(csv).toContain('"He said ""no"", then left"');
    expect(parse(csv, { columns: true, relax_quotes: false })).toEqual([
      { a: 'He said "no", then left', b: "line one\nline two", c: "", d: "true" },
      { a: "Київ, Україна", b: " padded ", c: "3", d: "false" },
    ]);
  });
});
