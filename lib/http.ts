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
