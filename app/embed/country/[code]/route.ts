import { serveEmbed } from "@/lib/embed/serve";

export const dynamic = "force-dynamic";

// GET /embed/country/<code>[.svg|.png|.csv]?asOf=&theme=&lang=&title=&notes=&resize=&release=
// – one actor's commitment card as an embed or a download
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return serveEmbed(request, (await params).code, "country");
}
