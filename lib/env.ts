// Environment, validated once at build and boot so a bad setting fails at once with a
// readable message. Imported by next.config.ts and the scripts; keep it free of "server-only".
import { z } from "zod";

const PostgresUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "postgresql:" || u.protocol === "postgres:";
    } catch {
      return false;
    }
  }, "must be a postgresql:// connection URL, e.g. postgresql://postgres@127.0.0.1:5432/tracker");

const RedisUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "redis:" || u.protocol === "rediss:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379");

const Port = (fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : Number(v)),
    z.number().int("must be a whole number").min(0, "must be 0–65535").max(65535, "must be 0–65535"),
  );

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** PostgreSQL server; when unset, `npm start` runs the embedded PGlite database. */
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), PostgresUrl.optional()),
  /** Folder of the embedded database (ignored with DATABASE_URL). */
  DATA_DIR: z.string().trim().min(1).default(".data"),
  /** Port of the web server. */
  PORT: Port(3000),
  /** Loopback port of the embedded database; 0 picks a free one. */
  PGLITE_PORT: Port(0),
  /** Public origin used in links, feeds and embeds. */
  PUBLIC_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  /**
   * Secret that signs admin session cookies (32+ characters). `npm start` creates one in
   * DATA_DIR when unset; set it explicitly when several instances serve one site.
   */
  AUTH_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  ),
  /** `off` bypasses the data cache so every request reads the database (benchmarks only). */
  SGT_DATA_CACHE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"]).default("on")),
  /**
   * Redis server for the data cache shared by every instance (lib/cache/redis-cache-handler.mjs).
   * Unset: each instance keeps its own cache on disk, as with one instance.
   */
  REDIS_URL: z.preprocess((v) => (v === "" ? undefined : v), RedisUrl.optional()),
  /** Prefix of every Redis key the cache writes; give each site (or test run) its own. */
  REDIS_KEY_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:.-]{1,64}$/, "must be 1–64 letters, digits or _ : . -, e.g. sgt:")
    .default("sgt:"),
});
export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment or throws one readable message naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const r = EnvSchema.safeParse(source);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}
