import { describe, expect, it } from "vitest";
import { migrateData, type ChartDef } from "@/lib/views/define";
import { CHARTS } from "@/lib/views/registry";

// Frozen embeds in published articles must render forever: stored data of any older shape is
// migrated to the view's current shape when read.
describe("frozen data versions", () => {
  const def: Pick<ChartDef<unknown, unknown>, "id" | "dataVersion" | "migrations"> = {
    id: "timeline",
    dataVersion: 3,
    migrations: {
      1: { reason: "items gained a lane", up: (d) => ({ ...(d as object), lane: "summits" }) },
      2: { reason: "asOf became a date string", up: (d) => ({ ...(d as object), asOf: "2026-01-06" }) },
    },
  };

  it("applies each step from the stored version to the current one, in order", () => {
    expect(migrateData(def, { items: [] }, 1)).toEqual({ items: [], lane: "summits", asOf: "2026-01-06" });
    expect(migrateData(def, { items: [], lane: "votes" }, 2)).toEqual({ items: [], lane: "votes", asOf: "2026-01-06" });
    const current = { items: [1] };
    expect(migrateData(def, current, 3)).toBe(current);
  });

  it("refuses to guess when a step is missing", () => {
    expect(() => migrateData({ ...def, migrations: { 1: def.migrations![1] } }, {}, 1)).toThrow(/from version 2 to 3/);
  });

  it("every view that changed its data shape can read each older shape", () => {
    for (const chart of Object.values(CHARTS)) {
      const bound = chart.bind(chart.id === "country" ? { code: "gb" } : {});
      expect(bound.ok, chart.id).toBe(true);
      if (!bound.ok) continue;
      for (let v = 1; v < bound.chart.dataVersion; v++) {
        expect(() => bound.chart.migrate({}, v), `${chart.id} from version ${v}`).not.toThrow(/no migration/);
      }
    }
  });
});
