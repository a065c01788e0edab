import { OPTIONS, listHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/events – published events: filters, asOf, cursor paging
export const GET = listHandler("events");
export const HEAD = GET;
export { OPTIONS };
