import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(["node_modules/**", ".next/**", ".next-*/**", "lib/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      // Pages and components never touch Prisma: reads and writes go through lib/db (CONVENTIONS.md #1).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/prisma/client", "**/generated/prisma/client"], message: "Only lib/db/client.ts imports the Prisma client." },
          ],
        },
      ],
    },
  },
  // The app's client, and the scripts' own (they run outside Next.js with their own URL).
  { files: ["lib/db/client.ts", "scripts/lib/prisma.ts"], rules: { "no-restricted-imports": "off" } },
]);
