import { CAPACITY_COLUMNS, capacityChart, capacityRows } from "@/lib/charts/capacity";
import { toCsv } from "@/lib/csv";
import { getCapacity } from "@/lib/db/capacity";
import { download, jsonError } from "@/lib/http";
import { BaseViewParams, asOfDate, first, parseView } from "@/lib/schemas/search-params";

export const dynamic = "force-dynamic";

// GET /capacity/download?format=csv|json&asOf= – the capacity check's figures, one row per country × measure × figure
export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const format = first(query.format) ?? "csv";
  if (format !== "csv" && format !== "json") return jsonError(422, "invalid_parameters", "format: use csv or json");
  const parsed = parseView(BaseViewParams, query);
  if (!parsed.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", parsed.errors);
  const asOf = asOfDate(parsed.value.asOf);
  const rows = capacityRows(capacityChart(await getCapacity(asOf.end)));
  return download(format, `capacity-${asOf.iso}`, {
    csv: () => toCsv(rows, CAPACITY_COLUMNS),
    json: () => ({
      asOf: asOf.iso,
      filters: {},
      note: "shown: current = drawn on the chart; earlier = older figure listed below it; unknown = no sourced figure (never estimated).",
      rows,
    }),
  });
}
