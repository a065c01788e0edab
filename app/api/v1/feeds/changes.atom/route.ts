import { OPTIONS, feedHandler } from "@/lib/api/routes";

export const dynamic = "force-dynamic";

// GET /api/v1/feeds/changes.atom – Atom feed of every published change
export const GET = feedHandler(() => ({ kind: "all" }));
export const HEAD = GET;
export { OPTIONS };
