import { countryChart } from "@/lib/views/country";
import { serveViewDownload } from "@/lib/views/download";

export const dynamic = "force-dynamic";

// GET /countries/[code]/download?format=csv|json&asOf= – the commitments shown on the country page (its card's rows)
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return serveViewDownload(request, countryChart, { code: (await params).code });
}
