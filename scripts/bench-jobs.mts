#!/usr/bin/env -S npx tsx
// Background-job throughput (lib/jobs on pg-boss): `npx tsx scripts/bench-jobs.mts [--jobs N] [--per-job N]`.
//
//   For each engine: enqueue N no-op jobs (default 10,000) in batched inserts inside transactions
//   (enqueueMany, 1,000 per transaction), then start a worker (batchSize 100 × localConcurrency 4,
//   fetching again at once while batches are full) and time until every job is completed; then the
//   same for --per-job jobs (default 1,000) enqueued one per transaction (enqueue()).
//   PostgreSQL: BENCH_DATABASE_URL (an admin URL: a throwaway database is created and dropped);
//   PGlite: in memory. Prints engine, jobs, enqueue s, complete s, jobs/s (completion throughput).
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { onMemoryPglite, onThrowawayPostgres } from "./bench-databases.mjs";

const { values: args } = parseArgs({
  options: {
    jobs: { type: "string", default: "10000" },
    "per-job": { type: "string", default: "1000" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(
    "usage: npx tsx scripts/bench-jobs.mts [--jobs 10000] [--per-job 1000]   (BENCH_DATABASE_URL for PostgreSQL)",
  );
  process.exit(0);
}
const JOBS = Math.max(1, Number(args.jobs));
const PER_JOB = Math.max(0, Number(args["per-job"]));
const BATCH = 1000;
const WORK = { batchSize: 100, localConcurrency: 4, pollingIntervalSeconds: 0.5, burstWhenBatchFull: true } as const;

const { z } = await import("zod");
const { defineJob } = await import("../lib/jobs/define");
const { startJobs, runJob } = await import("../lib/jobs/runtime");

type Opened = import("../lib/db/client").OpenedDb;

const noop = defineJob({
  name: "bench.noop",
  schema: z.object({ i: z.number().int() }),
  handler: async () => undefined,
  options: { retryLimit: 0 },
});

interface Row {
  engine: string;
  enqueue: string;
  jobs: number;
  enqueueSeconds: number;
  completeSeconds: number;
  check: string;
}

async function completedCount(boss: Awaited<ReturnType<typeof startJobs>>["boss"]): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, ["bench.noop"]);
  return Number(rows[0]?.n ?? 0);
}

async function scenario(opened: Opened, engine: string, mode: "batched" | "per-job", n: number): Promise<Row> {
  const quiet = { log() {}, warn: console.warn, error: console.error };
  // enqueue()/enqueueMany() are these two on the process's runtime; the bench job lives in this runtime only.
  const rt = await startJobs(opened, { jobs: [noop], workers: false, log: quiet });
  try {
    await rt.boss.deleteAllJobs("bench.noop");
    const t0 = performance.now();
    if (mode === "batched") {
      for (let start = 0; start < n; start += BATCH) {
        const data = Array.from({ length: Math.min(BATCH, n - start) }, (_, k) => ({ i: start + k }));
        await opened.db.transaction((tx) => rt.sendMany(tx, "bench.noop", data));
      }
    } else {
      for (let i = 0; i < n; i++) {
        await opened.db.transaction((tx) => rt.send(tx, "bench.noop", { i }));
      }
    }
    const enqueueSeconds = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    await rt.boss.work("bench.noop", { ...WORK, perJobResults: true }, async (batch) =>
      Promise.all(batch.map((job) => runJob(noop, opened.db, job))),
    );
    let done = 0;
    const deadline = Date.now() + 300_000;
    while ((done = await completedCount(rt.boss)) < n && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const completeSeconds = (performance.now() - t1) / 1000;
    await rt.boss.offWork("bench.noop");
    return {
      engine,
      enqueue: mode === "batched" ? `batched (${BATCH}/tx)` : "one per tx",
      jobs: n,
      enqueueSeconds,
      completeSeconds,
      check: done === n ? "ok" : `FAIL ${done}/${n}`,
    };
  } finally {
    await rt.stop({ timeoutMs: 2000 });
  }
}

async function scenarios(opened: Opened, engine: string): Promise<Row[]> {
  const rows = [await scenario(opened, engine, "batched", JOBS)];
  if (PER_JOB > 0) rows.push(await scenario(opened, engine, "per-job", PER_JOB));
  return rows;
}

function postgres(url: string): Promise<Row[]> {
  return onThrowawayPostgres(url, "kb_bench_jobs", (opened) => scenarios(opened, "PostgreSQL"));
}

function pglite(): Promise<Row[]> {
  return onMemoryPglite((opened) => scenarios(opened, "PGlite (memory)"));
}

const rows: Row[] = [];
const url = process.env.BENCH_DATABASE_URL;
if (url) rows.push(...(await postgres(url)));
else
  console.log(
    "[bench] BENCH_DATABASE_URL not set: PostgreSQL skipped (e.g. BENCH_DATABASE_URL=$(scripts/pg-throwaway.sh start))",
  );
rows.push(...(await pglite()));

const header = ["engine", "enqueue", "jobs", "enqueue s", "complete s", "jobs/s", "check"];
const table = rows.map((r) => [
  r.engine,
  r.enqueue,
  String(r.jobs),
  r.enqueueSeconds.toFixed(2),
  r.completeSeconds.toFixed(2),
  (r.jobs / r.completeSeconds).toFixed(0),
  r.check,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
console.log(
  `\nBackground jobs (pg-boss): no-op jobs; worker batchSize ${WORK.batchSize} × localConcurrency ${WORK.localConcurrency}; jobs/s = jobs ÷ complete s`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of table) console.log(line(r));
if (rows.some((r) => r.check !== "ok")) {
  console.error("\nbench-jobs: not every job completed");
  process.exit(1);
}
