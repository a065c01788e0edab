import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/sites/<idOrSlug> – one published record of sites, or 404
export const GET = recordHandler("sites");
export const HEAD = GET;
export { OPTIONS };
