import { defineConfig, devices } from "@playwright/test";
import os from "node:os";
import path from "node:path";

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against the app
// started exactly as the README says: `npm start`, on the embedded database unless
// DATABASE_URL names a PostgreSQL server.
const PORT = Number(process.env.E2E_PORT ?? 3211);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `sgt-e2e-${process.pid}`);
// Tests that arrange data (accounts, edits) reach the app's database: the PostgreSQL server when
// DATABASE_URL is set, else the embedded database on a fixed loopback port.
const PGLITE_PORT = Number(process.env.E2E_PGLITE_PORT ?? PORT + 1000);
process.env.E2E_DATABASE_URL ??= process.env.DATABASE_URL || `postgresql://postgres@127.0.0.1:${PGLITE_PORT}/postgres`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // The admin is tested once, at desktop width.
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testIgnore: /admin[^/]*\.spec\.ts$/ },
  ],
  webServer: {
    command: "npm start",
    url: `http://localhost:${PORT}/api/v1/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT), DATA_DIR: dataDir, PGLITE_PORT: String(PGLITE_PORT), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
