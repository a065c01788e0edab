import { getCountry } from "@/lib/db/countries";
import { toCsv } from "@/lib/csv";
import { download, jsonError } from "@/lib/http";
import { BaseViewParams, asOfDate, parseDownload } from "@/lib/schemas/search-params";

export const dynamic = "force-dynamic";

const COLUMNS = [
  "actor", "iso2", "commitment", "kind", "title", "stage", "stage_date", "conditions", "legal_form",
  "parliamentary_approval", "quantity_low", "quantity_high", "quantity_unit", "quantity_qualifier",
  "quantity_basis", "confidence", "sources",
] as const;

// GET /countries/[code]/download?format=csv|json&asOf= – the commitments shown on the country page
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const dl = parseDownload(new URL(request.url), BaseViewParams);
  if (!dl.ok) return jsonError(422, "invalid_parameters", "Check the parameters.", dl.errors);
  const { format } = dl;
  const parsed = dl;
  const asOf = asOfDate(parsed.value.asOf);
  const view = await getCountry(code, asOf.end);
  if (!view) return jsonError(404, "not_found", `No published actor has the code ${code}.`);
  const rows = view.commitments.map((c) => ({
    actor: view.actor.name,
    iso2: view.actor.iso2,
    commitment: c.slug,
    kind: c.kind,
    title: c.title,
    stage: c.stage,
    stage_date: c.stageDate ? c.stageDate.date.toISOString().slice(0, 10) : null,
    conditions: c.conditions.join(" "),
    legal_form: c.legalForm,
    parliamentary_approval: c.parliamentaryApproval,
    quantity_low: c.quantityLow,
    quantity_high: c.quantityHigh,
    quantity_unit: c.quantityUnit,
    quantity_qualifier: c.quantityQualifier,
    quantity_basis: c.quantityBasis,
    confidence: c.confidence,
    sources: c.sources.map((s) => s.url).join(" "),
  }));
  return download(format, `${view.actor.slug}-commitments-${asOf.iso}`, {
    csv: () => toCsv(rows, COLUMNS),
    json: () => ({ actor: view.actor, asOf: asOf.iso, rows }),
  });
}
