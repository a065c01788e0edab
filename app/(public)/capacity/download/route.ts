import { CAPACITY_COLUMNS, capacityChart, capacityRows } from "@/lib/charts/capacity";
import { toCsv } from "@/lib/csv";
import { getCapacity } from "@/lib/db/capacity";
import { download, jsonError } from "@/lib/http";
import { BaseViewParams, asOfDate, parseDownload } from "@/lib/schemas/search-params";

export const dynamic = "force-dynamic";

// GET /capacity/download?format=csv|json&asOf= – the capacity check's figures, one row per country × measure × figure
export async function GET(request: Request) {
  const dl = parseDownload(new URL(request.url), BaseViewParams);
  if (!dl.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", dl.errors);
  const { format } = dl;
  const parsed = dl;
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
