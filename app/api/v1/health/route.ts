import { checkDatabase } from "@/lib/db/health";
import { json } from "@/lib/http";

export const dynamic = "force-dynamic";

// GET /api/v1/health – app and database status, for monitors and load balancers
export async function GET() {
  const database = await checkDatabase();
  const body = {
    status: database.ok ? "ok" : "degraded",
    app: { ok: true, version: process.env.npm_package_version ?? null, uptimeSeconds: Math.round(process.uptime()) },
    database,
    time: new Date().toISOString(),
  };
  return json(body, { status: database.ok ? 200 : 503 });
}
