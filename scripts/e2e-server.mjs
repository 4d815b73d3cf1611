#!/usr/bin/env node
// The app server for Playwright (playwright.config.ts webServer): a throwaway data dir, fixed test
// env, then `node scripts/start.mjs` (build if needed, migrate, seed the demo data, next start).
//
// Env knobs: E2E_PORT (3100), E2E_SMTP_PORT (2525; the Playwright smtp fixture listens there),
// E2E_DATABASE_URL (run the app on PostgreSQL instead of a fresh PGlite dir; that database should
// be empty), E2E_DATA_DIR (.test-data/e2e).
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.E2E_PORT || "3100";
const smtpPort = process.env.E2E_SMTP_PORT || "2525";
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR || ".test-data/e2e");

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  PORT: port,
  HOSTNAME: "127.0.0.1",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: "e2e-test-secret-do-not-use-in-production-0123456789abcdef",
  // Always the capture server: a developer's own SMTP_URL must not receive test mail.
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  // The account-security specs move the auth services' clock (expired OTP) by writing a
  // millisecond offset here; see lib/auth/clock.ts for why this is safe.
  KOTANI_TEST_CLOCK_FILE: path.join(dataDir, "clock-offset-ms"),
  // The developers spec's webhook receiver (e2e/developers/receiver.ts) listens here: a loopback
  // address the SSRF guard refuses unless named. Retries start 1 s apart instead of 30 s.
  WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${process.env.E2E_HOOK_PORT || Number(port) + 1500}`,
  WEBHOOK_RETRY_BASE_SECONDS: "1",
};
// Never inherit a developer's DATABASE_URL: the e2e app gets its own database.
delete env.DATABASE_URL;
if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

console.log(
  `[e2e-server] ${env.DATABASE_URL ? "PostgreSQL (E2E_DATABASE_URL)" : `data dir ${path.relative(root, dataDir)}`}, ` +
    `http://127.0.0.1:${port}, SMTP ${env.SMTP_URL}`,
);

// The demo seed first (start.mjs' own `--if-empty` seed then does nothing), then the accounts of
// the account-security specs (their own organisation; e2e/account/seed-accounts.mts).
for (const script of ["scripts/seed.mts", "e2e/account/seed-accounts.mts"]) {
  const args = script === "scripts/seed.mts" ? [script, "--if-empty"] : [script];
  const code = await new Promise((resolve) => {
    const c = spawn(path.join(root, "node_modules", ".bin", "tsx"), args, { cwd: root, env, stdio: "inherit" });
    c.on("exit", (exitCode) => resolve(exitCode ?? 1));
    c.on("error", () => resolve(1));
  });
  if (code !== 0) {
    console.error(`[e2e-server] ${script} failed (exit ${code})`);
    process.exit(1);
  }
}

// Same process group as us (not detached): Playwright kills the webServer by signalling its process
// group, which then reaches start.mjs and next-server too.
const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], { cwd: root, env, stdio: "inherit" });

let stopping = false;
function forward(signal) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) {
    try {
      child.kill(signal);
    } catch {}
    setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch {}
      process.exit(1);
    }, 10_000).unref();
  }
}
for (const s of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(s, () => forward(s));

child.on("error", (e) => {
  console.error(`[e2e-server] could not start scripts/start.mjs: ${e.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (!stopping) console.error(`[e2e-server] scripts/start.mjs exited (${signal ?? `code ${code}`})`);
  process.exit(code ?? (stopping ? 0 : 1));
});
