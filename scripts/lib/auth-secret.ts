// The secret that signs admin sessions. With AUTH_SECRET unset, one is created once in the data
// folder (readable by its owner only) so `npm start` needs no .env and sessions survive restarts.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** AUTH_SECRET if set, else the one kept in `<dataDir>/auth-secret` (created on first use). */
export function ensureAuthSecret(dataDir: string, fromEnv: string | undefined): { secret: string; created: boolean } {
  if (fromEnv) return { secret: fromEnv, created: false };
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return { secret, created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, created: true };
}
