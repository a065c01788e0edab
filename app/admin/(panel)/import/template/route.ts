import { currentActor } from "@/lib/auth";
import { templateExample } from "@/lib/db/import";
import { jsonError } from "@/lib/http";
import { isImportEntity } from "@/lib/import/columns";
import { templateCsv } from "@/lib/import/template";
import { can } from "@/lib/permissions";
import { guard } from "../upload";

// GET /admin/import/template?entity=polls – the CSV template: every column and one seed record.
export async function GET(request: Request): Promise<Response> {
  return guard("template", async () => {
    const actor = await currentActor();
    if (!actor) return jsonError(401, "unauthenticated", "Sign in to download import templates.");
    if (!can(actor, "create")) return jsonError(403, "forbidden", `Your role (${actor.role.toLowerCase()}) may not create records.`);
    const entity = new URL(request.url).searchParams.get("entity");
    if (!isImportEntity(entity)) return jsonError(422, "invalid", "Choose polls, events or commitments.");
    return new Response(templateCsv(entity, await templateExample(entity)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${entity}-import-template.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
