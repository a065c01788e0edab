import { OPTIONS, feedHandler, kindScope } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/feeds/kinds/<kind>.atom – Atom feed of the published changes to commitments of one kind
export const GET = feedHandler(kindScope);
export const HEAD = GET;
export { OPTIONS };
