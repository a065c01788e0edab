import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/participation – published coalition participation records: filters, asOf, cursor paging
export const GET = listHandler("participation");
export const HEAD = GET;
export { OPTIONS };
