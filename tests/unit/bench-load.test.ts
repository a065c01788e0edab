import { describe, expect, it } from "vitest";
import { MIX, parseActionResult, splitRate, summarize } from "@/scripts/bench/load-mix";

describe("the load test's read mix", () => {
  it("weights add up to 100 % and cover pages, embeds, the API and a bulk file", () => {
    expect(MIX.reduce((n, r) => n + r.weight, 0)).toBe(100);
    expect(new Set(MIX.map((r) => r.group))).toEqual(new Set(["pages", "embeds", "api", "bulk"]));
    for (const r of MIX) expect(r.paths.length).toBeGreaterThan(0);
  });

  it("splits a rate into whole requests that add up exactly, in proportion", () => {
    expect(splitRate(200, MIX).reduce((n, x) => n + x, 0)).toBe(200);
    expect(splitRate(200, MIX)).toEqual(MIX.map((r) => r.weight * 2));
    const small = splitRate(7, [{ weight: 50 }, { weight: 30 }, { weight: 20 }]);
    expect(small).toEqual([4, 2, 1]);
    expect(() => splitRate(0, MIX)).toThrow(/at least 1/);
    expect(() => splitRate(2.5, MIX)).toThrow(/whole number/);
  });
});

describe("latency percentiles", () => {
  it("uses nearest rank on the sorted values", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(summarize(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarize([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(summarize([]).count).toBe(0);
  });
});

describe("a server action's RSC answer", () => {
  it("reads the result from the row that row 0 points to", () => {
    const body = '0:{"a":"$@1","f":"","b":"abc"}\n1:{"ok":true,"entityId":"x1","draftVersion":3}\n';
    expect(parseActionResult(body)).toEqual({ ok: true, entityId: "x1", draftVersion: 3 });
  });

  it("reads a result held in row 0 itself", () => {
    expect(parseActionResult('0:{"a":{"ok":false,"code":"conflict"},"f":""}\n')).toEqual({ ok: false, code: "conflict" });
  });

  it("refuses an HTML page or a payload without the result row", () => {
    expect(() => parseActionResult("<!DOCTYPE html><html></html>")).toThrow(/Not a server action answer/);
    expect(() => parseActionResult('0:{"a":"$@2"}\n')).toThrow(/missing row 2/);
  });
});
