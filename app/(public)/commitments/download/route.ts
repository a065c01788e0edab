import { commitmentsChart } from "@/lib/views/commitments";
import { serveViewDownload } from "@/lib/views/download";

export const dynamic = "force-dynamic";

// GET /commitments/download?format=csv|json&kind=&stage=&condition=&legalForm=&approval=&group=&sort=&asOf=
// – one row per commitment matching the view's filters (every page of its table), in the table's order.
export async function GET(request: Request) {
  return serveViewDownload(request, commitmentsChart);
}
