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
    if (route.startsWith("/admin") || route.startsWith("/api/auth")) {
      expect(h["x-robots-tag"], where).toBe("noindex, nofollow");
    } else {
      // Public answers never set a cookie (embeds, pages, API alike).
      expect(h["set-cookie"], where).toBeUndefined();
    }
  }
});
