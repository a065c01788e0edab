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
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|embed/|icon|favicon).*)"],
};
