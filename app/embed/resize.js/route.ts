import { HOST_SCRIPT } from "@/lib/embed/scripts";

export const dynamic = "force-static";

// GET /embed/resize.js – the optional host-page script that applies heights posted by embeds with resize=1
export function GET() {
  return new Response(HOST_SCRIPT, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800" },
  });
}
