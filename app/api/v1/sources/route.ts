import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/sources – published sources: filters, asOf, cursor paging
export const GET = listHandler("sources");
export const HEAD = GET;
export { OPTIONS };
