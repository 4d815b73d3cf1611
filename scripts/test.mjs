#!/usr/bin/env node
// `npm test`: typecheck → lint → vitest (unit + integration; PostgreSQL too when TEST_DATABASE_URL
// is set) → next build → playwright. Fails fast; prints a summary, and as the very last line
// `N passed, N failed` (test totals from the vitest/playwright JSON reports; typecheck, lint and
// build each count as one check).
//
//   node scripts/test.mjs [--skip-e2e] [--only unit|e2e] [-- extra args for vitest/playwright]
//     --skip-e2e    typecheck, lint, unit (no build, no browser)
//     --only unit   vitest only
//     --only e2e    next build + playwright only
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const dashdash = argv.indexOf("--");
const own = dashdash === -1 ? argv : argv.slice(0, dashdash);
const passthrough = dashdash === -1 ? [] : argv.slice(dashdash + 1);
let skipE2e = false;
let only = null;
for (let i = 0; i < own.length; i++) {
  const a = own[i];
  if (a === "--skip-e2e") skipE2e = true;
  else if (a === "--only") only = own[++i];
  else if (a.startsWith("--only=")) only = a.slice("--only=".length);
  else if (a === "-h" || a === "--help") {
    console.log("usage: node scripts/test.mjs [--skip-e2e] [--only unit|e2e] [-- args for vitest/playwright]");
    process.exit(0);
  } else {
    console.error(`test: unknown argument ${a}`);
    process.exit(2);
  }
}
if (only && only !== "unit" && only !== "e2e") {
  console.error(`test: --only must be unit or e2e (got ${only})`);
  process.exit(2);
}

const VITEST_JSON = "test-results/vitest.json";
const E2E_JSON = "test-results/e2e.json"; // written by the json reporter in playwright.config.ts
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const ESLINT_CONFIGS = [
  "eslint.config.mjs",
  "eslint.config.js",
  "eslint.config.cjs",
  "eslint.config.ts",
  "eslint.config.mts",
];

// kind "check": one pass/fail; kind "tests": totals from report(). group: which flags select it.
const allSteps = [
  { name: "typecheck", group: "static", kind: "check", cmd: bin("tsc"), args: ["--noEmit"] },
  {
    name: "lint",
    group: "static",
    kind: "check",
    cmd: bin("eslint"),
    args: ["."],
    skip: () => (ESLINT_CONFIGS.some((f) => existsSync(f)) ? null : "no eslint config yet"),
  },
  {
    name: "unit",
    group: "unit",
    kind: "tests",
    cmd: bin("vitest"),
    args: [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${VITEST_JSON}`,
      ...(only === "unit" ? passthrough : []),
    ],
    before: () => rmSync(VITEST_JSON, { force: true }),
    report: () => {
      const r = readJson(VITEST_JSON);
      if (!r) return null;
      const failures = [];
      for (const file of r.testResults ?? []) {
        for (const t of file.assertionResults ?? []) {
          if (t.status === "failed") failures.push({ where: path.relative(root, file.name ?? ""), title: t.fullName ?? t.title, error: t.failureMessages?.[0] ?? "" });
        }
        if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) {
          failures.push({ where: path.relative(root, file.name ?? ""), title: "(the file failed to run)", error: file.message ?? "" });
        }
      }
      return {
        passed: r.numPassedTests ?? 0,
        failed: r.numFailedTests ?? 0,
        skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
        failures,
      };
    },
  },
  { name: "build", group: "e2e", kind: "check", cmd: bin("next"), args: ["build"] },
  {
    name: "e2e",
    group: "e2e",
    kind: "tests",
    cmd: bin("playwright"),
    args: ["test", ...(only === "e2e" ? passthrough : [])],
    before: () => rmSync(E2E_JSON, { force: true }),
    skip: () => (hasE2eSpecs() ? null : "no e2e specs yet"),
    report: () => {
      const r = readJson(E2E_JSON);
      if (!r?.stats) return null;
      const s = r.stats;
      const failures = [];
      const walk = (suite, titles) => {
        for (const spec of suite.specs ?? []) {
          for (const t of spec.tests ?? []) {
            if (t.status !== "unexpected") continue;
            const last = t.results?.[t.results.length - 1];
            failures.push({
              where: `${spec.file}:${spec.line}`,
              title: [...titles, spec.title].filter(Boolean).join(" › "),
              error: last?.error?.message ?? last?.errors?.[0]?.message ?? "",
              at: last?.error?.location ? `${path.relative(root, last.error.location.file)}:${last.error.location.line}` : "",
            });
          }
        }
        for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
      };
      for (const suite of r.suites ?? []) walk(suite, []);
      for (const e of r.errors ?? []) failures.push({ where: "(run)", title: "error outside the tests", error: e.message ?? "" });
      return {
        passed: (s.expected ?? 0) + (s.flaky ?? 0),
        failed: s.unexpected ?? 0,
        skipped: s.skipped ?? 0,
        flaky: s.flaky ?? 0,
        failures,
      };
    },
  },
];

const steps = allSteps.filter((s) => {
  if (only === "unit") return s.group === "unit";
  if (only === "e2e") return s.group === "e2e";
  if (skipE2e) return s.group !== "e2e";
  return true;
});

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function hasE2eSpecs() {
  const walk = (dir) => {
    if (!existsSync(dir)) return false;
    for (const e of readdirSyncSafe(dir)) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() ? walk(p) : /\.spec\.[cm]?[jt]s$/.test(e.name)) return true;
    }
    return false;
  };
  return walk(path.join(root, "e2e"));
}

function readdirSyncSafe(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------- running
let current = null;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (current) current.kill(sig);
    console.error(`\ntest: interrupted (${sig})`);
    process.exit(130);
  });
}

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    current = child;
    child.on("error", (e) => {
      console.error(`test: cannot run ${cmd}: ${e.message}`);
      current = null;
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const fmt = (ms) =>
  ms >= 60_000
    ? `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, "0")}s`
    : `${(ms / 1000).toFixed(1)}s`;

mkdirSync("test-results", { recursive: true });
const results = [];
let failedFast = false;
const t0 = Date.now();

for (const step of steps) {
  if (failedFast) {
    results.push({ step, status: "SKIP", note: "not run (an earlier step failed)" });
    continue;
  }
  const why = step.skip?.();
  if (why) {
    console.log(`\n=== ${step.name}: skipped (${why})`);
    results.push({ step, status: "SKIP", note: why });
    continue;
  }
  console.log(`\n=== ${step.name}: ${path.relative(root, step.cmd)} ${step.args.join(" ")}`);
  step.before?.();
  const start = Date.now();
  const code = await run(step.cmd, step.args, step.env);
  const ms = Date.now() - start;
  const counts = step.report?.() ?? null;
  const ok = code === 0;
  results.push({ step, status: ok ? "PASS" : "FAIL", ms, code, counts });
  console.log(`=== ${step.name}: ${ok ? "passed" : `FAILED (exit ${code})`} in ${fmt(ms)}`);
  if (!ok) failedFast = true;
}

// ---------------------------------------------------------------- summary
let passed = 0;
let failed = 0;
console.log("\n=== summary");
for (const r of results) {
  const { step } = r;
  let detail = r.note ?? "";
  if (r.status !== "SKIP") {
    if (step.kind === "tests" && r.counts) {
      let f = r.counts.failed;
      // A failing run with no failed test (suite import error, webServer failure…) still fails.
      if (r.status === "FAIL" && f === 0) f = 1;
      passed += r.counts.passed;
      failed += f;
      detail =
        `${r.counts.passed} passed, ${r.counts.failed} failed` +
        (r.counts.skipped ? `, ${r.counts.skipped} skipped` : "") +
        (r.counts.flaky ? ` (${r.counts.flaky} flaky)` : "") +
        (r.status === "FAIL" && r.counts.failed === 0 ? ` (exit ${r.code}: the run failed outside the tests)` : "");
    } else {
      if (r.status === "PASS") passed += 1;
      else failed += 1;
      detail = step.kind === "tests" ? "(no JSON report)" : "";
    }
  }
  const time = r.ms === undefined ? "" : fmt(r.ms);
  console.log(`${r.status}  ${step.name.padEnd(10)} ${time.padStart(7)}  ${detail}`.trimEnd());
}
// What failed and why, last, so the tail of a CI log always says it (the reporters' own
// details scroll away above the attachments).
const failures = results.flatMap((r) => (r.counts?.failures ?? []).map((f) => ({ step: r.step.name, ...f })));
if (failures.length) {
  console.log("\n=== failures");
  for (const f of failures.slice(0, 20)) {
    // Strip ANSI colours; keep the first lines of the message.
    const message = f.error.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((l) => l.trim()).slice(0, 6).join("\n      ");
    console.log(`[${f.step}] ${f.where} › ${f.title}${f.at ? ` (at ${f.at})` : ""}\n      ${message}`);
  }
  if (failures.length > 20) console.log(`… and ${failures.length - 20} more`);
}
console.log(
  `total ${fmt(Date.now() - t0)}${process.env.TEST_DATABASE_URL ? " (integration suites also on PostgreSQL)" : ""}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.some((r) => r.status === "FAIL") ? 1 : 0);
