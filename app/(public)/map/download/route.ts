import { toCsv } from "@/lib/csv";
import { buildCountryRows } from "@/lib/charts/europe-map";
import { MAP_COLUMNS, mapDownloadRows } from "@/lib/charts/map-rows";
import { buildSiteRows } from "@/lib/charts/ukraine-map";
import { getMapData } from "@/lib/db/map";
import { download, jsonError } from "@/lib/http";
import { asOfDate, parseDownload } from "@/lib/schemas/search-params";
import { MapParams } from "@/lib/schemas/views/map";

export const dynamic = "force-dynamic";

// GET /map/download?format=csv|json&asOf= – the rows of both maps on /map
export async function GET(request: Request) {
  const dl = parseDownload(new URL(request.url), MapParams);
  if (!dl.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", dl.errors);
  const { format } = dl;
  const parsed = dl;
  const asOf = asOfDate(parsed.value.asOf);
  const data = await getMapData(asOf.end);
  const rows = mapDownloadRows(buildCountryRows(data.participations, data.commitments, asOf.end), buildSiteRows(data.sites));
  return download(format, `map-${asOf.iso}`, {
    csv: () => toCsv(rows, MAP_COLUMNS),
    json: () => ({ asOf: asOf.iso, filters: {}, note: "Sites have no valid-time date; they do not depend on asOf.", rows }),
  });
}
