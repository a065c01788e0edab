// The CSV/JSON download of a view (/<view>/download): the rows of exactly what the view shows,
// from the view's own definition (parameters, loader and model), so no route restates a view.
import "server-only";
import { toCsv } from "@/lib/csv";
import { download, jsonError } from "@/lib/http";
import { first, queryRecord } from "@/lib/schemas/search-params";
import type { Chart } from "./define";

/** GET handler body for a view's download: `format=csv|json` plus the view's own parameters. */
export async function serveViewDownload(request: Request, chart: Chart, extra: Record<string, string> = {}): Promise<Response> {
  const url = new URL(request.url);
  const query = { ...queryRecord(url), ...extra };
  const format = first(query.format) ?? "csv";
  const bound = chart.bind(query);
  const errors = [...(format === "csv" || format === "json" ? [] : ["format: use csv or json"]), ...(bound.ok ? [] : bound.errors)];
  if (errors.length || !bound.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", errors);
  const c = bound.chart;
  const loaded = await c.load();
  if (!loaded.ok) return jsonError(loaded.status, loaded.status === 404 ? "not_found" : "invalid_parameters", "Check the parameters.", loaded.errors);
  const model = c.model(loaded.data, { lang: "en", origin: "" });
  const rows = model.csv.rows;
  return download(format as "csv" | "json", model.filename, {
    csv: () => toCsv(rows, model.csv.columns),
    json: () => ({ asOf: model.asOf, filters: c.dataOptions, count: rows.length, rows }),
  });
}
