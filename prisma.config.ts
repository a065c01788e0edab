// Prisma CLI configuration. The app itself never reads this file: it connects through
// lib/db/client.ts, and migrations run through scripts/migrate.ts (WebAssembly engine).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
