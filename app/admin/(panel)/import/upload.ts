import "server-only";
import { z } from "zod";
import { currentActor } from "@/lib/auth";
import type { ImportFailure } from "@/lib/db/import";
import { json, jsonError } from "@/lib/http";
import { IMPORT_ENTITIES, LIMITS } from "@/lib/import/columns";
import { can, type Actor } from "@/lib/permissions";

// Shared by the check and commit route handlers. Route handlers get no origin check from Next
// (unlike server actions), so each request must come from this site's own pages, with a session
// whose role may create records, before its body is even read.

const MB = LIMITS.bytes / 1024 / 1024;

/** True when the Origin header names the host the request was sent to. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export type Upload = { actor: Actor; entity: (typeof IMPORT_ENTITIES)[number]; fileName: string; data: Uint8Array; fields: FormData };

/** Checks origin, session and role, then reads the multipart body; a Response means refused. */
export async function readUpload(request: Request): Promise<Upload | Response> {
  if (!sameOrigin(request)) return jsonError(403, "forbidden", "Imports are accepted only from the tracker's own admin pages.");
  const actor = await currentActor();
  if (!actor) return jsonError(401, "unauthenticated", "Sign in to import records.");
  if (!can(actor, "create")) return jsonError(403, "forbidden", `Your role (${actor.role.toLowerCase()}) may not create records.`);
  // Refuse an oversized body before reading it (multipart framing adds a little to the file).
  if (Number(request.headers.get("content-length") ?? 0) > LIMITS.bytes + 64 * 1024) {
    return jsonError(413, "too_large", `The file is larger than ${MB} MB: split it into smaller files.`);
  }
  let fields: FormData;
  try {
    fields = await request.formData();
  } catch {
    return jsonError(400, "bad_request", "Send the file as multipart/form-data with the fields entity and file.");
  }
  const entity = z.enum(IMPORT_ENTITIES).safeParse(fields.get("entity"));
  if (!entity.success) return jsonError(422, "invalid", "Choose polls, events or commitments.");
  const file = fields.get("file");
  if (!(file instanceof File)) return jsonError(422, "invalid", "Choose a CSV file to import.");
  if (file.size > LIMITS.bytes) return jsonError(413, "too_large", `The file is larger than ${MB} MB: split it into smaller files.`);
  return { actor, entity: entity.data, fileName: file.name, data: new Uint8Array(await file.arrayBuffer()), fields };
}

const STATUS: Record<ImportFailure["code"], number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  blocked: 422,
  conflict: 409,
  error: 503,
};

/** A refused import in the shared error shape, with the fresh report when there is one. */
export function failure(f: ImportFailure): Response {
  return json({ error: { code: f.code, message: f.message }, ...(f.report ? { report: f.report } : {}) }, { status: STATUS[f.code] });
}

/** Runs a handler; an unexpected error is logged and answered without details (never a 500 page). */
export async function guard(what: string, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    console.error(`import ${what} failed`, e);
    return jsonError(503, "unavailable", "Something went wrong on the server; nothing was imported. Try again.");
  }
}
