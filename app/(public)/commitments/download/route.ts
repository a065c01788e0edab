import { toCsv } from "@/lib/csv";
import {
  CommitmentsParams,
  DOWNLOAD_COLUMNS,
  activeFilters,
  buildMatrix,
  downloadRows,
} from "@/lib/charts/commitment-matrix";
import { listCommitmentRecords } from "@/lib/db/commitments";
import { download, jsonError } from "@/lib/http";
import { asOfDate, first, parseView, type RawSearchParams } from "@/lib/schemas/search-params";

export const dynamic = "force-dynamic";

// GET /commitments/download?format=csv|json&kind=&stage=&condition=&legalForm=&approval=&group=&sort=&asOf=
// – one row per commitment shown on /commitments with the same parameters, in the same order.
export async function GET(request: Request) {
  const url = new URL(request.url);
  // Repeated keys (kind=A&kind=B, as a GET form sends them) stay lists, like the page sees them.
  const query: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  const parsed = parseView(CommitmentsParams, query);
  if (!parsed.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", parsed.errors);
  const format = first(query.format) ?? "csv";
  if (format !== "csv" && format !== "json") return jsonError(422, "invalid_parameters", "format: use csv or json");

  const p = parsed.value;
  const asOf = asOfDate(p.asOf);
  const filters = activeFilters(p);
  const records = await listCommitmentRecords(asOf.end);
  // Sorted as the English page is, so row order is stable whatever the reader's language.
  const matrix = buildMatrix(records, { asOf: asOf.end, filters, sort: p.sort, lang: "en" });
  const rows = downloadRows(matrix, url.origin);
  return download(format, `commitments-${asOf.iso}`, {
    csv: () => toCsv(rows, DOWNLOAD_COLUMNS),
    json: () => ({
      asOf: asOf.iso,
      filters,
      sort: p.sort ?? "actor",
      totals: matrix.totals,
      columns: DOWNLOAD_COLUMNS,
      rows,
    }),
  });
}
