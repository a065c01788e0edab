import { ROW_COLUMNS, timelineRows } from "@/lib/charts/timeline";
import { toCsv } from "@/lib/csv";
import { getTimeline, unknownActorMessage } from "@/lib/db/timeline";
import { download, jsonError } from "@/lib/http";
import { asOfDate, parseDownload } from "@/lib/schemas/search-params";
import { TimelineParams } from "@/lib/schemas/views/timeline";

export const dynamic = "force-dynamic";

// GET /timeline/download?format=csv|json&actor=&kind=&lane=&from=&to=&asOf= – the items shown on /timeline
export async function GET(request: Request) {
  const dl = parseDownload(new URL(request.url), TimelineParams);
  if (!dl.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", dl.errors);
  const { format, value: p } = dl;
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
