import { z } from "zod";
import { commitImport } from "@/lib/db/import";
import { json, jsonError } from "@/lib/http";
import { failure, guard, readUpload } from "../upload";

const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Confirm = z.object({ sha256: Hex, digest: Hex });

// POST /admin/import/commit – imports the checked file's valid new rows as drafts, all or nothing.
export async function POST(request: Request): Promise<Response> {
  return guard("commit", async () => {
    const upload = await readUpload(request);
    if (upload instanceof Response) return upload;
    const confirm = Confirm.safeParse({ sha256: upload.fields.get("sha256"), digest: upload.fields.get("digest") });
    if (!confirm.success) return jsonError(422, "invalid", "Check the file first: the confirmation must carry the report's SHA-256 and digest.");
    const r = await commitImport(upload.actor, { entity: upload.entity, fileName: upload.fileName, data: upload.data, ...confirm.data });
    return r.ok ? json({ created: r.created, report: r.report }, { status: 201 }) : failure(r);
  });
}
