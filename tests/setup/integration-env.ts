import { inject } from "vitest";

// lib/db/client.ts reads DATABASE_URL on first use.
process.env.DATABASE_URL = inject("databaseUrl");
