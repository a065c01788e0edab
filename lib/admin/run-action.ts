import "server-only";
import type { z } from "zod";
import { toFieldErrors, type Failure, type Result } from "@/lib/db/workflow";

/**
 * The body of a server action: validates the payload strictly, runs the command (which checks the
 * session and role itself), and turns any unexpected error into a plain failure, never a stack trace.
 */
export async function runAction<S extends z.ZodType, T extends object>(
  schema: S,
  payload: unknown,
  fn: (data: z.infer<S>) => Promise<Result<T>>,
  onSuccess?: () => void,
): Promise<Result<T>> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, code: "invalid", message: "Some fields need attention; nothing was saved.", fieldErrors: toFieldErrors(parsed.error.issues) } satisfies Failure;
  }
  try {
    const r = await fn(parsed.data);
    if (r.ok) onSuccess?.();
    return r;
  } catch (e) {
    console.error("admin action failed", e);
    return { ok: false, code: "error", message: "Something went wrong on the server; nothing was saved. Try again." };
  }
}
