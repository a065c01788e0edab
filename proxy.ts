import { NextResponse, type NextRequest } from "next/server";
import { LANG_HEADER, URL_HEADER, langFromParam } from "@/lib/i18n";
import { parseView, queryRecord } from "@/lib/schemas/search-params";
import { pageParams } from "@/lib/schemas/views/pages";
import { withoutEmptyParams } from "@/lib/schemas/views/timeline";

// Copies ?lang= (and the URL) into request headers so the root layout can set <html lang>
// and build the language switch for the view.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(LANG_HEADER, langFromParam(request.nextUrl.searchParams.get("lang")));
  // The layout's navigation and language switch keep the rest of the view state.
  headers.set(URL_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  if (request.nextUrl.pathname === "/timeline") {
    // Blank filters leave no `from=`/`to=` behind.
    const clean = withoutEmptyParams(request.nextUrl.searchParams);
    if (clean !== null) {
      const url = request.nextUrl.clone();
      url.search = clean;
      return NextResponse.redirect(url, 308);
    }
  }
  // Bad view parameters (a filter, a date, a page number) are answered 400 by the page itself,
  // which says what is wrong: a status a crawler, a cache and a test can see.
  const schema = pageParams(request.nextUrl.pathname);
  if (schema && !parseView(schema, queryRecord(request.nextUrl)).ok) return NextResponse.rewrite(request.nextUrl, { request: { headers }, status: 400 });
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|embed/|icon|favicon).*)"],
};
