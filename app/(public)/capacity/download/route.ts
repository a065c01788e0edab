import { serveViewDownload } from "@/lib/views/download";
import { capacityViewChart } from "@/lib/views/capacity";

export const dynamic = "force-dynamic";

// GET /capacity/download?format=csv|json&asOf= – the capacity check's figures, one row per country × measure × figure
export async function GET(request: Request) {
  return serveViewDownload(request, capacityViewChart);
}
