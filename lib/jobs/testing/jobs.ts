/**
 * Test-only jobs and helpers for lib/jobs/*.test.ts (and the crash child, crash-worker.mts).
 * Effects go to jobs_test_effects through runOnce; every handler start is logged in
 * jobs_test_runs (outside any transaction, so a run that is killed is still counted).
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { ConstructorOptions, JobWithMetadata, PgBoss } from "pg-boss";
import type { Db } from "@/lib/db/client";
import { defineJob } from "../define";
import { runOnce } from "../run-once";

/** pg-boss intervals short enough for tests (expiry checked every second). */
export const FAST_BOSS: Partial<ConstructorOptions> = { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 };
export const FAST_WORK = { pollingIntervalSeconds: 0.5 } as const;

export async function createTestTables(db: Db): Promise<void> {
  await db.execute(
    sql.raw(
      `CREATE TABLE IF NOT EXISTS jobs_test_effects (job_id uuid NOT NULL, n int, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    ),
  );
  await db.execute(
    sql.raw(
      `CREATE TABLE IF NOT EXISTS jobs_test_runs (job_id uuid NOT NULL, queue text NOT NULL, attempt int NOT NULL, tag text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    ),
  );
}

async function recordRun(db: Db, job: { id: string; name: string; retryCount: number }, tag: string) {
  await db.execute(
    sql`INSERT INTO jobs_test_runs (job_id, queue, attempt, tag) VALUES (${job.id}::uuid, ${job.name}, ${job.retryCount}, ${tag})`,
  );
}

export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Effect rows per job id. */
export async function effectsOf(db: Db, jobId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM jobs_test_effects WHERE job_id = ${jobId}::uuid`,
  );
  return Number(r?.n ?? 0);
}

export async function runsOf(db: Db, jobId: string): Promise<{ attempt: number; tag: string; at: Date }[]> {
  const r = await rows<{ attempt: number; tag: string; at: string | Date }>(
    db,
    sql`SELECT attempt, tag, at FROM jobs_test_runs WHERE job_id = ${jobId}::uuid ORDER BY at`,
  );
  return r.map((x) => ({ attempt: Number(x.attempt), tag: x.tag, at: new Date(x.at) }));
}

/** test.effect: one effect row per job, through runOnce. `tag` marks which runtime ran it. */
export function effectJob(tag = "main") {
  return defineJob({
    name: "test.effect",
    schema: z.object({ n: z.number().int() }),
    handler: async ({ db, data, job }) => {
      await recordRun(db, job, tag);
      const r = await runOnce(db, job, async (tx) => {
        await tx.execute(sql`INSERT INTO jobs_test_effects (job_id, n) VALUES (${job.id}::uuid, ${data.n})`);
        return data.n;
      });
      return { ran: r.ran };
    },
    options: { retryLimit: 2, retryDelay: 1 },
    work: { batchSize: 5, localConcurrency: 2 },
  });
}

/** test.failing: always throws; 3 retries with backoff from 1 s. */
export const failingJob = defineJob({
  name: "test.failing",
  schema: z.object({ n: z.number().int() }),
  handler: async ({ db, data, job }) => {
    await recordRun(db, job, "main");
    throw new Error(`boom ${data.n}`);
  },
  options: { retryLimit: 3, retryDelay: 1, retryBackoff: true },
});

/** Hangs forever where the crash child is to be SIGKILLed (only with JOBS_TEST_CRASH=1). */
async function crashPoint(jobId: string): Promise<void> {
  if (process.env.JOBS_TEST_CRASH !== "1") return;
  console.log(`KILL_ME ${jobId}`);
  await new Promise(() => {});
}

const crashOptions = { expireInSeconds: 2, retryLimit: 3, retryDelay: 0, retryBackoff: false } as const;

/** Killed after its effect committed: the re-run must find it done. */
export const crashAfterJob = defineJob({
  name: "test.crash-after",
  schema: z.object({ n: z.number().int() }),
  handler: async ({ db, data, job }) => {
    await recordRun(db, job, process.env.JOBS_TEST_CRASH === "1" ? "child" : "main");
    await runOnce(db, job, (tx) =>
      tx.execute(sql`INSERT INTO jobs_test_effects (job_id, n) VALUES (${job.id}::uuid, ${data.n})`),
    );
    await crashPoint(job.id);
  },
  options: crashOptions,
});

/** Killed inside the effect's transaction (not committed): the re-run must do it, once. */
export const crashInsideJob = defineJob({
  name: "test.crash-inside",
  schema: z.object({ n: z.number().int() }),
  handler: async ({ db, data, job }) => {
    await recordRun(db, job, process.env.JOBS_TEST_CRASH === "1" ? "child" : "main");
    await runOnce(db, job, async (tx) => {
      await tx.execute(sql`INSERT INTO jobs_test_effects (job_id, n) VALUES (${job.id}::uuid, ${data.n})`);
      await crashPoint(job.id);
    });
  },
  options: crashOptions,
});

export const CRASH_JOBS = [crashAfterJob, crashInsideJob] as const;

export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${opts.what ?? "a condition"}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}

export async function jobOf(boss: PgBoss, name: string, id: string): Promise<JobWithMetadata<unknown> | undefined> {
  return (await boss.findJobs<unknown>(name, { id }))[0];
}

/** Waits until the job reaches one of `states`. */
export function jobIn(boss: PgBoss, name: string, id: string, states: string[], timeoutMs = 20_000) {
  return waitFor(
    async () => {
      const job = await jobOf(boss, name, id);
      return job && states.includes(job.state) ? job : undefined;
    },
    { timeoutMs, what: `${name} ${id} to be ${states.join("/")}` },
  );
}

/** A logger that keeps lines instead of printing the expected failures. */
export function quietLog() {
  const lines: string[] = [];
  const keep = (...a: unknown[]) => void lines.push(a.map(String).join(" "));
  return { lines, log: keep, warn: keep, error: keep };
}
