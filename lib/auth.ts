import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { consumeSignInAttempt, resetSignInAttempts } from "@/lib/db/sessions";
import { ROLES, type Actor, type Role } from "@/lib/permissions";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id (also used by the user:create command). */
export const hashPassword = (password: string) => hash(password, ARGON2);

/** Sign-in attempts allowed per client address per minute. */
export const SIGN_IN_LIMIT = { window: 60, max: 5 };

/**
 * Sign-in attempts allowed per account per 15 minutes (since its last success), from any address.
 * The address limit alone is not enough: `next start` keeps a client's own X-Forwarded-For, so a
 * client can pick its address.
 */
export const SIGN_IN_ACCOUNT_LIMIT = { window: 15 * 60, max: 10 };

function signInEmail(ctx: { path: string; body?: unknown }): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return ctx.path === "/sign-in/email" && typeof email === "string" && email.length <= 254 ? email.trim().toLowerCase() : null;
}

// Counts every attempt on an account; a successful sign-in clears its count.
const limitPerAccount = {
  before: createAuthMiddleware(async (ctx) => {
    const email = signInEmail(ctx);
    if (!email) return;
    const { allowed, retryAfter } = await consumeSignInAttempt(email, SIGN_IN_ACCOUNT_LIMIT);
    if (!allowed) {
      throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts for this account.", code: "TOO_MANY_REQUESTS" }, { "X-Retry-After": String(retryAfter) });
    }
  }),
  after: createAuthMiddleware(async (ctx) => {
    const email = signInEmail(ctx);
    if (email && ctx.context.newSession) await resetSignInAttempts(email);
  }),
};

function baseURL(): string {
  return process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

function createAuth() {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start the app with `npm start`, which creates one.");
  return betterAuth({
    appName: "Security Guarantees Tracker",
    secret,
    baseURL: baseURL(),
    // Same-origin only: the configured public origin, or the origin the request was addressed to.
    trustedOrigins: async (request) => {
      const origins = [new URL(baseURL()).origin];
      const host = request?.headers.get("host");
      if (!process.env.PUBLIC_URL && host) origins.push(`http://${host}`);
      return origins;
    },
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin or by `npm run user:create`, never by sign-up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: ({ hash: h, password }) => verify(h, password, ARGON2) },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // Every request checks the database, so revoking a session takes effect at once.
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "EDITOR" },
        disabled: { type: "boolean", input: false, defaultValue: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": SIGN_IN_LIMIT, "/change-password": SIGN_IN_LIMIT },
    },
    hooks: limitPerAccount,
    databaseHooks: {
      session: {
        create: {
          // A disabled account cannot open a session.
          before: async (session) => {
            const user = await db().user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            return user && !user.disabled ? undefined : false;
          },
        },
      },
    },
    advanced: {
      useSecureCookies: baseURL().startsWith("https://"),
      // better-auth skips its Origin/CSRF check when NODE_ENV is "test"; keep it on everywhere so
      // the tests exercise what production runs.
      disableOriginCheck: false,
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { auth?: Auth };

/** The better-auth instance, created on first use (the build never needs the secret). */
export function auth(): Auth {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}

/** The signed-in person for this request, or null; a disabled account counts as signed out. */
export async function currentActor(): Promise<(Actor & { email: string; sessionId: string }) | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; disabled?: boolean };
  if (user.disabled || !ROLES.includes(user.role as Role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role, sessionId: session.session.id };
}
