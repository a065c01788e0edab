import { checkImport } from "@/lib/db/import";
import { json } from "@/lib/http";
import { failure, guard, readUpload } from "../upload";

// POST /admin/import/check – dry run of a CSV import: the report of every row; writes nothing.
export async function POST(request: Request): Promise<Response> {
  return guard("check", async () => {
    const upload = await readUpload(request);
    if (upload instanceof Response) return upload;
    const r = await checkImport(upload.actor, { entity: upload.entity, fileName: upload.fileName, data: upload.data });
    return r.ok ? json({ report: r.report }) : failure(r);
  });
}
