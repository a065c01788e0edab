import { POLL_COLUMNS, PollsParams, pollRows } from "@/lib/charts/polls";
import { toCsv } from "@/lib/csv";
import { getPollsView } from "@/lib/db/polls";
import { download, jsonError } from "@/lib/http";
import { first, parseView, type RawSearchParams } from "@/lib/schemas/search-params";

export const dynamic = "force-dynamic";

// GET /polls/download?format=csv|json&country=&class=&asOf= – the poll rows shown on /polls
export async function GET(request: Request) {
  const url = new URL(request.url);
  const query: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  const format = first(query.format) ?? "csv";
  if (format !== "csv" && format !== "json") return jsonError(422, "invalid_parameters", "format: use csv or json");
  const parsed = parseView(PollsParams, query);
  if (!parsed.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", parsed.errors);
  const loaded = await getPollsView(parsed.value);
  if (!loaded.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", loaded.errors);
  const rows = pollRows(loaded.view.polls);
  const { lang: _lang, ...filters } = parsed.value;
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
