import { OPTIONS, bulkHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/bulk/<table>.csv|json, archive.zip, manifest.json, dictionary.json, SHA256SUMS – bulk downloads of the current release
export const GET = bulkHandler;
export const HEAD = bulkHandler;
export { OPTIONS };
