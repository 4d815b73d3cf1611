import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own downloaded browser. */
const executablePath = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Specs only; fixtures/helpers live next to them.
  testMatch: "**/*.spec.ts",
  // One folder per port: parallel runs (several work trees / developers) must not wipe each other.
  outputDir: PORT === 3100 ? "test-results/e2e" : `test-results/e2e-${PORT}`,
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: PORT === 3100 ? "test-results/e2e.json" : `test-results/e2e-${PORT}.json` }]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Note: Playwright starts the webServer BEFORE globalSetup. The app's SMTP_URL points at
  // 127.0.0.1:2525, where the worker-scoped fixture in e2e/fixtures/smtp.ts listens.
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { NEXT_TELEMETRY_DISABLED: "1", E2E_PORT: String(PORT) },
  },
});
