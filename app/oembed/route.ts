import { oembed } from "@/lib/embed/oembed";
import { LIVE_CACHE, siteOrigin } from "@/lib/embed/serve";
import { json, jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

// GET /oembed?url=<a public view, embed or builder URL>&maxwidth=&maxheight=&format=json – oEmbed "rich" response
export async function GET(request: Request) {
  const url = new URL(request.url);
  const r = await oembed(url.searchParams, siteOrigin(url));
  if (r.status !== 200) return jsonError(r.status, r.status === 501 ? "not_implemented" : "not_found", r.message);
  return json(r.body, { cache: LIVE_CACHE, headers: { "Access-Control-Allow-Origin": "*" } });
}
