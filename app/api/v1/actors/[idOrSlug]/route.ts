import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/actors/<idOrSlug> – one published record of actors, or 404
export const GET = recordHandler("actors");
export const HEAD = GET;
export { OPTIONS };
