import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/events/<idOrSlug> – one published record of events, or 404
export const GET = recordHandler("events");
export const HEAD = GET;
export { OPTIONS };
