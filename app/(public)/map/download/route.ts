import { toCsv } from "@/lib/csv";
import { download, jsonError } from "@/lib/http";
import { first, queryRecord } from "@/lib/schemas/search-params";
import { europeMapChart, loadMaps, ukraineMapChart } from "@/lib/views/maps";

export const dynamic = "force-dynamic";

// GET /map/download?format=csv|json&asOf= – the rows of both maps on /map, from their definitions
// (countries from the Europe map's, sites from the Ukraine map's), so the file is what the page shows.
export async function GET(request: Request) {
  const query = queryRecord(new URL(request.url));
  const format = first(query.format) ?? "csv";
  const europe = europeMapChart.bind(query);
  const ukraine = ukraineMapChart.bind(query);
  const errors = [...(format === "csv" || format === "json" ? [] : ["format: use csv or json"]), ...(europe.ok ? [] : europe.errors)];
  if (errors.length || !europe.ok || !ukraine.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", errors);
  const data = await loadMaps(first(query.asOf));
  const ctx = { lang: "en" as const, origin: "" };
  const em = europe.chart.model(data.europe, ctx);
  const um = ukraine.chart.model(data.ukraine, ctx);
  const rows = [...em.csv.rows, ...um.csv.rows];
  return download(format as "csv" | "json", `map-${em.asOf}`, {
    csv: () => toCsv(rows, em.csv.columns),
    json: () => ({ asOf: em.asOf, filters: {}, note: "Sites have no valid-time date; they do not depend on asOf.", rows }),
  });
}
