import { NextResponse, type NextRequest } from "next/server";
import { LANG_HEADER, URL_HEADER, langFromParam } from "@/lib/i18n";
import { parseView, queryRecord } from "@/lib/schemas/search-params";
import { TimelineParams, withoutEmptyParams } from "@/lib/schemas/views/timeline";

// Copies ?lang= (and the URL) into request headers so the root layout can set <html lang>
// and build the language switch for the view.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(LANG_HEADER, langFromParam(request.nextUrl.searchParams.get("lang")));
  // The layout's navigation and language switch keep the rest of the view state.
  headers.set(URL_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  if (request.nextUrl.pathname === "/timeline") {
    // Blank filters leave no `from=`/`to=` behind; bad values get the page's message with a 422.
    const clean = withoutEmptyParams(request.nextUrl.searchParams);
    if (clean !== null) {
      const url = request.nextUrl.clone();
      url.search = clean;
      return NextResponse.redirect(url, 308);
    }
    if (!parseView(TimelineParams, queryRecord(request.nextUrl)).ok) return NextResponse.rewrite(request.nextUrl, { status: 422, request: { headers } });
  }
  // A malformed list page (?page=0, ?page=x) is answered 400 by the page itself with its message.
  if (!pageParamOk(request.nextUrl.searchParams)) return NextResponse.rewrite(request.nextUrl, { request: { headers }, status: 400 });
  return NextResponse.next({ request: { headers } });
}

/** Every `page`-like parameter (page, eventsPage, …) present is one positive whole number. */
function pageParamOk(q: URLSearchParams): boolean {
  for (const [k, v] of q) if ((k === "page" || k.endsWith("Page")) && !/^[1-9][0-9]{0,5}$/.test(v)) return false;
  return true;
}

export const config = {
  matcher: ["/((?!api/|_next/|embed/|icon|favicon).*)"],
};
