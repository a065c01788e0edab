import { describe, expect, it } from "vitest";
import { checkLegibility, meetsRules } from "@/lib/charts/legibility";
import {
  ITEM_CAP,
    effectiveKinds,
  filterItems,
  fitText,
  groupByMonth,
  isolatedEarly,
  itemTitle,
  layoutTimelines,
  listPageOf,
  pledgeAnchor,
  sceneGeometry,
  timelineRows,
  wrap,
  wrapPx,
  type ItemKind,
  type SceneMark,
  type TimelineItem,
  type TimelineScene,
} from "@/lib/charts/timeline";
import { WIDTH, WIDTH_CLASSES } from "@/lib/charts/width";
import { measure } from "@/lib/embed/layout/measure";
import { parseView } from "@/lib/schemas/search-params";
import { TimelineParams, withoutEmptyParams } from "@/lib/schemas/views/timeline";

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

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TITLES = [
  "London summit launches UK-France-led coalition of the willing for Ukraine",
  "Paris declaration on security guarantees signed by leaders",
  "Kremlin rejects any Western troop presence in Ukraine",
  "Bundestag vote on the reassurance force mandate",
];

/**
 * Like today's seeded data: one item in February 2024, then a year from February 2025 with a few
 * items a month and January 2026 holding 58 (about 130 items in all).
 */
function todayLike(): TimelineItem[] {
  const perMonth: [string, number][] = [
    ["2025-02", 6], ["2025-03", 19], ["2025-04", 10], ["2025-05", 1], ["2025-07", 3], ["2025-08", 10],
    ["2025-09", 11], ["2025-10", 1], ["2025-12", 8], ["2026-01", 58], ["2026-02", 1],
  ];
  const out = [item(0, { kind: "SUMMIT", date: at("2024-02-17"), title: TITLES[0] })];
  let n = 1;
  for (const [m, count] of perMonth) {
    for (let i = 0; i < count; i++, n++) {
      const kind = KINDS[n % KINDS.length];
      const day = 1 + ((i * 5) % 27);
      out.push(item(n, { kind, date: at(`${m}-${String(day).padStart(2, "0")}`), precision: n % 11 === 0 ? "MONTH" : "DAY", title: `${TITLES[n % 4]} (${n})` }));
    }
  }
  return out;
}

/** Like the bench's ×10 data: about 25,000 items over 23 months. */
function x10(): TimelineItem[] {
  const out: TimelineItem[] = [];
  for (let n = 0; n < 25_000; n++) {
    const m = n % 23;
    const date = new Date(Date.UTC(2025, m, 1 + (n % 28)));
    out.push(item(n, { kind: KINDS[n % KINDS.length], date }));
  }
  return out;
}

const lay = (items: TimelineItem[], lang: "en" | "uk" = "en", domain?: { start?: Date; end?: Date }) =>
  layoutTimelines(items, { lang, asOf: at("2026-12-01"), domain });

/** The legibility rules on a scene's geometry, with the failing texts named. */
function assertLegible(s: TimelineScene) {
  const g = sceneGeometry(s);
  const l = checkLegibility(g);
  const pairs = l.overlaps.map(([a, b]) => `"${g.texts[a].text}" × "${g.texts[b].text}"`);
  expect(pairs, `${s.cls}: overlapping texts`).toEqual([]);
  expect(l.smallest, `${s.cls}: smallest text`).toBeGreaterThanOrEqual(11);
  expect(l.legibleShare).toBe(1);
  expect(l.emptyBand, `${s.cls}: empty band`).toBeLessThanOrEqual(0.15);
  expect(meetsRules(l)).toBe(true);
  // Laid out at the class's design width, everything inside it.
  expect(s.width).toBe(WIDTH[s.cls].design);
  for (const t of g.texts) {
    expect(t.x0, `"${t.text}" starts inside`).toBeGreaterThanOrEqual(0);
    expect(t.x1, `"${t.text}" ends inside`).toBeLessThanOrEqual(s.width);
  }
  // Marks of a lane never overlap.
  const marks = s.groups.flatMap((g) => g.nodes.filter((n): n is SceneMark => n.t === "mark"));
  for (let i = 0; i < marks.length; i++)
    for (let j = i + 1; j < marks.length; j++) {
      const a = marks[i];
      const b = marks[j];
      expect(Math.abs(a.x - b.x) >= 2 * a.r || Math.abs(a.y - b.y) >= 2 * a.r, "marks apart").toBe(true);
    }
}

describe("timeline layouts per width class", () => {
  it("lays out today-like data legibly in every class, in both languages", () => {
    for (const lang of ["en", "uk"] as const) {
      const scenes = lay(todayLike(), lang);
      for (const w of WIDTH_CLASSES) assertLegible(scenes[w]);
    }
  });

  it("runs vertically, newest first, on narrow screens", () => {
    const s = lay(todayLike().slice(110)).narrow;
    expect(s.mode).toBe("items");
    const names = s.groups.map((g) => g.name);
    expect(names[0]).toMatch(/^\d+ Feb 2026,/);
    const dates = s.groups.map((g) => (g.link.kind === "item" ? g.link.anchor : ""));
    expect(dates).toHaveLength(todayLike().slice(110).length);
    // Titles wrap to at most three lines, within the width.
    const s2 = lay([item(1, { title: "A very long title ".repeat(12) })]).narrow;
    const lines = s2.groups[0].nodes.filter((n) => n.t === "text" && n.cls === "lb");
    expect(lines.length).toBeLessThanOrEqual(3);
    assertLegible(s2);
  });

  it("lists the latest items and then counts per month on narrow screens when dense", () => {
    const s = lay(todayLike()).narrow;
    expect(s.mode).toBe("counts");
    const items = s.groups.filter((g) => g.link.kind === "item");
    expect(items.length).toBe(6);
    const months = s.groups.filter((g) => g.link.kind === "range");
    expect(months[0].link).toEqual({ kind: "range", from: "2026-02-01", to: "2026-02-28" });
    expect(months[1].name).toBe("Jan 2026: 58 items");
  });

  it("puts one isolated early item in a compressed earlier segment (an axis break)", () => {
    const items = todayLike();
    expect(isolatedEarly(items)).toBe(1);
    for (const w of ["medium", "wide"] as const) {
      const s = lay(items)[w];
      expect(s.earlier).toMatchObject({ count: 1 });
      // The axis starts at the busy period, not in 2024.
      expect(s.domain.start.toISOString().slice(0, 7)).toBe("2025-02");
      const early = s.groups.find((g) => g.link.kind === "item" && g.link.anchor === "event-item-0")!;
      const mark = early.nodes.find((n): n is SceneMark => n.t === "mark")!;
      expect(mark.x).toBeLessThan(w === "wide" ? 90 : 70);
      expect(s.nodes.some((n) => n.t === "text" && n.text === "Earlier")).toBe(true);
      assertLegible(s);
    }
    // With a from date asked for, no break.
    expect(lay(items, "en", { start: at("2024-01-01") }).wide.earlier).toBeNull();
  });

  it("draws a dense period of a lane as one count cell linking to its list, never as overlapping badges", () => {
    const s = lay(todayLike()).medium;
    expect(s.mode).toBe("items");
    const cells = s.groups.filter((g) => g.link.kind === "range");
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.link.kind === "range" && c.link.lane)).toBe(true);
    expect(cells[0].name).toMatch(/^\w{3} \d{4}, .+: \d+ items$/);
    // Every item is either a mark or counted in a cell.
    const counted = cells.reduce((n, c) => n + Number(/: (\d+) items?$/.exec(c.name)?.[1] ?? 0), 0);
    expect(s.drawn + counted).toBe(s.total);
    assertLegible(s);
  });

  it("wraps labels to at most two lines and places only those that fit", () => {
    const s = lay(todayLike()).wide;
    const labelled = s.groups.filter((g) => g.nodes.some((n) => n.t === "text" && n.cls === "lb"));
    expect(labelled.length).toBeGreaterThan(5);
    for (const g of labelled) expect(g.nodes.filter((n) => n.t === "text" && n.cls === "lb").length).toBeLessThanOrEqual(2);
    // Every mark has details for focus and hover.
    expect(s.groups.filter((g) => g.link.kind === "item").every((g) => g.detail.length === 2)).toBe(true);
    expect(s.hint?.text).toMatch(/^Tap or hover/);
  });

  it("lays out an empty range legibly", () => {
    const scenes = lay([]);
    for (const w of WIDTH_CLASSES) {
      expect(scenes[w].groups).toEqual([]);
      assertLegible(scenes[w]);
    }
    expect(scenes.narrow.nodes.some((n) => n.t === "text" && /Nothing matches/.test(n.text))).toBe(true);
  });

  it("aggregates ×10 data into counts per lane and month, with bounded output", () => {
    const items = x10();
    const scenes = lay(items);
    for (const w of WIDTH_CLASSES) {
      const s = scenes[w];
      expect(s.mode).toBe("counts");
      expect(s.total).toBe(25_000);
      assertLegible(s);
      // At most one link per lane and month (plus the newest few items on narrow screens).
      expect(s.groups.length).toBeLessThanOrEqual(4 * 23 + 23 + 6);
      expect(JSON.stringify(s).length).toBeLessThan(120_000);
    }
    const bars = scenes.wide.groups.filter((g) => g.link.kind === "range");
    const sum = bars.reduce((n, g) => n + Number(/: ([\d,]+) items?$/.exec(g.name)?.[1].replace(/,/g, "") ?? 0), 0);
    expect(sum).toBe(25_000);
    expect(ITEM_CAP.wide).toBeLessThan(25_000);
  });

  it("counts per week when the range is a month", () => {
    const items = x10().filter((it) => it.date.toISOString().startsWith("2026-01"));
    const s = lay(items, "en", { start: at("2026-01-01"), end: at("2026-02-01") }).wide;
    expect(s.bucket).toBe("week");
    const links = s.groups.map((g) => g.link).filter((l) => l.kind === "range");
    expect(links.map((l) => l.kind === "range" && l.from).filter((v, i, a) => a.indexOf(v) === i)).toEqual(["2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22"]);
    assertLegible(s);
  });

  it("keeps items in chronological (tab) order on lanes, with accessible names", () => {
    const s = lay(todayLike().slice(0, 60)).wide;
    const names = s.groups.filter((g) => g.link.kind === "item").map((g) => g.name);
    expect(names.every((n) => /^(\d{1,2} )?\w{3} \d{4}, /.test(n))).toBe(true);
  });

  it("fits text by estimated width and pages the list", () => {
    expect(measure(fitText("London summit launches UK-France-led coalition", 120, 12), 12)).toBeLessThanOrEqual(120);
    const lines = wrapPx("London summit launches UK-France-led coalition of the willing for Ukraine", 150, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => measure(l, 12) <= 150)).toBe(true);
    expect([listPageOf(0), listPageOf(49), listPageOf(50)]).toEqual([1, 1, 2]);
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
    expect([none.actor, none.kind, none.from, none.page]).toEqual([undefined, undefined, undefined, undefined]);
    expect(ok({ page: "3" }).page).toBe(3);
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
    for (const page of ["0", "-1", "two", "1.5", "9999999"]) expect(errors({ page }).join()).toMatch(/page number/);
  });

  it("drops blank parameters from a submitted form's URL, and nothing else", () => {
    expect(withoutEmptyParams(new URLSearchParams("kind=VOTE&from=&to=&lang=uk"))).toBe("kind=VOTE&lang=uk");
    expect(withoutEmptyParams(new URLSearchParams("from=%20"))).toBe("");
    expect(withoutEmptyParams(new URLSearchParams("kind=VOTE&page=2"))).toBeNull();
  });
});
