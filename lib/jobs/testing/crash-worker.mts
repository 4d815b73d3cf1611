// Child process for lib/jobs/crash.test.ts: opens the database given in JOBS_TEST_TARGET (a
// PGlite data folder, or a PostgreSQL URL), works one crash queue (JOBS_TEST_QUEUE) and prints
// "KILL_ME <job id>" where the test SIGKILLs it, in the middle of the handler.
import { openDb, type DbTarget } from "@/lib/db/client";
import { startJobs } from "../runtime";
import { CRASH_JOBS, FAST_BOSS, FAST_WORK } from "./jobs";

process.env.JOBS_TEST_CRASH = "1";
const target = JSON.parse(process.env.JOBS_TEST_TARGET ?? "null") as DbTarget;
const def = CRASH_JOBS.find((j) => j.name === process.env.JOBS_TEST_QUEUE);
if (!target || !def) {
  console.error("crash-worker: set JOBS_TEST_TARGET and JOBS_TEST_QUEUE");
  process.exit(2);
}
const opened = await openDb(target);
await startJobs(opened, { jobs: [def], boss: FAST_BOSS, work: FAST_WORK, instanceName: "crash-child", poolSize: 3 });
console.log("READY");
