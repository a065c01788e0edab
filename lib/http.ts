// One error body for every route handler: { error: { code, message } }.
export type ErrorBody = { error: { code: string; message: string; issues?: unknown } };

/** JSON response with explicit cache headers (default: not cached). */
export function json(body: unknown, init: { status?: number; cache?: string; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": init.cache ?? "no-store",
      ...init.headers,
    },
  });
}

/** Error response in the shared shape; never carries a stack trace. */
export function jsonError(status: number, code: string, message: string, issues?: unknown): Response {
  const body: ErrorBody = { error: { code, message, ...(issues === undefined ? {} : { issues }) } };
  return json(body, { status });
}

/** A download of rows as CSV or JSON, named for the view and its state. */
export function download(
  format: "csv" | "json",
  filename: string,
  body: { csv: () => string; json: () => unknown },
): Response {
  const isCsv = format === "csv";
  return new Response(isCsv ? body.csv() : JSON.stringify(body.json(), null, 2), {
    headers: {
      "Content-Type": isCsv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
