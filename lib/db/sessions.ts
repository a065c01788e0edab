import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./client";

// Sign-in sessions (better-auth's table) for the account page, and the per-account sign-in counter.
// Session tokens are never selected.

/** A user's unexpired sessions, newest first. `updatedAt` moves when better-auth renews a session (at most daily). */
export async function listActiveSessions(userId: string) {
  return db().session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, updatedAt: true, expiresAt: true, userAgent: true, ipAddress: true },
  });
}

const signInKey = (email: string) => `account:${email}|/sign-in/email`;

export type ActiveSession = Awaited<ReturnType<typeof listActiveSessions>>[number];

/**
 * Counts one sign-in attempt (since the last success) for an e-mail address in the shared rateLimit table (atomically, so
 * parallel attempts cannot slip through) and says whether it is within `max` per `windowSeconds`.
 */
export async function consumeSignInAttempt(email: string, limit: { window: number; max: number }, now = Date.now()): Promise<{ allowed: boolean; retryAfter: number }> {
  const key = signInKey(email);
  const windowStart = BigInt(now - limit.window * 1000);
  const [row] = await db().$queryRaw<{ count: number; lastRequest: bigint }[]>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN 1 ELSE "rateLimit".count + 1 END,
      "lastRequest" = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN ${BigInt(now)} ELSE "rateLimit"."lastRequest" END
    RETURNING count, "lastRequest"`;
  // lastRequest holds the start of the current window for these keys.
  const retryAfter = Math.max(1, Math.ceil((Number(row.lastRequest) + limit.window * 1000 - now) / 1000));
  return { allowed: row.count <= limit.max, retryAfter };
}

/** Forgets an account's failed attempts after a successful sign-in. */
export async function resetSignInAttempts(email: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: signInKey(email) } });
}
