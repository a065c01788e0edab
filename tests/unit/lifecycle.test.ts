import { describe, expect, it } from "vitest";
import { stageAsOf } from "@/lib/lifecycle";
import { endOfIsoDay, formatDate } from "@/lib/format";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("stageAsOf (valid time)", () => {
  const stages = [
    { stage: "ANNOUNCED" as const, date: d("2025-03-02") },
    { stage: "CONDITIONAL_OFFER" as const, date: d("2025-09-04") },
    { stage: "FORMALISED" as const, date: d("2026-01-06") },
  ];
  it("is the latest stage on or before the date", () => {
    expect(stageAsOf(stages, d("2025-01-01"))).toBeNull();
    expect(stageAsOf(stages, d("2025-03-02"))).toBe("ANNOUNCED");
    expect(stageAsOf(stages, d("2025-12-31"))).toBe("CONDITIONAL_OFFER");
    expect(stageAsOf(stages, d("2026-11-28"))).toBe("FORMALISED");
  });
  it("lets a later stage win on the same day, whatever the input order", () => {
    const same = [
      { stage: "FORMALISED" as const, date: d("2026-01-06") },
      { stage: "ANNOUNCED" as const, date: d("2026-01-06") },
    ];
    expect(stageAsOf(same, d("2026-01-06"))).toBe("FORMALISED");
    expect(stageAsOf([...same].reverse(), d("2026-01-06"))).toBe("FORMALISED");
  });
});

describe("formatDate", () => {
  it("shows a date only as precisely as it is known", () => {
    expect(formatDate(d("2026-01-06"))).toBe("6 Jan 2026");
    expect(formatDate(d("2025-12-01"), "MONTH")).toBe("Dec 2025");
    expect(formatDate(d("2024-01-01"), "YEAR")).toBe("2024");
  });
  it("parses as-of dates strictly", () => {
    expect(endOfIsoDay("2025-09-04")?.toISOString()).toBe("2025-09-04T23:59:59.999Z");
    expect(endOfIsoDay("2025-02-30")).toBeNull();
    expect(endOfIsoDay("yesterday")).toBeNull();
  });
});

describe("formatDate in Ukrainian", () => {
  it("uses the genitive after a day and the nominative for a month alone", () => {
    expect(formatDate(d("2026-01-06"), "DAY", "uk")).toBe("6 січня 2026");
    expect(formatDate(d("2025-12-01"), "MONTH", "uk")).toBe("грудень 2025");
  });
});
