import { OPTIONS, recordHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/polls/<idOrSlug> – one published record of polls, or 404
export const GET = recordHandler("polls");
export const HEAD = GET;
export { OPTIONS };
