import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/claims/<idOrSlug> – one published record of claims and figures, or 404
export const GET = recordHandler("claims");
export const HEAD = GET;
export { OPTIONS };
