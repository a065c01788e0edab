import type { NextConfig } from "next";
import path from "node:path";
import { embedCsp } from "./lib/embed/scripts";
import { parseEnv } from "./lib/env";

// Fail the build and the boot at once on a bad environment (lib/env.ts).
const env = parseEnv();

// Headers of every response. HSTS only when the site is served over https (PUBLIC_URL at build).
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ...(env.PUBLIC_URL?.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const securityHeaders = [
  ...common,
  // Pages cannot be framed; the /embed surface has its own rule (embedHeaders), with no overlap.
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];

// Embeds may be framed by any page; no X-Frame-Options (it would override frame-ancestors in old
// browsers). The route handlers set Cache-Control and ETag themselves and never set cookies.
const embedHeaders = [...common, { key: "Content-Security-Policy", value: embedCsp() }];

// The admin and its sign-in endpoints are never indexed (the admin layout's robots <meta> does not
// reach JSON answers or redirects); they keep the site-wide frame-ancestors 'none' above.
// Nothing of theirs may be stored by a browser or a CDN.
const privateHeaders = [
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
  { key: "Cache-Control", value: "private, no-store" },
];

// Public pages are the same for every reader (the language is in the URL; no cookie is read), so a
// CDN may keep a page 2 s and serve it 2 s stale while it refreshes: a publish still reaches readers
// within 5 s (release check 1 s + 2 s + 2 s), and a traffic spike costs the origin one render per
// page and edge every 2 s (decision 016). Without this Next.js sends `private, no-store` for
// dynamic pages. Not for the admin, the API, embeds, downloads or static files: they set their own.
const PUBLIC_PAGE_CACHE = "public, max-age=0, s-maxage=2, stale-while-revalidate=2";
const PUBLIC_PAGES = "/((?!admin|api/|embed/|_next/|oembed|icon|favicon|.*/download$).*)";

const nextConfig: NextConfig = {
  // A separate build folder per checkout or worker (e.g. parallel test runs); default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // With REDIS_URL, every instance shares one data cache in Redis, so a publish expires the
  // cached reads everywhere at once (decision 015). Read at build and at `next start`.
  ...(env.REDIS_URL ? { cacheHandler: path.resolve("lib/cache/redis-cache-handler.mjs") } : {}),
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "@resvg/resvg-js"],
  async headers() {
    return [
      { source: "/((?!embed/).*)", headers: securityHeaders },
      { source: "/embed/:path*", headers: embedHeaders },
      { source: PUBLIC_PAGES, headers: [{ key: "Cache-Control", value: PUBLIC_PAGE_CACHE }] },
      { source: "/admin/:path*", headers: privateHeaders },
      { source: "/api/auth/:path*", headers: privateHeaders },
    ];
  },
};

export default nextConfig;
