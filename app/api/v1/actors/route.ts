import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/actors – published actors: filters, asOf, cursor paging
export const GET = listHandler("actors");
export const HEAD = GET;
export { OPTIONS };
