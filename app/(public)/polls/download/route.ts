import { serveViewDownload } from "@/lib/views/download";
import { pollsDownload } from "@/lib/views/polls";

export const dynamic = "force-dynamic";

// GET /polls/download?format=csv|json&country=&class=&asOf= – every poll matching the /polls filters
export async function GET(request: Request) {
  return serveViewDownload(request, pollsDownload);
}
