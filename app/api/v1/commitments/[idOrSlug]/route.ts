import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/commitments/<idOrSlug> – one published record of commitments, or 404
export const GET = recordHandler("commitments");
export const HEAD = GET;
export { OPTIONS };
