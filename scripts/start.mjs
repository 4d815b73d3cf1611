#!/usr/bin/env node
// `npm start`: one command from a fresh clone to a running app.
// 1. a session secret (generated once and kept in the data folder unless NEXTAUTH_SECRET is set);
// 2. a production build when there is none or the sources are newer;
// 3. migrations + the demo seed on an empty database (scripts/seed.mts --if-empty);
// 4. `next start` on PORT (default 3000).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.PORT ||= "3000";
env.DATA_DIR ||= path.join(root, "data");
env.NEXTAUTH_URL ||= `http://localhost:${env.PORT}`;

function fail(message) {
  console.error(`\nkotani-backoffice: ${message}`);
  process.exit(1);
}

function run(cmd, args, label) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => {
      if (code !== 0) fail(`${label} failed (exit ${code}).`);
      console.log(`[start] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve();
    });
  });
}

function sessionSecret() {
  if (env.NEXTAUTH_SECRET) return;
  try {
    mkdirSync(env.DATA_DIR, { recursive: true });
  } catch (e) {
    fail(`cannot create the data folder ${env.DATA_DIR}: ${e.message}`);
  }
  const file = path.join(env.DATA_DIR, ".session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    // Tests are not part of the app: editing one must not force a rebuild.
    if (/\.test\.tsx?$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "proxy.ts", "next.config.js", "tailwind.config.ts", "package-lock.json"];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

sessionSecret();
if (buildIsStale()) {
  console.log("[start] building the app (first start or changed sources)…");
  await run(bin("next"), ["build"], "build");
}
await run(bin("tsx"), ["scripts/seed.mts", "--if-empty"], "database");

const host = env.HOSTNAME || "0.0.0.0";
console.log(`\n[start] Kotani Backoffice on http://localhost:${env.PORT}`);
console.log(`[start] database: ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${env.DATA_DIR}`}`);
console.log("[start] demo login: demo@kotanipay.test / Demo-Backoffice-2026\n");
const server = spawn(bin("next"), ["start", "-p", env.PORT, "-H", host], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
