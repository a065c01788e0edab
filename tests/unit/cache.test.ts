import { describe, expect, it, vi } from "vitest";
import { cachedRead, decode, encode } from "@/lib/db/cache";

vi.mock("@/lib/db/release", () => ({ currentRelease: async () => ({ number: 1, publishedAt: null }) }));

describe("cachedRead outside Next.js", () => {
  it("calls the loader directly and returns its value untouched", async () => {
    let calls = 0;
    const read = cachedRead("test", async (n: number) => {
      calls++;
      return { n, at: new Date("2026-01-06T00:00:00Z") };
    });
    const r = await read(3);
    expect(r.n).toBe(3);
    expect(r.at).toBeInstanceOf(Date);
    expect(calls).toBe(1);
  });
});

describe("the data cache's JSON round trip", () => {
  it("revives dates, keeps nulls, numbers and nested arrays", () => {
    const value = { a: new Date("2025-09-04T00:00:00Z"), b: [{ c: null, d: 1.5, e: [new Date(0)] }], f: "x" };
    const back = decode(JSON.parse(JSON.stringify(encode(value)))) as typeof value;
    expect(back).toEqual(value);
    expect(back.b[0].e[0]).toBeInstanceOf(Date);
  });
});
