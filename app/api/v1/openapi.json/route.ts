import { OPTIONS, openApiHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas
export const GET = openApiHandler;
export const HEAD = openApiHandler;
export { OPTIONS };
