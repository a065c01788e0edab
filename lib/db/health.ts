import "server-only";
import { db } from "./client";

export type DatabaseHealth =
  | { ok: true; latencyMs: number; migrations: number; server: string }
  | { ok: false; latencyMs: number; error: string };

/** Pings the database and reports applied migrations; never throws. */
export async function checkDatabase(timeoutMs = 3000): Promise<DatabaseHealth> {
  const t0 = performance.now();
  try {
    const result = await Promise.race([
      db().$queryRaw<{ migrations: bigint; server: string }[]>`
        SELECT (SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL) AS migrations,
               split_part(version(), ' ', 2) AS server`,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - t0), migrations: Number(result[0].migrations), server: result[0].server };
  } catch {
    // The reason stays in the server log; the public answer names no internals.
    return { ok: false, latencyMs: Math.round(performance.now() - t0), error: "database unreachable" };
  }
}
