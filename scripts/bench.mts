// `npm run bench`: runs every scripts/bench-*.mts in turn, each printing its own table.
// PostgreSQL figures need a server: BENCH_DATABASE_URL, or a throwaway one started here on
// 127.0.0.1 (scripts/pg-throwaway.sh) when the PostgreSQL binaries are installed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const only = process.argv.slice(2);
const benches = readdirSync(path.join(root, "scripts"))
  .filter((f) => /^bench-.+\.mts$/.test(f))
  // Modules the benches import, not benches.
  .filter((f) => !["bench-databases.mts", "bench-http.mts"].includes(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const env = { ...process.env };
let startedPg = false;
const PG_PORT = "55480";
if (!env.BENCH_DATABASE_URL && existsSync("/usr/lib/postgresql")) {
  try {
    const out = execFileSync("bash", [path.join(root, "scripts/pg-throwaway.sh"), "start", PG_PORT], { encoding: "utf8" });
    env.BENCH_DATABASE_URL = out.trim().split("\n").pop()!.trim();
    startedPg = true;
    console.log(`[bench] throwaway PostgreSQL at ${env.BENCH_DATABASE_URL}`);
  } catch (e) {
    console.log(`[bench] no PostgreSQL (${(e as Error).message.split("\n")[0]}): PostgreSQL figures skipped`);
  }
}

let failed = 0;
try {
  for (const file of benches) {
    console.log(`\n=== ${file} ===`);
    const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join("scripts", file)], { cwd: root, env, stdio: "inherit" });
    if (r.status !== 0) {
      failed++;
      console.log(`[bench] ${file} exited with ${r.status}`);
    }
  }
} finally {
  if (startedPg) spawnSync("bash", [path.join(root, "scripts/pg-throwaway.sh"), "stop", PG_PORT], { stdio: "inherit" });
}
process.exit(failed ? 1 : 0);
