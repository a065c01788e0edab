import { describe, expect, it } from "vitest";
import {
  GEOMETRY,
  LANE_IDS,
  effectiveKinds,
  filterItems,
  groupByMonth,
  itemTitle,
  layoutTimeline,
  overlaps,
  pledgeAnchor,
  timelineRows,
  wrap,
  type ItemKind,
  type PlacedTimeline,
  type TimelineItem,
} from "@/lib/charts/timeline";
import { parseView } from "@/lib/schemas/search-params";
import { TimelineParams } from "@/lib/schemas/views/timeline";

const KINDS: ItemKind[] = ["SUMMIT", "PLEDGE", "STATEMENT", "VOTE", "MEETING", "REPORT", "DECLARATION", "THREAT", "REJECTION"];
const laneFor = (k: ItemKind) =>
  k === "PLEDGE" ? "pledges" : k === "VOTE" ? "votes" : ["SUMMIT", "MEETING", "DECLARATION"].includes(k) ? "summits" : "statements";

function item(n: number, over: Partial<TimelineItem> = {}): TimelineItem {
  const kind = over.kind ?? "STATEMENT";
  return {
    anchor: `event-item-${n}`,
    kind,
    lane: laneFor(kind),
    date: new Date("2026-01-06T00:00:00Z"),
    precision: "DAY",
    title: `Item number ${n} with a fairly long title about security guarantees`,
    summary: null,
    location: null,
    stage: null,
    commitment: null,
    actors: [{ slug: "gb", name: "United Kingdom", nameUk: "Велика Британія" }],
    sources: [{ url: `https://example.org/${n}`, outlet: "Example", originalOutlet: null }],
    ...over,
  } as TimelineItem;
}

/** 60 items in January 2026, spread over a few days, all lanes (or one). */
function januarySixty(oneLane = false): TimelineItem[] {
  return Array.from({ length: 60 }, (_, i) => {
    const kind = oneLane ? "STATEMENT" : KINDS[i % KINDS.length];
    const day = 1 + ((i * 7) % 31);
    return item(i, { kind, lane: laneFor(kind), date: new Date(Date.UTC(2026, 0, day)) } as Partial<TimelineItem>);
  });
}

function assertLegible(p: PlacedTimeline) {
  const labels = p.items.flatMap((it) => (it.label ? [it.label] : []));
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    expect(a.box.x0).toBeGreaterThanOrEqual(0);
    expect(a.box.x1).toBeLessThanOrEqual(p.width);
    for (let j = i + 1; j < labels.length; j++) {
      const b = labels[j];
      expect(overlaps(a.box, b.box), `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
    // No leader line crosses another label.
    for (const b of labels) {
      if (b === a) continue;
      const crosses = a.leader.x >= b.box.x0 && a.leader.x <= b.box.x1 && a.leader.y0 < b.box.y1 && a.leader.y1 > b.box.y0;
      expect(crosses, `leader of "${a.text}" crosses "${b.text}"`).toBe(false);
    }
  }
  // Every item is a mark in the chart, or counted in an overflow badge.
  const marks = p.items.filter((it) => it.y !== null).length;
  const overflowed = p.overflow.reduce((n, o) => n + o.count, 0);
  expect(marks + overflowed).toBe(p.items.length);
  // Marks in one lane never overlap.
  for (const lane of LANE_IDS) {
    const ms = p.items.filter((it) => it.item.lane === lane && it.y !== null);
    for (let i = 0; i < ms.length; i++)
      for (let j = i + 1; j < ms.length; j++) {
        const apart = Math.abs(ms[i].x - ms[j].x) >= 2 * GEOMETRY.markR + 0.9 || Math.abs((ms[i].y ?? 0) - (ms[j].y ?? 0)) >= GEOMETRY.step - 0.1;
        expect(apart).toBe(true);
      }
  }
  // Lanes do not overlap and stay in order.
  for (let i = 1; i < p.lanes.length; i++) expect(p.lanes[i].y0).toBeGreaterThanOrEqual(p.lanes[i - 1].y1);
  for (const l of p.lanes) {
    for (const it of p.items.filter((x) => x.item.lane === l.id)) {
      if (it.label) expect(it.label.box.y1).toBeLessThanOrEqual(l.y1);
      if (it.y !== null) expect(it.y).toBeGreaterThan(l.y0);
    }
  }
}

describe("timeline layout", () => {
  it("places 60 items of one month, across lanes, with no overlapping labels", () => {
    const p = layoutTimeline(januarySixty(), { lang: "en" });
    assertLegible(p);
    expect(p.items).toHaveLength(60);
    expect(p.items.filter((i) => i.label).length).toBeGreaterThan(10);
  });

  it("places 60 items of one month in a single lane with no overlapping labels", () => {
    const p = layoutTimeline(januarySixty(true), { lang: "uk" });
    assertLegible(p);
    expect(p.lanes.find((l) => l.id === "statements")?.count).toBe(60);
  });

  it("stays legible when one month is a small part of a long domain", () => {
    const items = [...januarySixty(), item(100, { date: new Date("2024-02-01T00:00:00Z"), precision: "MONTH" })];
    const p = layoutTimeline(items, { lang: "en" });
    assertLegible(p);
    // A month is under 40 px wide here, so the month's items pile up and share labels.
    expect(p.items.filter((i) => i.label).length).toBeLessThan(60);
  });

  it("clusters an overfull day into a count badge linked to the list", () => {
    const items = Array.from({ length: 45 }, (_, i) => item(i, { kind: "PLEDGE", lane: "pledges", title: null, stage: "ANNOUNCED", commitment: { slug: `c${i}`, title: "C", kind: "TROOPS" } }));
    const p = layoutTimeline(items, { maxLevels: 30 });
    assertLegible(p);
    expect(p.overflow).toHaveLength(1);
    expect(p.overflow[0].count).toBe(15);
    expect(p.overflow[0].text).toBe("+15");
    expect(p.overflow[0].anchor).toMatch(/^event-item-/);
    // The one label for the day counts the others.
    const labelled = p.items.filter((i) => i.label);
    expect(labelled).toHaveLength(1);
    expect(labelled[0].label?.text).toBe("45 pledge changes");
    expect(labelled[0].label?.count).toBe(45);
    // Events of one day share a label with a count.
    const events = layoutTimeline(Array.from({ length: 5 }, (_, i) => item(i, { kind: "SUMMIT", lane: "summits" })));
    expect(events.items.filter((i) => i.label).map((i) => i.label?.text)).toEqual([expect.stringMatching(/^Item number 0 .*… \+4$/)]);
  });

  it("keeps items in chronological (tab) order with accessible names", () => {
    const items = januarySixty().reverse();
    const p = layoutTimeline(items);
    const times = p.items.map((i) => i.item.date.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(p.items[0].name).toMatch(/^1 Jan 2026, \w+/);
  });

  it("keeps empty lanes and labels month ticks without crowding", () => {
    const p = layoutTimeline([item(1, { kind: "VOTE", lane: "votes", date: new Date("2025-02-18T00:00:00Z") }), item(2, { date: new Date("2026-01-07T00:00:00Z") })]);
    expect(p.lanes.map((l) => l.id)).toEqual(LANE_IDS);
    expect(p.lanes.find((l) => l.id === "summits")?.count).toBe(0);
    const labelled = p.ticks.filter((t) => t.label);
    for (let i = 1; i < labelled.length; i++) expect(labelled[i].x - labelled[i - 1].x).toBeGreaterThanOrEqual(30);
    expect(p.ticks[0].year).toBe("2025");
    expect(p.ticks.find((t) => t.date.toISOString().startsWith("2026-01"))?.year).toBe("2026");
  });

  it("adds weekly day ticks when one month fills the chart", () => {
    const p = layoutTimeline(januarySixty(), { domain: { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-02-01T00:00:00Z") } });
    expect(p.ticks.map((t) => t.label)).toEqual(["Jan", "8", "15", "22", "29"]);
    assertLegible(p);
    expect(p.items.filter((i) => i.label).length).toBeGreaterThan(15);
  });

  it("draws an empty domain when nothing matches", () => {
    const p = layoutTimeline([], { asOf: new Date("2026-03-15T00:00:00Z") });
    expect(p.items).toEqual([]);
    expect(p.lanes).toHaveLength(4);
    expect(p.ticks.length).toBe(12);
  });

  it("puts a month-precision mark in the middle of its month", () => {
    const p = layoutTimeline([item(1, { date: new Date("2025-08-01T00:00:00Z"), precision: "MONTH" })], {
      domain: { start: new Date("2025-08-01T00:00:00Z"), end: new Date("2025-09-01T00:00:00Z") },
    });
    const mid = (p.plot.x0 + p.plot.x1) / 2;
    expect(Math.abs(p.items[0].x - mid)).toBeLessThan(1);
  });
});

describe("timeline items", () => {
  const pledge = item(7, {
    anchor: pledgeAnchor("gb-troops", "CONDITIONAL_OFFER", new Date("2025-03-02T00:00:00Z")),
    kind: "PLEDGE",
    lane: "pledges",
    title: null,
    stage: "CONDITIONAL_OFFER",
    commitment: { slug: "gb-troops", title: "UK troops", kind: "TROOPS" },
    date: new Date("2025-03-02T00:00:00Z"),
  });

  it("titles a lifecycle change from its actor, stage and kind, in both languages", () => {
    expect(pledge.anchor).toBe("pledge-gb-troops-conditional-offer-2025-03-02");
    expect(itemTitle(pledge, "en")).toBe("United Kingdom: conditional offer — troops / force contribution");
    expect(itemTitle(pledge, "uk")).toMatch(/^Велика Британія: умовна пропозиція — /);
  });

  it("filters by asOf, kind, lane, actor and an overlapping date range", () => {
    const items = [
      pledge,
      item(1, { kind: "SUMMIT", lane: "summits", date: new Date("2025-03-01T00:00:00Z"), precision: "MONTH" }),
      item(2, { kind: "VOTE", lane: "votes", date: new Date("2025-04-10T00:00:00Z"), actors: [{ slug: "nl", name: "Netherlands", nameUk: null }] }),
      item(3, { date: new Date("2026-01-06T00:00:00Z") }),
    ];
    const asOf = new Date("2026-11-28T23:59:59Z");
    expect(filterItems(items, { asOf })).toHaveLength(4);
    expect(filterItems(items, { asOf: new Date("2025-03-31T23:59:59Z") }).map((i) => i.anchor)).toEqual(["event-item-1", pledge.anchor]);
    expect(filterItems(items, { asOf, kinds: ["PLEDGE", "VOTE"] })).toHaveLength(2);
    expect(filterItems(items, { asOf, lanes: ["summits"] })).toHaveLength(1);
    expect(filterItems(items, { asOf, lanes: ["summits"], kinds: ["VOTE"] })).toHaveLength(0);
    expect(filterItems(items, { asOf, actors: ["nl"] }).map((i) => i.anchor)).toEqual(["event-item-2"]);
    // A March-2025 (month precision) summit overlaps a range starting mid-March.
    expect(filterItems(items, { asOf, from: "2025-03-15", to: "2025-04-30" }).map((i) => i.anchor)).toEqual(["event-item-1", "event-item-2"]);
    expect(filterItems(items, { asOf, from: "2025-04-01" }).map((i) => i.anchor)).toEqual(["event-item-2", "event-item-3"]);
  });

  it("builds download rows with the date precision, lane, actors and source URLs", () => {
    const rows = timelineRows([item(1, { date: new Date("2026-01-01T00:00:00Z"), precision: "MONTH", sources: [{ url: "https://a.example/1", outlet: "A", originalOutlet: null }, { url: "https://b.example/2", outlet: "B", originalOutlet: null }] }), pledge]);
    expect(rows[0]).toMatchObject({ id: "event-item-1", date: "2026-01-01", precision: "MONTH", date_label: "Jan 2026", lane: "statements", kind: "STATEMENT", actors: "gb", sources: "https://a.example/1 https://b.example/2" });
    expect(rows[1]).toMatchObject({ kind: "PLEDGE", stage: "CONDITIONAL_OFFER", commitment: "gb-troops", lane: "pledges" });
  });

  it("groups items by month and works out which kinds a filter leaves", () => {
    expect(groupByMonth([item(1, { date: new Date("2025-03-01T00:00:00Z") }), item(2, { date: new Date("2025-03-30T00:00:00Z") }), item(3, { date: new Date("2025-04-01T00:00:00Z") })]).map((g) => [g.month, g.items.length])).toEqual([
      ["2025-03", 2],
      ["2025-04", 1],
    ]);
    expect(effectiveKinds(undefined, ["summits"])).toEqual(["SUMMIT", "MEETING", "DECLARATION"]);
    expect(effectiveKinds(["PLEDGE", "VOTE"], undefined)).toEqual(["PLEDGE", "VOTE"]);
  });

  it("wraps text into at most the given number of lines", () => {
    const lines = wrap("one two three four five six seven eight nine ten", 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    expect(lines.every((l) => l.length <= 10)).toBe(true);
  });
});

describe("timeline URL parameters", () => {
  const ok = (q: Record<string, string | string[]>) => {
    const r = parseView(TimelineParams, q);
    if (!r.ok) throw new Error(r.errors.join("; "));
    return r.value;
  };
  const errors = (q: Record<string, string | string[]>) => {
    const r = parseView(TimelineParams, q);
    return r.ok ? [] : r.errors;
  };

  it("accepts actors, kinds, lanes and a date range", () => {
    expect(ok({ actor: "GB,fr", kind: ["SUMMIT", "PLEDGE"], lane: "votes", from: "2025-01-01", to: "2025-12-31", unknown: "x" })).toMatchObject({
      actor: ["gb", "fr"],
      kind: ["SUMMIT", "PLEDGE"],
      lane: ["votes"],
      from: "2025-01-01",
      to: "2025-12-31",
    });
    const none = ok({});
    expect([none.actor, none.kind, none.from]).toEqual([undefined, undefined, undefined]);
  });

  it("explains bad values", () => {
    expect(errors({ kind: "PICNIC" }).join()).toMatch(/Unknown kind\. Use one of: SUMMIT/);
    expect(errors({ lane: "gossip" }).join()).toMatch(/Unknown lane/);
    expect(errors({ from: "2025-02-30" }).join()).toMatch(/does not exist/);
    expect(errors({ to: "01/02/2025" }).join()).toMatch(/YYYY-MM-DD/);
    expect(errors({ from: "2025-06-01", to: "2025-05-01" }).join()).toMatch(/before the start date/);
    expect(errors({ asOf: "2999-01-01" }).join()).toMatch(/future/);
    expect(errors({ actor: "<script>" }).join()).toMatch(/actor slugs/);
    expect(errors({ actor: "x".repeat(200) }).join()).toMatch(/too long/);
  });
});
