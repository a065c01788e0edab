import { toCsv } from "@/lib/csv";
import { listSources } from "@/lib/db/sources";
import { download, jsonError } from "@/lib/http";
import { parseDownload } from "@/lib/schemas/search-params";
import { SourcesParams } from "@/lib/schemas/views/sources";

export const dynamic = "force-dynamic";

const COLUMNS = ["slug", "url", "outlet", "original_outlet", "kind", "title", "author", "published_on", "language", "cited_by"] as const;

// GET /sources/download?format=csv|json&kind= – the sources shown on /sources
export async function GET(request: Request) {
  const dl = parseDownload(new URL(request.url), SourcesParams);
  if (!dl.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", dl.errors);
  const { format } = dl;
  const parsed = dl;
  const sources = await listSources({ kinds: parsed.value.kind });
  const rows = sources.map((s) => ({
    slug: s.slug,
    url: s.url,
    outlet: s.outlet,
    original_outlet: s.originalOutlet,
    kind: s.kind,
    title: s.title,
    author: s.author,
    published_on: s.publishedOn ? s.publishedOn.toISOString().slice(0, 10) : null,
    language: s.language,
    cited_by: s.citedBy.map((c) => c.href).join(" "),
  }));
  return download(format, "sources", { csv: () => toCsv(rows, COLUMNS), json: () => ({ filters: parsed.value, rows }) });
}
