import { NextResponse, type NextRequest } from "next/server";
import { LANG_HEADER, URL_HEADER, langFromParam } from "@/lib/i18n";

// Copies ?lang= (and the URL) into request headers so the root layout can set <html lang>
// and build the language switch for the view.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(LANG_HEADER, langFromParam(request.nextUrl.searchParams.get("lang")));
  // The layout's navigation and language switch keep the rest of the view state.
  headers.set(URL_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|embed/|icon|favicon).*)"],
};
