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
import { asOfDate, parseDownload } from "@/lib/schemas/search-params";

export const dynamic = "force-dynamic";

// GET /commitments/download?format=csv|json&kind=&stage=&condition=&legalForm=&approval=&group=&sort=&asOf=
// – one row per commitment shown on /commitments with the same parameters, in the same order.
export async function GET(request: Request) {
  // Repeated keys (kind=A&kind=B, as a GET form sends them) stay lists, like the page sees them.
  const url = new URL(request.url);
  const dl = parseDownload(url, CommitmentsParams);
  if (!dl.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", dl.errors);
  const { format, value: p } = dl;
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
