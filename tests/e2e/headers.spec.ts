import { expect, test } from "@playwright/test";

// Security headers on every kind of route: pages, downloads, embeds, API, feeds, admin, auth.
// Embeds may be framed by anyone and nothing else may be framed at all (DESIGN.md).

test.skip(({ isMobile }) => isMobile, "Headers do not depend on the device.");

const ROUTES = [
  "/",
  "/commitments",
  "/commitments/gb-troops-mnf-u",
  "/timeline",
  "/map",
  "/polls",
  "/capacity",
  "/countries",
  "/countries/gb",
  "/sources",
  "/search?q=troops",
  "/data",
  "/corrections",
  "/share?chart=timeline",
  "/commitments/download?format=csv",
  "/no-such-page",
  "/embed/commitments",
  "/embed/timeline",
  "/embed/europe-map",
  "/embed/ukraine-map",
  "/embed/polls",
  "/embed/country/gb",
  "/embed/timeline.svg",
  "/embed/resize.js",
  "/oembed?url=http%3A%2F%2Flocalhost%2Ftimeline&format=json",
  "/api/v1/health",
  "/api/v1/commitments?limit=2",
  "/api/v1/openapi.json",
  "/api/v1/bulk/manifest.json",
  "/api/v1/feeds/changes.atom",
  "/admin/login",
  "/admin",
  "/admin/commitments",
  "/api/auth/get-session",
];

test("every route sends the security headers, and only embeds may be framed", async ({ request }) => {
  for (const route of ROUTES) {
    const res = await request.get(route, { maxRedirects: 0 });
    const h = res.headers();
    const where = `${route} (${res.status()})`;
    expect(res.status(), where).toBeLessThan(500);
    expect(h["x-content-type-options"], where).toBe("nosniff");
    expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], where).toContain("camera=()");
    const csp = h["content-security-policy"] ?? "";
    if (route.startsWith("/embed/")) {
      expect(csp, where).toContain("frame-ancestors *");
      expect(h["x-frame-options"], where).toBeUndefined();
    } else {
      expect(csp, where).toContain("frame-ancestors 'none'");
      expect(h["x-frame-options"], where).toBe("DENY");
    }
    const cache = h["cache-control"] ?? "";
    if (route.startsWith("/admin") || route.startsWith("/api/auth")) {
      expect(h["x-robots-tag"], where).toBe("noindex, nofollow");
      // Sessions and editors' pages are never stored by a browser cache or a CDN.
      expect(cache, where).toContain("no-store");
      expect(cache, where).not.toContain("public");
    } else {
      // Public answers never set a cookie (embeds, pages, API alike).
      expect(h["set-cookie"], where).toBeUndefined();
    }
  }
});

// Public pages may be kept by a CDN for 2 s (+2 s stale), so that a spike reaches the origin once per
// page every 2 s and a publish is still seen within 5 s; what must stay fresh or private is not.
test("public pages may be cached briefly by a CDN; downloads, health and the admin may not", async ({ request }) => {
  const pages = ["/", "/commitments", "/commitments/gb-troops-mnf-u", "/timeline", "/map?lang=uk", "/polls", "/countries/gb", "/sources", "/corrections"];
  for (const route of pages) {
    const res = await request.get(route);
    expect(res.status(), route).toBe(200);
    expect(res.headers()["cache-control"], route).toBe("public, max-age=0, s-maxage=2, stale-while-revalidate=2");
  }
  for (const route of ["/commitments/download?format=csv", "/api/v1/health", "/admin/login", "/api/auth/get-session"]) {
    const res = await request.get(route, { maxRedirects: 0 });
    const cache = res.headers()["cache-control"] ?? "";
    expect(cache, route).not.toContain("public");
    expect(cache, route).toContain("no-store");
  }
});

