import "server-only";
import { headers } from "next/headers";

/** The site's origin for absolute links from a page: PUBLIC_URL when set, else the request's host. */
export async function requestOrigin(): Promise<string> {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
