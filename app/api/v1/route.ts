import { OPTIONS, indexHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1 – what the API offers, with links
export const GET = indexHandler;
export const HEAD = indexHandler;
export { OPTIONS };
