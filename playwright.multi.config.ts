import { defineConfig } from "@playwright/test";

// `npm run test:multi`: several instances behind nginx with the shared Redis cache
// (tests/multi/global-setup.ts starts them; DATABASE_URL names the PostgreSQL server).
export default defineConfig({
  testDir: "tests/multi",
  globalSetup: "./tests/multi/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  // The build (when the sources changed) happens in the global setup.
  globalTimeout: 10 * 60_000,
  reporter: [["list"]],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
