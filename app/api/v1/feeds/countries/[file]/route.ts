import { OPTIONS, countryScope, feedHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/feeds/countries/<iso2>.atom – Atom feed of the published changes concerning one country
export const GET = feedHandler(countryScope);
export const HEAD = GET;
export { OPTIONS };
