// Runs `prisma generate` on machines where Prisma cannot download its native engines.
// Generation never executes the schema engine, it only checks that the path exists,
// so any executable satisfies it (docs/decisions/002-migrations-wasm-schema-engine.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";
const res = spawnSync("npx", ["--no-install", "prisma", "generate"], { env, stdio: "inherit" });
process.exit(res.status ?? 1);
