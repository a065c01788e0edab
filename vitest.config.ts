import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // Next.js resolves "server-only" to an empty module on the server; so do the tests.
  "server-only": path.join(root, "tests/setup/empty.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database per run: files share it, so run them one at a time.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "resilience",
          include: ["tests/resilience/**/*.test.ts"],
          globalSetup: ["tests/resilience/setup.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          // Each file kills processes and measures recovery: one at a time, so they do not
          // compete for the CPU with each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
