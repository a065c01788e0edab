import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/participation/<idOrSlug> – one published record of coalition participation records, or 404
export const GET = recordHandler("participation");
export const HEAD = GET;
export { OPTIONS };
