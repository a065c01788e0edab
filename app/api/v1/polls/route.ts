import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/polls – published polls: filters, asOf, cursor paging
export const GET = listHandler("polls");
export const HEAD = GET;
export { OPTIONS };
