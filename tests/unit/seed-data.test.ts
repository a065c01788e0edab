import { describe, expect, it } from "vitest";
import { SeedValidationError, parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

// The repository's seed dataset, checked through the shared schemas and the sources gate.
const raw = readSeedFiles();

describe("the seed dataset", () => {
  const data = parseSeed(raw);

  it("passes every schema rule, cross-reference and the sources gate", () => {
    expect(data.actors.length).toBeGreaterThan(20);
    expect(data.commitments.length).toBeGreaterThan(20);
    expect(data.polls.length).toBeGreaterThan(10);
  });

  it("records the digest's unverified claims as unverified, never as facts", () => {
    const unverified = data.claims.filter((c) => c.verification === "UNVERIFIED");
    const text = unverified.map((c) => c.statement).join("\n");
    expect(text).toMatch(/7,500/);
    expect(unverified.filter((c) => c.valueLow !== null && [56, 40, 36].includes(c.valueLow)).length).toBeGreaterThanOrEqual(4);
    // The unverified YouGov figures are not poll rows.
    expect(data.polls.some((p) => p.support === 56 && p.country === "GB")).toBe(false);
  });

  it("never stores a site more precisely than a city, nor an unsigned coordinate", () => {
    for (const s of data.sites) {
      expect(["UNDISCLOSED", "COUNTRY", "REGION", "CITY"]).toContain(s.precision);
      if (s.latitude !== null) expect(s.coordinateSignedOffBy).not.toBeNull();
    }
  });

  it("cites only sources it lists, by exact URL", () => {
    const urls = new Set(data.sources.map((s) => s.url));
    const cited = [
      ...data.commitments.flatMap((c) => [...c.citations, ...c.stages.flatMap((s) => s.citations)]),
      ...data.events.flatMap((e) => e.citations),
      ...data.polls.flatMap((p) => p.citations),
    ];
    expect(cited.every((c) => urls.has(c.url))).toBe(true);
  });
});

describe("a seed file that breaks a rule", () => {
  it("names the file, the record and the field", () => {
    const broken = structuredClone(raw) as Record<string, Record<string, unknown>[]>;
    broken.polls[0] = { ...broken.polls[0], support: 90, oppose: 20 };
    try {
      parseSeed(broken);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SeedValidationError);
      const p = (e as SeedValidationError).problems[0];
      expect(p.file).toBe("prisma/seed/polls.json");
      expect(p.record).toContain(String(broken.polls[0].slug));
      expect((e as Error).message).toMatch(/nothing was written/);
    }
  });
  it("reports a citation of an unknown source", () => {
    const broken = structuredClone(raw) as Record<string, Record<string, unknown>[]>;
    (broken.events[0].citations as { url: string }[])[0].url = "https://unknown.example/x";
    expect(() => parseSeed(broken)).toThrow(/events\.json › .* › citations\.0\.url: No source in sources\.json/);
  });
});
