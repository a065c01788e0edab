import { POLL_COLUMNS, PollsParams, pollRows } from "@/lib/charts/polls";
import { toCsv } from "@/lib/csv";
import { getPollsView } from "@/lib/db/polls";
import { download, jsonError } from "@/lib/http";
import { parseDownload } from "@/lib/schemas/search-params";

export const dynamic = "force-dynamic";

// GET /polls/download?format=csv|json&country=&class=&asOf= – the poll rows shown on /polls
export async function GET(request: Request) {
  const dl = parseDownload(new URL(request.url), PollsParams);
  if (!dl.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", dl.errors);
  const { format } = dl;
  const loaded = await getPollsView(dl.value);
  if (!loaded.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", loaded.errors);
  const rows = pollRows(loaded.view.polls);
  const { lang: _lang, ...filters } = dl.value;
  void _lang;
  return download(format, `polls-${loaded.asOf.iso}`, {
    csv: () => toCsv(rows, POLL_COLUMNS),
    json: () => ({
      asOf: loaded.asOf.iso,
      filters,
      note: "Polls of different wording classes are not comparable and must not be averaged or joined.",
      rows,
      unverifiedClaims: loaded.view.unverified.map((c) => ({
        slug: c.slug,
        country: c.country?.iso2 ?? null,
        value: c.value,
        unit: c.unit,
        verification: "UNVERIFIED",
        statement: c.statement,
        finding: c.finding,
        sources: c.sources.map((s) => s.url),
      })),
    }),
  });
}
