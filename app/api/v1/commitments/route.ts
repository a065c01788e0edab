import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/commitments – published commitments: filters, asOf, cursor paging
export const GET = listHandler("commitments");
export const HEAD = GET;
export { OPTIONS };
