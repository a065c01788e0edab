// Query parameters of the API: strict (an unknown parameter is an error, unlike on the pages,
// where it is ignored), with one issue per parameter; and the opaque paging cursor.
import type { z } from "zod";
import type { FieldIssue } from "@/lib/schemas/api";
import { queryRecord } from "@/lib/schemas/search-params";

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Parses a request's query with a strict zod object; unknown parameters are named with the accepted ones. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): Parsed<z.infer<S>> {
  const r = schema.safeParse(queryRecord(url));
  if (r.success) return { ok: true, value: r.data };
  const accepted = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  const issues: FieldIssue[] = [];
  for (const i of r.error.issues) {
    if (i.code === "unrecognized_keys") {
      for (const key of i.keys) {
        issues.push({
          path: key,
          message: accepted.length ? `Unknown parameter. This endpoint accepts: ${accepted.join(", ")}.` : "Unknown parameter: this endpoint takes none.",
        });
      }
    } else {
      issues.push({ path: i.path.length ? String(i.path[0]) : "", message: i.message });
    }
  }
  return { ok: false, issues };
}

/** The cursor of the page after the one ending with this slug. */
export function encodeCursor(lastSlug: string): string {
  return Buffer.from(JSON.stringify({ after: lastSlug }), "utf8").toString("base64url");
}

/** The slug a cursor continues after, or null when it is not one this API made. */
export function decodeCursor(cursor: string): string | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown };
    return typeof v.after === "string" && v.after.length > 0 && v.after.length <= 80 ? v.after : null;
  } catch {
    return null;
  }
}
