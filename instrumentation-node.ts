import { getOpenedDb, type OpenedDb } from "./lib/db/client";
import { startProcessJobs, stopJobsOnSignals } from "./lib/jobs/boss";
import { workersEnabled } from "./lib/jobs/workers-enabled";
import { loadEnv } from "./lib/env";

/**
 * Open (and migrate) the database now, so a broken DATA_DIR / DATABASE_URL stops the server with
 * one clear line instead of failing the first visitor, and the first request doesn't pay for
 * opening PGlite. Then start the job queue. Skipped while `next build` collects pages.
 */
export async function openDatabaseAtStart() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  let workers: boolean;
  let opened: OpenedDb;
  try {
    loadEnv(); // a bad setting stops the start with one line naming it
    workers = workersEnabled();
    opened = await getOpenedDb();
    console.log(`[db] ${opened.engine} ready at ${opened.location}`);
  } catch (e) {
    console.error(`kotani-backoffice: ${(e as Error).message}`);
    process.exit(1);
  }
  await startJobsAtStart(opened, workers);
}

/**
 * The job queue (lib/jobs): WORKERS=on (default) works every queue and runs the cron schedules
 * here; WORKERS=off only enqueues (jobs are worked by `npm run worker`, PostgreSQL only).
 * SIGTERM/SIGINT stop it gracefully before Next closes the server.
 */
async function startJobsAtStart(opened: OpenedDb, workers: boolean) {
  try {
    const jobs = await startProcessJobs({ opened, workers });
    if (workers) console.log(`[jobs] working ${jobs.definitions.size} queues in this process`);
    else if (opened.engine === "pglite")
      console.warn("[jobs] WORKERS=off on the embedded database: jobs are queued, but no process works them");
    else console.log("[jobs] WORKERS=off: this process enqueues only (run `npm run worker` to work the jobs)");
    stopJobsOnSignals();
  } catch (e) {
    console.error(`kotani-backoffice: cannot start the job queue: ${(e as Error).message}`);
    process.exit(1);
  }
}
