import { describe, expect, it } from "vitest";
import { parseSeed } from "@/lib/schemas/seed";
import { frontendParser } from "@/scripts/bench/lib/query-counter";
import { budgets, type BenchResult } from "@/scripts/bench/lib/report";
import { TEN_TIMES, scaled, syntheticSeed } from "@/scripts/bench/lib/synthetic";

describe("the bench's synthetic dataset", () => {
  const small = scaled(TEN_TIMES, 0.02, 10);

  it("is the same for the same seed and different for another", () => {
    expect(JSON.stringify(syntheticSeed(small, 1))).toBe(JSON.stringify(syntheticSeed(small, 1)));
    expect(JSON.stringify(syntheticSeed(small, 2))).not.toBe(JSON.stringify(syntheticSeed(small, 1)));
  });

  it("passes the seed's own schemas and rules, at the asked size, and says it is synthetic", () => {
    const data = parseSeed(syntheticSeed(small) as never);
    expect(data.commitments).toHaveLength(small.commitments);
    expect(data.events).toHaveLength(small.events);
    expect(data.polls).toHaveLength(small.polls);
    expect(data.actors.filter((a) => a.kind === "COUNTRY")).toHaveLength(10);
    for (const list of Object.values(data)) for (const r of list as { slug: string }[]) expect(r.slug).toMatch(/^synthetic-/);
    for (const s of data.sources) expect(new URL(s.url).hostname).toBe("example.org");
  });

  it("defines ten times today's size as issue 7 does", () => {
    expect(TEN_TIMES).toMatchObject({ commitments: 5000, events: 25000, polls: 10000 });
  });
});

// PostgreSQL frontend messages: the untyped startup message, then type byte + int32 length.
function startup(): Buffer {
  const body = Buffer.from("user\0postgres\0database\0postgres\0\0");
  const b = Buffer.alloc(8 + body.length);
  b.writeInt32BE(b.length, 0);
  b.writeInt32BE(196608, 4);
  body.copy(b, 8);
  return b;
}
function sslRequest(): Buffer {
  const b = Buffer.alloc(8);
  b.writeInt32BE(8, 0);
  b.writeInt32BE(80877103, 4);
  return b;
}
function msg(type: string, payload = "x\0"): Buffer {
  const body = Buffer.from(payload);
  const b = Buffer.alloc(5 + body.length);
  b.write(type, 0);
  b.writeInt32BE(4 + body.length, 1);
  body.copy(b, 5);
  return b;
}

describe("the bench's statement counter", () => {
  it("counts Parse and Query messages only, after an SSL request and the startup message", () => {
    let n = 0;
    const feed = frontendParser(() => n++);
    feed(Buffer.concat([sslRequest(), startup(), msg("p", "secret\0"), msg("P", "SELECT 1\0"), msg("B"), msg("E"), msg("S", ""), msg("Q", "BEGIN\0")]));
    expect(n).toBe(2);
  });

  it("counts messages split across chunks at any byte", () => {
    const stream = Buffer.concat([startup(), msg("P", "SELECT 1\0"), msg("B"), msg("Q", "COMMIT\0"), msg("P", "SELECT 2\0")]);
    for (let cut = 1; cut < stream.length; cut++) {
      let n = 0;
      const feed = frontendParser(() => n++);
      feed(stream.subarray(0, cut));
      feed(stream.subarray(cut));
      expect(n).toBe(3);
    }
  });
});

describe("the bench's budget verdicts", () => {
  const size = (gzip: number, jsGzip?: number) => ({ raw: gzip * 5, gzip, jsGzip, scripts: 1 });
  const base: BenchResult = {
    date: "2026-11-28T00:00:00Z",
    machine: { cpus: 2, cpuModel: "x", memoryGb: 1, node: "v20" },
    database: "embedded",
    quick: false,
    datasets: {},
    synthetic: { seed: 1, size: TEN_TIMES },
    sizes: { today: { "/": size(10_000, 100_000), "/embed/polls": size(5_000) }, x10: { "/": size(20_000, 100_000), "/embed/polls": size(40_000) } },
    lighthouse: { "/embed/polls": { score: 100, lcpMs: 700, tbtMs: 0, cls: 0, fcpMs: 700, runs: 3, scores: [100, 100, 100] } },
    throughput: { next: { requestsPerSec: 1500, p50: 1, p99: 5, errors: 0, non2xx: 0, bytesPerReq: 1 }, static: { requestsPerSec: 3000, p50: 1, p99: 2, errors: 0, non2xx: 0, bytesPerReq: 1 }, bytes: 1, ratio: 0.5, connections: 50 },
    uncached: { "/": { p50: 40, p95: 200, max: 300, n: 20 } },
    queries: { x10: { "/": 4 }, c10: { "/": 4 }, c50: { "/": 6 } },
    prismaVsSql: { rows: 1, prismaMs: 2, sqlMs: 1, ratio: 2, runs: 7 },
    totalSeconds: 1,
  };
  const verdict = (what: string) => budgets(base).find((b) => b.what.startsWith(what))!.met;

  it("fails what is over budget and passes what is within it", () => {
    expect(verdict("Embed transfer, today's")).toBe(true);
    expect(verdict("Embed transfer, ×10")).toBe(false);
    expect(verdict("Client JS")).toBe(true);
    expect(verdict("Cached embed")).toBe(true);
    expect(verdict("Uncached render at ×10, slowest p50")).toBe(true);
    expect(verdict("Uncached render at ×10, slowest p95")).toBe(false);
    expect(verdict("Queries per page")).toBe(true);
    expect(verdict("Queries flat")).toBe(false);
    expect(verdict("Lighthouse mobile /embed/polls")).toBe(true);
  });
});
