import { ROW_COLUMNS, timelineRows } from "@/lib/charts/timeline";
import { toCsv } from "@/lib/csv";
import { getTimeline, unknownActorMessage } from "@/lib/db/timeline";
import { download, jsonError } from "@/lib/http";
import { asOfDate, first, parseView, type RawSearchParams } from "@/lib/schemas/search-params";
import { TimelineParams } from "@/lib/schemas/views/timeline";

export const dynamic = "force-dynamic";

// GET /timeline/download?format=csv|json&actor=&kind=&lane=&from=&to=&asOf= – the items shown on /timeline
export async function GET(request: Request) {
  const url = new URL(request.url);
  const query: RawSearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  const format = first(query.format) ?? "csv";
  if (format !== "csv" && format !== "json") return jsonError(422, "invalid_parameters", "format: use csv or json");
  const parsed = parseView(TimelineParams, query);
  if (!parsed.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", parsed.errors);
  const p = parsed.value;
  const asOf = asOfDate(p.asOf);
  const t = await getTimeline({ actors: p.actor, kinds: p.kind, lanes: p.lane, from: p.from, to: p.to, asOf: asOf.end });
  if (t.unknownActors.length) {
    return jsonError(422, "invalid_parameters", "Check the parameters.", [unknownActorMessage(t.unknownActors, t.actors.map((a) => a.slug))]);
  }
  const rows = timelineRows(t.items);
  const filters = { actor: p.actor ?? null, kind: p.kind ?? null, lane: p.lane ?? null, from: p.from ?? null, to: p.to ?? null };
  return download(format, `timeline-${asOf.iso}`, {
    csv: () => toCsv(rows, ROW_COLUMNS),
    json: () => ({ asOf: asOf.iso, filters, count: rows.length, rows }),
  });
}
