import { serveViewDownload } from "@/lib/views/download";
import { timelineChart } from "@/lib/views/timeline";

export const dynamic = "force-dynamic";

// GET /timeline/download?format=csv|json&actor=&kind=&lane=&from=&to=&asOf= – every item matching the filters on /timeline
export async function GET(request: Request) {
  return serveViewDownload(request, timelineChart);
}
