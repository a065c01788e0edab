// HTTP behaviour shared by every /api/v1 route: caching headers, strong ETags with conditional
// requests (304), CORS for reads, and the shared error body. No cookies are ever set.
import { createHash } from "node:crypto";
import type { ErrorBody } from "@/lib/http";
import type { FieldIssue } from "@/lib/schemas/api";

/** Browsers keep a response a minute, the CDN five; both may serve a stale copy for a day while refetching. */
export const API_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";

/** Readable from any origin: the data is public, and no request carries credentials. */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Content-Disposition, X-Dataset-Release",
};

/** A strong validator: the SHA-256 of the exact bytes sent (first 32 hex digits). */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for If-None-Match; `*` matches). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => bare(t) === bare(etag));
}

type Init = { status?: number; contentType: string; cache?: string; headers?: Record<string, string>; release?: number };

/**
 * A GET response with its ETag, cache and CORS headers; a conditional request whose ETag still
 * matches gets 304 with no body. Errors are never cached.
 */
export function respond(request: Request, body: string | Uint8Array, init: Init): Response {
  const status = init.status ?? 200;
  const ok = status >= 200 && status < 300;
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "Cache-Control": ok ? (init.cache ?? API_CACHE) : "no-store",
    ...(ok ? { ETag: etag } : {}),
    ...(init.release !== undefined ? { "X-Dataset-Release": String(init.release) } : {}),
    ...init.headers,
  };
  if (ok && notModified(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body as BodyInit, { status, headers: { ...headers, "Content-Type": init.contentType } });
}

/** JSON body (compact) with the API's headers. */
export function respondJson(request: Request, body: unknown, init: Omit<Init, "contentType"> = {}): Response {
  return respond(request, JSON.stringify(body), { ...init, contentType: "application/json; charset=utf-8" });
}

/** The shared error body (lib/http.ts) with CORS, so that browser clients can read why. */
export function apiError(request: Request, status: number, code: string, message: string, issues?: FieldIssue[]): Response {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return respondJson(request, body, { status });
}

/** 422 with one issue per bad parameter. */
export function invalidParameters(request: Request, issues: FieldIssue[]): Response {
  return apiError(request, 422, "invalid_parameters", "Check the parameters: see issues for each one.", issues);
}

/** 404 in the shared shape. */
export function notFound(request: Request, what: string): Response {
  return apiError(request, 404, "not_found", `${what} was not found among the published records.`);
}

/** Answer to a CORS preflight: GET and HEAD from anywhere, with the conditional-request header. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
      "Cache-Control": "public, max-age=86400",
    },
  });
}

/**
 * Wraps a route handler: anything unexpected becomes a 500 in the shared shape, with no stack
 * trace or message from inside (the server log keeps it).
 */
export function handle<A extends unknown[]>(fn: (request: Request, ...args: A) => Promise<Response>) {
  return async (request: Request, ...args: A): Promise<Response> => {
    try {
      return await fn(request, ...args);
    } catch (e) {
      console.error("API error", request.url, e);
      return apiError(request, 500, "server_error", "Something went wrong on our side. Please try again later.");
    }
  };
}
