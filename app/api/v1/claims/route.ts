import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/claims – published claims and figures: filters, asOf, cursor paging
export const GET = listHandler("claims");
export const HEAD = GET;
export { OPTIONS };
