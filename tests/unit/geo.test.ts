import { geoArea, geoContains, geoMercator } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryObject, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import raw50 from "world-atlas/countries-50m.json";
import { SEVASTOPOL, SIMFEROPOL, compactPath, countryByIso2, loadCountries, type Resolution } from "@/lib/charts/geo";

const MOSCOW: [number, number] = [37.62, 55.75];
const KYIV: [number, number] = [30.52, 50.45];
const KERCH: [number, number] = [36.47, 45.36];

describe.each<Resolution>(["110m", "50m"])("world-atlas %s with Ukraine's recognised borders", (res) => {
  const countries = loadCountries(res);
  const ua = countryByIso2(countries, "UA")!;
  const ru = countryByIso2(countries, "RU")!;

  it("puts Simferopol and Sevastopol in Ukraine and not in Russia", () => {
    for (const p of [SIMFEROPOL, SEVASTOPOL]) {
      expect(geoContains(ua, p)).toBe(true);
      expect(geoContains(ru, p)).toBe(false);
    }
  });

  it("keeps Moscow in Russia and Kyiv in Ukraine", () => {
    expect(geoContains(ru, MOSCOW)).toBe(true);
    expect(geoContains(ua, MOSCOW)).toBe(false);
    expect(geoContains(ua, KYIV)).toBe(true);
    if (res === "50m") expect(geoContains(ua, KERCH)).toBe(true);
  });

  it("gives Ukraine a sane, correctly wound area (about 603,500 km², not the whole globe)", () => {
    const km2 = geoArea(ua) * 6371 ** 2;
    expect(km2).toBeGreaterThan(560_000);
    expect(km2).toBeLessThan(640_000);
    expect(ua.geometry.type === "Polygon" || ua.geometry.coordinates.length <= 3).toBe(true);
  });

  it("caches the corrected features", () => {
    expect(loadCountries(res)).toBe(countries);
  });
});

describe("the upstream data (why the correction exists)", () => {
  it("world-atlas itself draws Simferopol inside Russia", () => {
    const topo = raw50 as unknown as Topology<{ countries: { type: "GeometryCollection"; geometries: GeometryObject[] } }>;
    const ru = topo.objects.countries.geometries.find((g) => g.id === "643")!;
    expect(geoContains(feature(topo, ru), SIMFEROPOL)).toBe(true);
  });
});

describe("compactPath", () => {
  it("writes rounded relative paths and drops specks", () => {
    const proj = geoMercator().scale(100).translate([0, 0]);
    const d = compactPath(proj, { type: "Polygon", coordinates: [[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]] });
    expect(d).toMatch(/^M[-\d. ]+l[-\d. ]+z$/);
    expect(d.split(/[Mlz]/).join(" ")).not.toMatch(/\.\d\d/);
    const speck = compactPath(proj, { type: "Polygon", coordinates: [[[0, 0], [0, 0.01], [0.01, 0.01], [0.01, 0], [0, 0]]] });
    expect(speck).toBe("");
  });
});
