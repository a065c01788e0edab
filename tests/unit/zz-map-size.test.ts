import { it } from "vitest";
import { loadCountries, compactPath } from "@/lib/charts/geo";
import { fitBox, EUROPE_BOUNDS } from "@/lib/charts/europe-map";
it("sizes", () => {
  for (const res of ["110m", "50m"] as const) for (const tol of [0, 0.5, 0.8, 1.2]) {
    const { projection } = fitBox(EUROPE_BOUNDS, 640, [-16, -53]);
    const n = loadCountries(res).reduce((a, f) => a + compactPath(projection, f, 1, 0.6, tol).length, 0);
    process.stdout.write(`SIZE ${res} ${tol} ${n}\n`);
  }
});
