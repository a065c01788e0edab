import { serveEmbed } from "@/lib/embed/serve";

export const dynamic = "force-dynamic";

// GET /embed/<chart>[.svg|.png|.csv]?<the view's filters>&asOf=&theme=&lang=&title=&notes=&resize=&release=
// – one chart as a no-JavaScript embed, or as an SVG, PNG (size=og: 1200×630) or CSV download
export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  return serveEmbed(request, (await params).chart);
}
