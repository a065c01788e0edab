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
const privateHeaders = [{ key: "X-Robots-Tag", value: "noindex, nofollow" }];

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
      { source: "/admin/:path*", headers: privateHeaders },
      { source: "/api/auth/:path*", headers: privateHeaders },
    ];
  },
};

export default nextConfig;
