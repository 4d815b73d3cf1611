#!/usr/bin/env -S npx tsx
// `npm run worker`: a process that only works background jobs (lib/jobs), next to servers started
// with WORKERS=off (or on: several workers and servers may share one PostgreSQL). PostgreSQL only:
// the embedded PGlite folder is opened by one process, the server, which already works its jobs.
// Stops gracefully on SIGTERM/SIGINT (running jobs get WORKER_STOP_SECONDS, default 25 s).

import "./server-only-hook.mts";

const { loadEnv } = await import("../lib/env");
let settings: ReturnType<typeof loadEnv>;
try {
  settings = loadEnv();
} catch (e) {
  console.error(`npm run worker: ${(e as Error).message}`);
  process.exit(1);
}
if (!settings.DATABASE_URL) {
  console.error(
    "npm run worker: the embedded database (PGlite) has one process, the server (`npm start`), which already works the jobs; set DATABASE_URL to run separate workers.",
  );
  process.exit(1);
}

const { openDb, targetFromEnv } = await import("../lib/db/client");
const { startProcessJobs, stopJobsOnSignals } = await import("../lib/jobs/boss");

const stopSeconds = settings.WORKER_STOP_SECONDS;
let opened: Awaited<ReturnType<typeof openDb>>;
try {
  opened = await openDb(targetFromEnv());
} catch (e) {
  console.error(`npm run worker: ${(e as Error).message}`);
  process.exit(1);
}
try {
  const jobs = await startProcessJobs({ opened, workers: true, instanceName: "kotani-worker" });
  console.log(`[worker] pid ${process.pid}: working ${[...jobs.definitions.keys()].join(", ")} on ${opened.location}`);
} catch (e) {
  console.error(`npm run worker: cannot start the job queue: ${(e as Error).message}`);
  await opened.close().catch(() => {});
  process.exit(1);
}
stopJobsOnSignals({
  timeoutMs: stopSeconds * 1000,
  then: async (signal) => {
    await opened.close().catch(() => {});
    console.log(`[worker] stopped (${signal})`);
    process.exit(0);
  },
});
