/**
 * Where a page load's main-thread time goes: a CPU profile of loading one signed-in page in
 * Chromium, self time summed per package and per function, mapped to the original sources. Use a
 * build with source maps (names are mangled otherwise):
 *
 *   NEXT_SOURCE_MAPS=1 NEXT_DIST_DIR=.next-maps npx next build
 *   NEXT_DIST_DIR=.next-maps npx tsx scripts/profile-page.mts /collections
 *
 * The demo data is seeded into DATA_DIR (default /tmp/kb-profile-data) on the first run.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import "./server-only-hook.mts";
import { signIn, startServer } from "./bench-http.mjs";
import { chromium } from "@playwright/test";
import { SourceMapConsumer } from "source-map-js";

const dir = process.env.DATA_DIR || "/tmp/kb-profile-data";
if (!existsSync(dir)) {
  const { openDb } = await import("../lib/db/client");
  const { seed } = await import("../lib/db/seed");
  const { sql } = await import("drizzle-orm");
  const opened = await openDb({ dataDir: dir });
  await seed(opened.db, {});
  await opened.db.execute(sql`analyze`);
  await opened.close();
}
const route = process.argv[2] || "/collections";
const server = await startServer(process.env.PORT || "3478", { DATA_DIR: dir });
const dist = path.resolve(process.env.NEXT_DIST_DIR || ".next");
try {
  const cookie = await signIn(server.base);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  const ctx = await browser.newContext({ viewport: { width: 1350, height: 940 } });
  await ctx.addCookies(cookie.split("; ").map((kv) => ({ name: kv.split("=")[0], value: kv.slice(kv.indexOf("=") + 1), url: server.base })));
  const page = await ctx.newPage();
  await page.goto(`${server.base}${route}`); // warm the server
  await page.goto("about:blank");
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.goto(`${server.base}${route}`, { waitUntil: "load" });
  await page.waitForTimeout(2500);
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumer = (url: string) => {
    if (!consumers.has(url)) {
      const m = /\/_next\/(static\/chunks\/[^?]+)/.exec(url);
      let c: SourceMapConsumer | null = null;
      if (m) {
        const file = path.join(dist, m[1]);
        const code = existsSync(file) ? readFileSync(file, "utf8") : "";
        const name = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
        const mapFile = name ? path.join(path.dirname(file), name) : "";
        if (mapFile && existsSync(mapFile)) {
          const raw = JSON.parse(readFileSync(mapFile, "utf8"));
          c = new SourceMapConsumer(raw.sections ? raw.sections[0].map : raw);
        }
      }
      consumers.set(url, c);
    }
    return consumers.get(url)!;
  };
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    const f = n.callFrame;
    let key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
    let file = f.url ? f.url.split("/").pop()! : f.functionName;
    const c = f.url ? consumer(f.url) : null;
    if (c) {
      const o = c.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
      if (o.source) {
        file = o.source.replace(/^.*node_modules\//, "").replace(/^.*\[project\]\//, "");
        key = `${o.name || f.functionName || "(anon)"} ${file}:${o.line}`;
      }
    }
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const pkg = file.split("/").slice(0, file.startsWith("@") ? 2 : 1).join("/");
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + t);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`).join("\n");
  console.log(`== self time by package/file (${route})\n${top(byFile, 25)}\n\n== by function\n${top(byFn, 45)}`);
  await browser.close();
} finally {
  await server.stop();
}
