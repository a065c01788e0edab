import { serveViewDownload } from "@/lib/views/download";
import { overviewChart } from "@/lib/views/overview";

export const dynamic = "force-dynamic";

// GET /overview/download?format=csv|json&asOf= – the overview chart's monthly counts of actors by strongest stage
export async function GET(request: Request) {
  return serveViewDownload(request, overviewChart);
}
