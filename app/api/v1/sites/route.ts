import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/sites – published sites: filters, asOf, cursor paging
export const GET = listHandler("sites");
export const HEAD = GET;
export { OPTIONS };
