import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/sources/<idOrSlug> – one published record of sources, or 404
export const GET = recordHandler("sources");
export const HEAD = GET;
export { OPTIONS };
