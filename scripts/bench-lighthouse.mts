#!/usr/bin/env -S npx tsx
// Lighthouse (desktop preset, performance only) on signed-in dashboard pages (issue 14 item 17):
// `npx tsx scripts/bench-lighthouse.mts [--pages /,/collections] [--runs 3] [--save DIR]`
// (--save writes each median run's full report, lhr JSON, for the main-thread breakdown).
//
// `next start` (the build in NEXT_DIST_DIR or .next; skipped without one) on an embedded database
// seeded with the demo data, signed in as the demo Owner (the session cookie goes with every
// request Lighthouse's Chromium makes). Chromium: CHROME_PATH, else Debian's /usr/bin/chromium.
// Prints the median run's score and its metrics per page. Target: performance ≥ 95.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { buildDir, signIn, startServer } from "./bench-http.mjs";

const { values: args } = parseArgs({
  options: { pages: { type: "string", default: "/,/collections,/wallets" }, runs: { type: "string", default: "3" }, save: { type: "string" } },
  strict: true,
});
const PAGES = args.pages.split(",").map((p) => p.trim()).filter(Boolean);
const RUNS = Math.max(1, Number(args.runs));
const chromePath = process.env.CHROME_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

if (!buildDir() || !chromePath) {
  console.log(`== Lighthouse: skipped (${!buildDir() ? "no build; run `npm run build` first" : "no Chromium: set CHROME_PATH"})`);
  process.exit(0);
}

const { default: lighthouse, desktopConfig } = await import("lighthouse");
const chromeLauncher = await import("chrome-launcher");
const { openDb } = await import("../lib/db/client");
const { seed } = await import("../lib/db/seed");
const { sql } = await import("drizzle-orm");

const dir = mkdtempSync(path.join(os.tmpdir(), "kb-bench-lh-"));
const opened = await openDb({ dataDir: dir });
await seed(opened.db, {});
await opened.db.execute(sql`analyze`);
await opened.close();

const server = await startServer(process.env.BENCH_HTTP_PORT || "3295", { DATA_DIR: dir });
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const cookie = await signIn(server.base);
  console.log(`== Lighthouse ${RUNS}× per page (desktop preset, performance; median run), signed in, demo data`);
  console.log(`${"page".padEnd(16)} ${"score".padStart(5)} ${"FCP".padStart(8)} ${"LCP".padStart(8)} ${"TBT".padStart(8)} ${"CLS".padStart(6)} ${"SI".padStart(8)}`);
  for (const page of PAGES) {
    const runs: { score: number; audits: Record<string, { numericValue?: number }>; lhr: unknown }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(
        `${server.base}${page}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } },
        desktopConfig,
      );
      const lhr = result!.lhr;
      if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.message}`);
      if (new URL(lhr.finalDisplayedUrl).pathname !== page) throw new Error(`${page}: ended on ${lhr.finalDisplayedUrl}`);
      runs.push({ score: Math.round((lhr.categories.performance!.score ?? 0) * 100), audits: lhr.audits as never, lhr });
    }
    const median = runs.sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]!;
    if (args.save) {
      mkdirSync(args.save, { recursive: true });
      writeFileSync(path.join(args.save, `${page.replace(/\W+/g, "_") || "_"}.json`), JSON.stringify(median.lhr));
    }
    const v = (id: string) => median.audits[id]?.numericValue ?? NaN;
    const msOf = (id: string) => `${Math.round(v(id))} ms`.padStart(8);
    console.log(
      `${page.padEnd(16)} ${String(median.score).padStart(5)} ${msOf("first-contentful-paint")} ${msOf("largest-contentful-paint")} ${msOf("total-blocking-time")} ${v("cumulative-layout-shift").toFixed(3).padStart(6)} ${msOf("speed-index")}   (runs: ${runs.map((r) => r.score).join(", ")})`,
    );
  }
} finally {
  chrome.kill();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
